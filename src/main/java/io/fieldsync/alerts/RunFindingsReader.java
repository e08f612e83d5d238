package io.fieldsync.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fieldsync.state.SyncRun;
import io.fieldsync.xero.XeroDeepLinks;
import io.fieldsync.xero.XeroTenant;
import io.fieldsync.xero.XeroTenantRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a run's counts and failed records (with their Xero links) from the state store, for the reports. */
@Component("runFindingsReader")
public class RunFindingsReader {

    private final JdbcTemplate state;
    private final XeroTenantRepository tenants;

    public RunFindingsReader(JdbcTemplate state, XeroTenantRepository tenants) {
        this.state = state;
        this.tenants = tenants;
    }

    public RunFindings of(SyncRun run, int maxRecords) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>(RunReports.ENTITY_ORDER);
        state.query("select entity, status, record_count from sync_run_count where run_id = ?", row -> {
            counts.computeIfAbsent(row.getString("entity"), e -> new LinkedHashMap<>())
                    .put(row.getString("status"), row.getInt("record_count"));
        }, run.getId());
        Integer total = state.queryForObject(
                "select count(*) from record_status where tenant_ref = ? and last_run_id = ? and status = 'FAILED'",
                Integer.class, run.getTenantRef(), run.getId());
        String shortCode = tenants.findById(run.getTenantRef()).map(XeroTenant::getShortCode).orElse(null);
        List<FailedRecord> failed = state.query("""
                select s.entity, s.local_id, s.message, s.failure_count, l.xero_id, l.xero_number
                  from record_status s
                  left join record_link l on l.tenant_ref = s.tenant_ref and l.entity = s.entity and l.local_id = s.local_id
                 where s.tenant_ref = ? and s.last_run_id = ? and s.status = 'FAILED'
                 order by s.entity, s.local_id
                 limit""" + " " + maxRecords,
                (row, n) -> new FailedRecord(row.getString("entity"), row.getLong("local_id"),
                        row.getString("xero_number"), row.getString("message"), row.getInt("failure_count"),
                        XeroDeepLinks.of(shortCode, row.getString("entity"), row.getString("xero_id"))),
                run.getTenantRef(), run.getId());
        return new RunFindings(run, counts, failed, total == null ? failed.size() : total);
    }

    /** Records that have failed on at least this many runs in a row, as of this run. */
    public List<FailedRecord> failingRepeatedly(SyncRun run, int runs) {
        return state.query("""
                select entity, local_id, message, failure_count from record_status
                 where tenant_ref = ? and last_run_id = ? and status = 'FAILED' and failure_count >= ?
                 order by entity, local_id""",
                (row, n) -> new FailedRecord(row.getString("entity"), row.getLong("local_id"), null,
                        row.getString("message"), row.getInt("failure_count"), null),
                run.getTenantRef(), run.getId(), runs);
    }

    /** Whether the record still fails on at least this many runs in a row. */
    public boolean stillFailing(long tenantRef, String entity, long localId, int runs) {
        Integer n = state.queryForObject("""
                select count(*) from record_status
                 where tenant_ref = ? and entity = ? and local_id = ? and status = 'FAILED' and failure_count >= ?""",
                Integer.class, tenantRef, entity, localId, runs);
        return n != null && n > 0;
    }
}
