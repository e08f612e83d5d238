package io.fieldsync.logging;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

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
            "fieldsync.xero.token-key",
            "fieldsync.xero.webhook-key",
            "fieldsync.source.password",
            "spring.datasource.password",
            "fieldsync.alerts.smtp-password",
            "spring.mail.password",
            "spring.security.user.password");

    /** Settings that are printed as a matter of course (names, users, URLs). */
    static final List<String> NAME_PROPERTIES = List.of(
            "spring.application.name",
            "camel.main.name",
            "spring.security.user.name",
            "fieldsync.source.username",
            "fieldsync.source.url",
            "spring.datasource.username",
            "spring.datasource.url",
            "fieldsync.alerts.smtp-username",
            "fieldsync.alerts.from",
            "fieldsync.xero.client-id");

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            remember(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent loaded) {
            remember(loaded.getApplicationContext().getEnvironment());
        }
    }

    /**
     * A password that is also a name printed on every line (the demo compose file's "fieldsync" is
     * the package, the application and the user) is not looked for literally, or every line would be
     * masked; the patterns still mask it after {@code password=} and the like.
     */
    static void remember(ConfigurableEnvironment environment) {
        List<String> names = Stream.concat(Stream.of("io.fieldsync"), NAME_PROPERTIES.stream().map(p -> property(environment, p)))
                .filter(Objects::nonNull).map(name -> name.toLowerCase(Locale.ROOT)).toList();
        for (String property : SECRET_PROPERTIES) {
            String secret = property(environment, property);
            if (secret != null && names.stream().noneMatch(name -> name.contains(secret.toLowerCase(Locale.ROOT)))) {
                SecretMasking.rememberConfigured(secret);
            }
        }
    }

    private static String property(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            return null; // a placeholder that cannot be resolved yet
        }
    }
}
