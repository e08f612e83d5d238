package io.fieldsync.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.env.PropertySource;

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
    /** Bound records, each with the property sources it was bound from and the generation it belongs to. */
    private final Map<Class<?>, Bound> bound = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Bound(long generation, List<PropertySource<?>> sources, Object value) {
    }

    public LiveSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The record's current values; the record must be a {@code @ConfigurationProperties} type.
     * Bound from a fresh view of the property sources, not the environment's attached view, which
     * keeps a list of each source's names: a map entry (payments.accounts.card) is found through
     * that list, and the settings API changes its source in place. A bound record is kept until
     * {@link #forget} (the settings API and a change taken in from another node call it) or until
     * a property source is added, removed or replaced: binding costs far more than a push page's
     * reads of it, which were a measurable share of the push's CPU.
     */
    public <T> T current(Class<T> record) {
        long now = generation.get();
        List<PropertySource<?>> sources = environment.getPropertySources().stream().toList();
        Bound known = bound.get(record);
        if (known != null && known.generation() == now && sameSources(known.sources(), sources)) {
            return record.cast(known.value());
        }
        T value = bind(environment, record);
        bound.put(record, new Bound(now, sources, value));
        return value;
    }

    /** Settings changed in place: the next read of each record binds it again. */
    public void forget() {
        generation.incrementAndGet();
        bound.clear();
    }

    private static boolean sameSources(List<PropertySource<?>> known, List<PropertySource<?>> now) {
        if (known.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i) != now.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The same for code that runs before there are beans (environment post-processors, failure analysers), and for TaxTypes. */
    public static <T> T bind(Environment environment, Class<T> record) {
        Binder binder = environment instanceof ConfigurableEnvironment configurable
                ? new Binder(ConfigurationPropertySources.from(configurable.getPropertySources()),
                        new PropertySourcesPlaceholdersResolver(configurable))
                : Binder.get(environment);
        return binder.bindOrCreate(prefix(record), Bindable.of(record));
    }

    public static String prefix(Class<?> record) {
        ConfigurationProperties declared = record.getAnnotation(ConfigurationProperties.class);
        if (declared == null) {
            throw new IllegalArgumentException(record.getName() + " is not a @ConfigurationProperties record");
        }
        return declared.prefix().isEmpty() ? declared.value() : declared.prefix();
    }
}
