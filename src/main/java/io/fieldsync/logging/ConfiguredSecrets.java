package io.fieldsync.logging;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Hands the configured secrets to {@link SecretMasking} as soon as the settings are read, before
 * anything is logged with them, and again once the context is prepared (settings added by
 * initializers). Registered in META-INF/spring.factories.
 */
public class ConfiguredSecrets implements ApplicationListener<SpringApplicationEvent> {

    static final List<String> SECRET_PROPERTIES = List.of(
            "fieldsync.xero.client-secret",
            "fieldsync.sandbox.client-secret",
            "fieldsync.source.password",
            "spring.datasource.password",
            "fieldsync.alerts.smtp-password",
            "spring.mail.password",
            "spring.security.user.password");

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            remember(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent loaded) {
            remember(loaded.getApplicationContext().getEnvironment());
        }
    }

    private static void remember(ConfigurableEnvironment environment) {
        for (String property : SECRET_PROPERTIES) {
            try {
                SecretMasking.rememberConfigured(environment.getProperty(property));
            } catch (RuntimeException unresolvable) {
                // a placeholder that cannot be resolved yet is not a secret we can know
            }
        }
    }
}
