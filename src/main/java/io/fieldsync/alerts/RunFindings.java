package io.fieldsync.alerts;

import java.util.List;
import java.util.Map;

import io.fieldsync.state.SyncRun;

/**
 * What a run did, as the reports tell it: its counts per entity and status, and its failed
 * records (at most the report's limit of them; {@code failedTotal} counts all).
 */
public record RunFindings(SyncRun run, Map<String, Map<String, Integer>> counts, List<FailedRecord> failed,
                          int failedTotal) {
}
