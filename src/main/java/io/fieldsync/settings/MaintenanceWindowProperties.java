package io.fieldsync.settings;

import java.util.List;
import java.util.Map;

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
public record MaintenanceWindowProperties(List<Map<String, Object>> maintenanceWindows) {
}
