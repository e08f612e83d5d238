package io.fieldsync.api;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A sync run as the operator API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRunView(long id, String status, String trigger, String requestedBy, Instant startedAt,
                          Instant finishedAt, String message, Map<String, Map<String, Integer>> counts) {
}
