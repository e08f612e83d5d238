package io.fieldsync.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Changes settings of a running connector the way the settings API does: a property source of
 * the highest precedence. Closing it puts the settings back.
 */
public final class TestSettings implements AutoCloseable {

    private static final String NAME = "test-runtime-settings";
    private final ConfigurableEnvironment environment;
    private final Map<String, Object> values = new HashMap<>();

    public TestSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
        environment.getPropertySources().remove(NAME);
        environment.getPropertySources().addFirst(new MapPropertySource(NAME, values));
    }

    public TestSettings set(String key, Object value) {
        values.put(key, value);
        return changed();
    }

    public TestSettings unset(String key) {
        values.remove(key);
        return changed();
    }

    /** A new source in its place: LiveSettings binds again when a source is replaced, as after the settings API's change. */
    private TestSettings changed() {
        environment.getPropertySources().replace(NAME, new MapPropertySource(NAME, values));
        return this;
    }

    @Override
    public void close() {
        environment.getPropertySources().remove(NAME);
    }
}
