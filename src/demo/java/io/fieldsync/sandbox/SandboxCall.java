package io.fieldsync.sandbox;

import java.time.Instant;

/**
 * One API call as the sandbox received it: when, what, the Idempotency-Key that ties a retry to its
 * first try, and the If-Modified-Since of an incremental read (null when not sent).
 */
public record SandboxCall(Instant at, String method, String collection, String idempotencyKey, String ifModifiedSince) {
}
