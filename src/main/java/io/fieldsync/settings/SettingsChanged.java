package io.fieldsync.settings;

import java.util.Set;

/** Settings changed at run time (names under {@code fieldsync.}): beans that keep a setting re-read it. */
public record SettingsChanged(Set<String> names) {

    public boolean touches(String prefix) {
        return names.stream().anyMatch(name -> name.startsWith(prefix));
    }
}
