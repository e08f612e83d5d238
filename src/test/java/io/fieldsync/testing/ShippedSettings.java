package io.fieldsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * For tests without a Spring context: an environment holding application.yml, where the settings'
 * defaults are declared (the records have none), under the test's own properties.
 */
public final class ShippedSettings {

    private ShippedSettings() {
    }

    public static MockEnvironment environment() {
        MockEnvironment environment = new MockEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return environment;
    }
}
