package io.fieldsync.settings;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.maintenance-windows}: no sync runs in these windows; scheduled syncs wait for the
 * window's end, manual ones are refused. Changeable at run time (the API replaces the list as a
 * whole); each window is read and checked by {@link MaintenanceWindow}. Defaults: application.yml (none).
 *
 * @param maintenanceWindows the windows: once {start, end} (ISO local date-times), or weekly {days
 *                           (e.g. SAT,SUN; empty: every day), from, to (HH:mm)}, in the schedule's zone
 */
@Validated
@ConfigurationProperties("fieldsync")
public record MaintenanceWindowProperties(@NotNull List<Map<String, Object>> maintenanceWindows) {
}
