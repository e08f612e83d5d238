package io.fieldsync.settings;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final Environment environment;
    private final ScheduleSettings schedule;

    public MaintenanceWindows(Environment environment, ScheduleSettings schedule) {
        this.environment = environment;
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

    @SuppressWarnings("rawtypes")
    public List<MaintenanceWindow> windows() {
        List<Map> raw = Binder.get(environment).bind("fieldsync.maintenance-windows", Bindable.listOf(Map.class)).orElse(List.of());
        return raw.stream().map(MaintenanceWindows::parse).toList();
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
