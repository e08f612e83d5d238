package io.fieldsync.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.quartz.CronExpression;

/**
 * A text setting in one of the formats Bean Validation has no constraint for. Empty (or null)
 * passes: whether a setting may be empty is {@code @NotBlank}'s to say.
 */
@Documented
@Constraint(validatedBy = SettingFormat.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SettingFormat {

    Kind value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        LOCAL_DATE_TIME("is not an ISO local date-time like 2026-12-01T06:00"),
        TIME_ZONE("is not a time zone like Australia/Sydney"),
        QUARTZ_CRON("is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. 0 0/30 7-18 ? * MON-FRI"),
        EMAIL("is not an email address"),
        EMAIL_LIST("is not an email address"),
        NO_SPACES("must not contain spaces"),
        FILE_TYPES("must list file extensions, comma-separated, e.g. pdf,png,jpg");

        private final String problem;

        Kind(String problem) {
            this.problem = problem;
        }
    }

    class Check implements ConstraintValidator<SettingFormat, String> {

        private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+");
        private static final Pattern FILE_TYPES = Pattern.compile("[A-Za-z0-9]+(\\s*,\\s*[A-Za-z0-9]+)*");

        private Kind kind;

        @Override
        public void initialize(SettingFormat format) {
            kind = format.value();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            String value = raw == null ? "" : raw.trim();
            if (value.isEmpty()) {
                return true;
            }
            String wrong = wrong(value);
            if (wrong == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(wrong)).addConstraintViolation();
            return false;
        }

        /** What is wrong, in words, or null. */
        private String wrong(String value) {
            switch (kind) {
                case LOCAL_DATE_TIME -> {
                    try {
                        LocalDateTime.parse(value);
                        return null;
                    } catch (RuntimeException e) {
                        return quoted(value);
                    }
                }
                case TIME_ZONE -> {
                    try {
                        ZoneId.of(value);
                        return null;
                    } catch (RuntimeException e) {
                        return quoted(value);
                    }
                }
                case QUARTZ_CRON -> {
                    return CronExpression.isValidExpression(value) ? null : quoted(value);
                }
                case EMAIL -> {
                    return EMAIL.matcher(value).matches() ? null : quoted(value);
                }
                case EMAIL_LIST -> {
                    for (String address : value.split(",")) {
                        if (!address.isBlank() && !EMAIL.matcher(address.trim()).matches()) {
                            return quoted(address.trim());
                        }
                    }
                    return null;
                }
                case NO_SPACES -> {
                    return value.chars().anyMatch(Character::isWhitespace) ? kind.problem : null;
                }
                case FILE_TYPES -> {
                    return FILE_TYPES.matcher(value).matches() ? null : kind.problem;
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        private String quoted(String value) {
            return "'" + value + "' " + kind.problem;
        }

        /** Bean Validation reads {…} and ${…} in a message as expressions. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
