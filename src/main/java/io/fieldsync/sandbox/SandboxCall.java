package io.fieldsync.sandbox;

import java.time.Instant;

/** One API call as the sandbox received it: when, what, and the Idempotency-Key that ties a retry to its first try. */
public record SandboxCall(Instant at, String method, String collection, String idempotencyKey) {
}
