package io.fieldsync.settings;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fieldsync.config.LiveSettings;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code fieldsync.maintenance-windows}: read at each use, so a window added through the settings
 * API applies at once. Scheduled syncs are postponed to the window's end; manual ones refused.
 */
@Component("maintenanceWindows")
public class MaintenanceWindows {

    private final LiveSettings settings;
    private final ScheduleSettings schedule;

    public MaintenanceWindows(LiveSettings settings, ScheduleSettings schedule) {
        this.settings = settings;
        this.schedule = schedule;
    }

    /** The end of the latest window that contains now (windows may overlap), or empty. */
    public Optional<ZonedDateTime> activeUntil(ZonedDateTime now) {
        return windows().stream()
                .map(window -> window.endsAfter(now, schedule.zone()))
                .flatMap(Optional::stream)
                .max(ZonedDateTime::compareTo);
    }

    public Optional<ZonedDateTime> activeNow() {
        return activeUntil(ZonedDateTime.now(schedule.zone()));
    }

    public List<MaintenanceWindow> windows() {
        List<Map<String, Object>> declared = settings.current(MaintenanceWindowProperties.class).maintenanceWindows();
        return declared == null ? List.of() : declared.stream().map(MaintenanceWindows::parse).toList();
    }

    @SuppressWarnings("rawtypes")
    static MaintenanceWindow parse(Map window) {
        return MaintenanceWindow.parse(text(window, "start"), text(window, "end"), text(window, "days"),
                text(window, "from"), text(window, "to"));
    }

    @SuppressWarnings("rawtypes")
    private static String text(Map window, String key) {
        Object value = window.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
