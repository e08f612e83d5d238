package io.fieldsync.settings;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * What the console's settings form needs to know of a setting, read from the same declarations
 * the settings API checks a change against: the kind of value, the values a choice allows (from
 * its {@code @Pattern}), its bounds, and whether the API may change it at all.
 */
public final class SettingDescriptions {

    /** A choice's alternatives in a pattern such as {@code (?i)\s*(push|pull|both|off)\s*}. */
    private static final java.util.regex.Pattern CHOICES = java.util.regex.Pattern.compile("\\(([A-Za-z0-9_-]+(?:\\|[A-Za-z0-9_-]+)+)\\)");

    /**
     * @param type    boolean, integer, number, duration (ISO-8601, PT15M) or text
     * @param format  for text: local-date-time, time-zone, quartz-cron, email, email-list, no-spaces, file-types
     * @param values  the values a choice allows
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Description(String type, String format, List<String> values, Long min, Long max, boolean changeable) {
    }

    private SettingDescriptions() {
    }

    /** The description of a leaf setting (relative to {@code fieldsync.}); empty when no changeable record declares it. */
    public static Optional<Description> of(String setting) {
        return SettingDeclarations.find(setting).map(declared -> {
            RecordComponent component = declared.component();
            String type = type(declared.type());
            String format = null;
            List<String> values = null;
            Long min = null;
            Long max = null;
            if (component != null) {
                SettingFormat settingFormat = annotation(component, SettingFormat.class);
                if (settingFormat != null) {
                    format = settingFormat.value().name().toLowerCase(Locale.ROOT).replace('_', '-');
                }
                Pattern pattern = annotation(component, Pattern.class);
                if (pattern != null) {
                    Matcher choices = CHOICES.matcher(pattern.regexp());
                    if (choices.find()) {
                        values = Arrays.asList(choices.group(1).split("\\|"));
                    }
                }
                Min least = annotation(component, Min.class);
                Max most = annotation(component, Max.class);
                min = least == null ? null : least.value();
                max = most == null ? null : most.value();
            }
            return new Description(type, format, values, min, max, declared.changeable());
        });
    }

    /** Bean Validation's constraints do not target record components: Java puts them on the accessor. */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent component, Class<A> type) {
        A on = component.getAnnotation(type);
        return on != null ? on : component.getAccessor().getAnnotation(type);
    }

    private static String type(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == Duration.class) {
            return "duration";
        }
        return "text";
    }
}
