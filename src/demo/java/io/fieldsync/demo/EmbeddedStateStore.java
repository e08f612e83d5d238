package io.fieldsync.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no state store configured ({@code spring.datasource.url} empty), an embedded H2 one in
 * MySQL mode, migrated by Flyway like any other: the demo's and the tests' default. Registered in
 * this tree's META-INF/spring.factories, so only the demo's classpath has it: the production jar
 * carries no H2 and asks for {@code spring.datasource.url}.
 */
public class EmbeddedStateStore implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "fieldsync-embedded-state-store";
    static final String URL = "jdbc:h2:mem:fieldsync-state;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        Map<String, Object> embedded = new LinkedHashMap<>();
        embedded.put("spring.datasource.url", URL);
        embedded.put("spring.datasource.username", "sa");
        embedded.put("spring.datasource.password", "");
        // last: a state store configured later (a test's dynamic properties) still wins
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, embedded));
    }
}
