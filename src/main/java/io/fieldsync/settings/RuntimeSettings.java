package io.fieldsync.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settings changed through the settings API. They are kept in the state store (so every node and
 * every restart sees them) and served as the property source of highest precedence, so the rest
 * of the application reads them like any other property. A node notices another node's change
 * at the next {@link #reloadIfChanged()} (each sync start and each watchdog tick).
 */
@Component("runtimeSettings")
public class RuntimeSettings {

    public static final String PROPERTY_SOURCE = "fieldsync-settings-api";
    private static final Logger log = LoggerFactory.getLogger(RuntimeSettings.class);

    /** One change as recorded: the effective value before and after. */
    public record Change(String name, String oldValue, String newValue) {
    }

    private final ConfigurableEnvironment environment;
    private final JdbcTemplate state;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Map<String, Object> overrides = new ConcurrentHashMap<>();
    private volatile long seenChange = -1;
    private final io.fieldsync.config.LiveSettings live;

    public RuntimeSettings(ConfigurableEnvironment environment, JdbcTemplate state, TransactionTemplate transaction,
                           ApplicationEventPublisher events, io.fieldsync.config.LiveSettings live) {
        this.live = live;
        this.environment = environment;
        this.state = state;
        this.transaction = transaction;
        this.events = events;
        environment.getPropertySources().remove(PROPERTY_SOURCE);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, overrides));
        reloadIfChanged();
    }

    /** Takes in changes another node made since this node last looked; cheap when there are none. */
    public synchronized void reloadIfChanged() {
        Long latest = state.queryForObject("select coalesce(max(id), 0) from settings_change", Long.class);
        if (latest == null || latest == seenChange) {
            return;
        }
        Map<String, Object> stored = new HashMap<>();
        state.query("select name, setting from setting_value", row -> {
            stored.put(row.getString("name"), row.getString("setting") == null ? "" : row.getString("setting"));
        });
        Set<String> changed = new LinkedHashSet<>(overrides.keySet());
        changed.addAll(stored.keySet());
        changed.removeIf(name -> Objects.equals(overrides.get(name), stored.get(name)));
        overrides.clear();
        overrides.putAll(stored);
        live.forget();
        boolean first = seenChange < 0;
        seenChange = latest;
        if (!changed.isEmpty()) {
            if (!first) {
                log.info("Settings changed on another node: {}", changed);
            }
            events.publishEvent(new SettingsChanged(changed));
        }
    }

    /**
     * Stores already validated values (a null value returns the setting to the application's own)
     * and records each change with its old and new effective value, all in one transaction.
     */
    public synchronized java.util.List<Change> change(Map<String, String> values, String changedBy) {
        java.util.List<Change> changes = new java.util.ArrayList<>();
        Map<String, Object> next = new HashMap<>(overrides);
        values.forEach((name, value) -> {
            if (value == null) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        for (String name : values.keySet()) {
            String before = environment.getProperty(name);
            String after = effective(name, next);
            if (!Objects.equals(before, after) || !Objects.equals(overrides.get(name), next.get(name))) {
                changes.add(new Change(name, before, after));
            }
        }
        if (changes.isEmpty()) {
            return changes;
        }
        Timestamp now = Timestamp.from(Instant.now());
        transaction.executeWithoutResult(status -> {
            for (Change change : changes) {
                Object value = next.get(change.name());
                state.update("delete from setting_value where name = ?", change.name());
                if (value != null) {
                    state.update("insert into setting_value (name, setting, updated_at, updated_by) values (?, ?, ?, ?)",
                            change.name(), value, now, changedBy);
                }
                state.update("insert into settings_change (changed_at, changed_by, name, old_value, new_value) values (?, ?, ?, ?, ?)",
                        now, changedBy, change.name(), change.oldValue(), change.newValue());
            }
        });
        overrides.clear();
        overrides.putAll(next);
        live.forget();
        seenChange = state.queryForObject("select coalesce(max(id), 0) from settings_change", Long.class);
        changes.forEach(c -> log.info("Setting {} changed by {}: {} -> {}", c.name(), changedBy, c.oldValue(), c.newValue()));
        events.publishEvent(new SettingsChanged(changes.stream().map(Change::name)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))));
        return changes;
    }

    /** The overrides as they would be with these values (null: back to the application's own), for checking a change first. */
    public Map<String, Object> overridesWith(Map<String, String> values) {
        Map<String, Object> next = new HashMap<>(overrides);
        values.forEach((name, value) -> {
            if (value == null) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        return next;
    }

    /** The names this API has set under a prefix, e.g. a list's elements before the list is replaced. */
    public Set<String> overriddenUnder(String prefix) {
        return overrides.keySet().stream().filter(name -> name.startsWith(prefix))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The value a name would have with the given overrides: the override, else the application's own property. */
    private String effective(String name, Map<String, Object> next) {
        if (next.containsKey(name)) {
            return String.valueOf(next.get(name));
        }
        for (var source : environment.getPropertySources()) {
            if (!PROPERTY_SOURCE.equals(source.getName()) && source.containsProperty(name)) {
                Object value = source.getProperty(name);
                return value == null ? null : environment.resolvePlaceholders(String.valueOf(value));
            }
        }
        return null;
    }
}
