package io.fieldsync.runs;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import io.fieldsync.settings.ScheduleSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs and their record outcomes per day, for the console's plot: the last {@code days} days up
 * to today in the schedule's zone, oldest first, every day present. One grouped query: the days'
 * bounds (computed here, so daylight saving and half-hour zones such as Adelaide's are right)
 * go in as a derived table that the runs are joined to. Typed by casts and named apart from
 * keywords (H2, the demo's state store, reads "day" as one).
 */
@Component("dailyRunTotals")
public class DailyRunTotals {

    public record Day(LocalDate day, int runs, long synced, long failed, long skipped) {
    }

    private final JdbcTemplate state;
    private final ScheduleSettings schedule;

    public DailyRunTotals(JdbcTemplate state, ScheduleSettings schedule) {
        this.state = state;
        this.schedule = schedule;
    }

    public List<Day> lastDays(int days) {
        ZoneId zone = schedule.zone();
        LocalDate today = LocalDate.now(zone);
        StringJoiner bounds = new StringJoiner(" union all ");
        List<Object> arguments = new ArrayList<>();
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            bounds.add("select cast(? as date) as on_day, cast(? as datetime) as day_start, cast(? as datetime) as day_end");
            arguments.add(java.sql.Date.valueOf(day));
            arguments.add(Timestamp.from(day.atStartOfDay(zone).toInstant()));
            arguments.add(Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return state.query("""
                select d.on_day, count(distinct r.id) as runs,
                       coalesce(sum(case when c.status = 'SYNCED' then c.record_count end), 0) as synced,
                       coalesce(sum(case when c.status = 'FAILED' then c.record_count end), 0) as failed,
                       coalesce(sum(case when c.status = 'SKIPPED' then c.record_count end), 0) as skipped
                  from (%s) d
                  left join sync_run r on r.started_at >= d.day_start and r.started_at < d.day_end
                  left join sync_run_count c on c.run_id = r.id
                 group by d.on_day
                 order by d.on_day""".formatted(bounds),
                (row, i) -> new Day(row.getDate("on_day").toLocalDate(), row.getInt("runs"), row.getLong("synced"),
                        row.getLong("failed"), row.getLong("skipped")),
                arguments.toArray());
    }
}
