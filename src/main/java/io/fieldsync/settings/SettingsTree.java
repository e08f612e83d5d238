package io.fieldsync.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * The settings as the API shows and takes them: the tree under {@code fieldsync.} with secrets
 * left out, and a partial tree flattened back to property names.
 */
@Component
public class SettingsTree {

    static final String PREFIX = "fieldsync.";
    /** Names whose values are secrets: never shown, never taken from the API (set them in the environment). */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|encryption-key|private-key|webhook-key).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    /** Lists the API replaces as a whole; the rest of the tree is leaves under nested objects. */
    static final List<String> LISTS = List.of("maintenance-windows");

    private final ConfigurableEnvironment environment;

    public SettingsTree(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    public static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }

    /** The effective settings, nested as in application.yml. */
    public Map<String, Object> effective() {
        TreeSet<String> names = new TreeSet<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(PREFIX) && !name.contains("[") && !isSecret(name)) {
                        names.add(name);
                    }
                }
            }
        }
        Map<String, Object> tree = new TreeMap<>();
        for (String name : names) {
            if (LISTS.stream().anyMatch(list -> name.startsWith(PREFIX + list))) {
                continue;
            }
            String value;
            try {
                value = environment.getProperty(name);
            } catch (IllegalArgumentException unresolvable) {
                continue;
            }
            put(tree, name.substring(PREFIX.length()), shown(name, value));
        }
        Binder binder = Binder.get(environment);
        for (String list : LISTS) {
            tree.put(list, binder.bind(PREFIX + list, Bindable.listOf(Map.class)).orElse(List.of()));
        }
        return tree;
    }

    /**
     * A partial tree from the API as property names and values (strings; null returns a setting to
     * the application's own value). Lists become one value per element field; an empty list is its
     * name set to "", so it replaces a longer list of the application's properties.
     */
    public Map<String, String> flatten(Map<String, Object> partial) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", partial, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private void flatten(String path, Map<String, Object> node, Map<String, String> flat) {
        for (var entry : node.entrySet()) {
            String name = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            Object value = entry.getValue();
            if (LISTS.contains(name)) {
                // an empty list needs the list's own name set to ""; a value there would hide elements
                flat.put(PREFIX + name, value instanceof List<?> l && l.isEmpty() ? "" : null);
                if (value instanceof List<?> elements) {
                    for (int i = 0; i < elements.size(); i++) {
                        if (!(elements.get(i) instanceof Map<?, ?> element)) {
                            throw new InvalidSettingException(name + "[" + i + "]", "must be an object");
                        }
                        for (var field : element.entrySet()) {
                            flat.put(PREFIX + name + "[" + i + "]." + field.getKey(),
                                    field.getValue() == null ? null : String.valueOf(field.getValue()));
                        }
                    }
                } else if (value != null) {
                    throw new InvalidSettingException(name, "must be a list");
                }
            } else if (value instanceof Map<?, ?> child) {
                flatten(name, (Map<String, Object>) child, flat);
            } else if (value instanceof List<?> list) {
                flat.put(PREFIX + name, String.join(",", list.stream().map(String::valueOf).toList()));
            } else {
                flat.put(PREFIX + name, value == null ? null : String.valueOf(value));
            }
        }
    }

    private static Object shown(String name, String value) {
        if (value == null) {
            return "";
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        return name.endsWith(".url") ? URL_PASSWORD.matcher(value).replaceAll("$1****") : value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
                child = new TreeMap<String, Object>();
                node.put(parts[i], child);
            }
            node = (Map<String, Object>) child;
        }
        if (!(node.get(parts[parts.length - 1]) instanceof Map)) {
            node.put(parts[parts.length - 1], value);
        }
    }
}
