package io.fieldsync.settings;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.config.LiveSettings;

/**
 * Where a setting of the API's tree ({@code invoices.status}, {@code entities.invoice.master}) is
 * declared: the record component of one of {@link DeclaredSettings#CHANGEABLE}, read by reflection,
 * so that what the API may change is what the records declare, not a second list.
 */
final class SettingDeclarations {

    /**
     * A declared setting: its record, the path in it, the value's type and whether the API may change
     * it; {@code component} is the record component that declares it (null for a map's value).
     */
    record Declared(Class<?> record, Class<?> type, boolean changeable, RecordComponent component) {
    }

    private SettingDeclarations() {
    }

    /** The declaration of a leaf setting (relative to {@code fieldsync.}), if a changeable record declares one. */
    static Optional<Declared> find(String setting) {
        for (Class<?> record : DeclaredSettings.CHANGEABLE) {
            String prefix = relativePrefix(record);
            String rest;
            if (prefix.isEmpty()) {
                rest = setting;
            } else if (setting.startsWith(prefix + ".")) {
                rest = setting.substring(prefix.length() + 1);
            } else {
                continue;
            }
            Optional<Declared> found = walk(record, record, rest, true);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The record's prefix under {@code fieldsync.}: "invoices", or "" for a record of the root. */
    static String relativePrefix(Class<?> record) {
        String prefix = LiveSettings.prefix(record);
        return prefix.equals("fieldsync") ? "" : prefix.substring(SettingsTree.PREFIX.length());
    }

    private static Optional<Declared> walk(Class<?> root, Type type, String path, boolean changeable) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            String name = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            for (RecordComponent component : raw.getRecordComponents()) {
                if (kebab(component.getName()).equals(name)) {
                    boolean stillChangeable = changeable && !component.isAnnotationPresent(ReadAtStart.class);
                    if (!path.contains(".")) {
                        Class<?> leaf = raw(component.getGenericType());
                        return leaf.isRecord() || Map.class.isAssignableFrom(leaf) || List.class.isAssignableFrom(leaf)
                                ? Optional.empty() : Optional.of(new Declared(root, leaf, stillChangeable, component));
                    }
                    return walk(root, component.getGenericType(), path.substring(name.length() + 1), stillChangeable);
                }
            }
            return Optional.empty();
        }
        if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType map) {
            Type value = map.getActualTypeArguments()[1];
            int dot = path.indexOf('.');
            if (dot < 0) {
                Class<?> leaf = raw(value);
                return leaf.isRecord() || Map.class.isAssignableFrom(leaf) ? Optional.empty()
                        : Optional.of(new Declared(root, leaf, changeable, null));
            }
            return walk(root, value, path.substring(dot + 1), changeable);
        }
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** sendTax -> send-tax, as Spring's relaxed binding names it in the tree. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
