package io.fieldsync.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Xero's Idempotency-Key: a repeat of the same request under the same key within the retention
 * window gets the first answer again and changes nothing; the same key on a different request is
 * refused.
 */
final class IdempotencyReplay {
    static final int MAX_KEY_LENGTH = 128;
    static final Duration RETENTION = Duration.ofMinutes(5);

    private record Remembered(String fingerprint, SandboxAnswer answer, Instant at) {
    }

    /** What to do with a request: go ahead, replay a stored answer, or refuse it. */
    record Verdict(SandboxAnswer answer, boolean proceed) {
    }

    private final Clock clock;
    private final Map<String, Remembered> byKey = new LinkedHashMap<>();

    IdempotencyReplay(Clock clock) {
        this.clock = clock;
    }

    synchronized Verdict check(String tenantId, SandboxRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null || !request.isWrite()) {
            return new Verdict(null, true);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return new Verdict(SandboxAnswer.problem(400, "Bad Request",
                    "Idempotency-Key must be between 1 and " + MAX_KEY_LENGTH + " characters"), false);
        }
        expire();
        Remembered remembered = byKey.get(tenantId + "|" + key);
        if (remembered == null) {
            return new Verdict(null, true);
        }
        if (!remembered.fingerprint().equals(fingerprint(request))) {
            return new Verdict(SandboxAnswer.problem(400, "Bad Request",
                    "The Idempotency-Key '" + key + "' has already been used with a different request"), false);
        }
        return new Verdict(remembered.answer().copy().header("Idempotent-Replayed", "true"), false);
    }

    /** Only answers that may have changed state are kept; a 5xx or 429 may be retried for real. */
    synchronized void remember(String tenantId, SandboxRequest request, SandboxAnswer answer) {
        String key = request.header("Idempotency-Key");
        if (key == null || key.isBlank() || !request.isWrite() || answer.status >= 500 || answer.status == 429) {
            return;
        }
        byKey.put(tenantId + "|" + key, new Remembered(fingerprint(request), answer.copy(), clock.instant()));
    }

    synchronized void clear() {
        byKey.clear();
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(RETENTION);
        byKey.values().removeIf(r -> r.at().isBefore(cutoff));
    }

    private static String fingerprint(SandboxRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method() + " " + request.path() + "?" + request.query()).getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
