package io.fieldsync.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Applies a partial settings tree from the API: flattened, checked as a whole (nothing changes
 * when anything is invalid), then stored and recorded.
 */
@Component
public class SettingsEditor {

    private final SettingsTree tree;
    private final SettingsValidator validator;
    private final RuntimeSettings settings;

    public SettingsEditor(SettingsTree tree, SettingsValidator validator, RuntimeSettings settings) {
        this.tree = tree;
        this.validator = validator;
        this.settings = settings;
    }

    public List<RuntimeSettings.Change> apply(Map<String, Object> partial, String changedBy) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (String list : SettingsTree.LISTS) {
            if (partial.containsKey(list)) {
                // a list is replaced as a whole: elements set before and not sent again go
                for (String old : settings.overriddenUnder(SettingsTree.PREFIX + list + "[")) {
                    flat.put(old, null);
                }
            }
        }
        flat.putAll(tree.flatten(partial));
        validator.check(flat);
        return settings.change(flat, changedBy);
    }
}
