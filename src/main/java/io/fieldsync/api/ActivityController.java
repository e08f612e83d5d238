package io.fieldsync.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.payments.PaymentActivity;
import io.fieldsync.state.SyncRunRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The system activity report: when each sync ran, manual (by whom) or scheduled, every
 * settings change with its old and new value, and the Xero payments the import applied to the
 * field-service books or took back out of them, in a period.
 */
@RestController
public class ActivityController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunActivity(long id, String trigger, String requestedBy, String status, Instant startedAt,
                              Instant finishedAt, String message) {
    }

    public record SettingsActivity(Instant changedAt, String changedBy, String setting, String oldValue, String newValue) {
    }

    public record Activity(Instant from, Instant to, List<RunActivity> runs, List<SettingsActivity> settingsChanges,
                           List<PaymentActivity.Entry> payments) {
    }

    private final SyncRunRepository runs;
    private final JdbcTemplate state;
    private final PaymentActivity payments;

    public ActivityController(SyncRunRepository runs, JdbcTemplate state, PaymentActivity payments) {
        this.runs = runs;
        this.state = state;
        this.payments = payments;
    }

    /** {@code from}/{@code to}: ISO dates (a whole day, UTC) or instants; default the last 30 days. */
    @GetMapping("/api/reports/activity")
    public Activity activity(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        // up to the end of this second: through MySQL Connector/J a MariaDB state store keeps whole
        // seconds, so what happened earlier in this second is stored at its start
        Instant end = to == null ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1)
                : instant(to, "to", true);
        Instant start = from == null ? end.minusSeconds(30L * 86_400) : instant(from, "from", false);
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' must be before 'to'", "from");
        }
        List<RunActivity> runActivity = runs.findByStartedAtGreaterThanEqualAndStartedAtLessThanOrderByIdAsc(start, end).stream()
                .map(run -> new RunActivity(run.getId(), run.getTrigger().name(), run.getRequestedBy(), run.getStatus().name(),
                        run.getStartedAt(), run.getFinishedAt(), run.getMessage()))
                .toList();
        List<SettingsActivity> changes = state.query("""
                        select changed_at, changed_by, name, old_value, new_value from settings_change
                         where changed_at >= ? and changed_at < ? order by id""",
                (row, i) -> new SettingsActivity(row.getTimestamp("changed_at").toInstant(), row.getString("changed_by"),
                        row.getString("name").substring("fieldsync.".length()), row.getString("old_value"), row.getString("new_value")),
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(end));
        return new Activity(start, end, runActivity, changes, payments.between(start, end));
    }

    private static Instant instant(String value, String field, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + value + "' is not a date (2026-11-01) or an instant (2026-11-01T08:00:00Z)", field);
        }
    }
}
