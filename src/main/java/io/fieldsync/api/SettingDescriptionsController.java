package io.fieldsync.api;

import java.util.Map;
import java.util.TreeMap;

import io.fieldsync.settings.SettingDescriptions;
import io.fieldsync.settings.SettingsTree;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only: each setting of {@code GET /api/settings} with what its declaration says of it (the
 * kind of value, a choice's values, bounds, whether the API may change it), so the console draws
 * a form from the declarations rather than from a second list. Settings read only at start, and
 * those no changeable record declares, are {@code "changeable": false}.
 */
@RestController
public class SettingDescriptionsController {

    private final SettingsTree tree;

    public SettingDescriptionsController(SettingsTree tree) {
        this.tree = tree;
    }

    @GetMapping("/api/settings/descriptions")
    public Map<String, SettingDescriptions.Description> descriptions() {
        Map<String, SettingDescriptions.Description> described = new TreeMap<>();
        walk("", tree.effective(), described);
        return described;
    }

    @SuppressWarnings("unchecked")
    private static void walk(String path, Map<String, Object> node, Map<String, SettingDescriptions.Description> described) {
        node.forEach((name, value) -> {
            String setting = path.isEmpty() ? name : path + "." + name;
            if (value instanceof Map<?, ?> child) {
                walk(setting, (Map<String, Object>) child, described);
            } else if (!(value instanceof java.util.List<?>)) {
                described.put(setting, SettingDescriptions.of(setting)
                        .orElse(new SettingDescriptions.Description(value instanceof Boolean ? "boolean" : "text", null, null, null, null, false)));
            }
        });
    }
}
