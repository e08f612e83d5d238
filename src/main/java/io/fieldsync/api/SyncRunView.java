package io.fieldsync.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.runs.RunProgress;

/**
 * A sync run as the operator API shows it; {@code entities} only when it was asked for some
 * (absent: every enabled step), {@code progress} only while it runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRunView(long id, String status, String trigger, String requestedBy, Instant startedAt,
                          Instant finishedAt, String message, List<String> entities, Map<String, Map<String, Integer>> counts,
                          RunProgress.Progress progress) {
}
