package io.fieldsync.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one reader of settings the settings API may change at run time: binds a
 * {@code @ConfigurationProperties} record from the environment at each call, so a change (the
 * settings API's property source, another node's change taken in) is seen at the next use.
 * Settings fixed for the process are injected as the records' beans instead. Lives in the lowest
 * layer so that every package may read its run-time settings through it.
 */
@Component("liveSettings")
public class LiveSettings {

    private final ConfigurableEnvironment environment;

    public LiveSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The record's current values; the record must be a {@code @ConfigurationProperties} type.
     * Bound from a fresh view of the property sources each time: the environment's attached view
     * keeps a list of each source's names, and a map setting (payments.accounts.card) added to
     * the settings API's source in place was seen there only once that list was renewed.
     */
    public <T> T current(Class<T> record) {
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()),
                new PropertySourcesPlaceholdersResolver(environment)).bindOrCreate(prefix(record), Bindable.of(record));
    }

    /** The same for code that runs before there are beans (environment post-processors, failure analysers). */
    public static <T> T bind(Environment environment, Class<T> record) {
        return Binder.get(environment).bindOrCreate(prefix(record), Bindable.of(record));
    }

    public static String prefix(Class<?> record) {
        ConfigurationProperties declared = record.getAnnotation(ConfigurationProperties.class);
        if (declared == null) {
            throw new IllegalArgumentException(record.getName() + " is not a @ConfigurationProperties record");
        }
        return declared.prefix().isEmpty() ? declared.value() : declared.prefix();
    }
}
