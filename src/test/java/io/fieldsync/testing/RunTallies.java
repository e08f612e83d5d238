package io.fieldsync.testing;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/** A run's outcomes two ways, "entity STATUS" -> records, for tests that hold its counts against its records. */
public final class RunTallies {

    private RunTallies() {
    }

    /** As the run's counts have them. */
    public static Map<String, Integer> counted(JdbcTemplate state, long runId) {
        return state.query("select entity, status, record_count from sync_run_count where run_id = ? and record_count > 0",
                (row, i) -> Map.entry(row.getString(1) + " " + row.getString(2), row.getInt(3)), runId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The records whose outcome the run decided last. */
    public static Map<String, Integer> decided(JdbcTemplate state, long runId) {
        return state.query("select entity, status, count(*) from record_status where last_run_id = ? group by entity, status",
                (row, i) -> Map.entry(row.getString(1) + " " + row.getString(2), row.getInt(3)), runId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
