package io.fieldsync.sandbox;

import java.time.Duration;
import java.util.UUID;

/**
 * How a sandbox is set up: where it listens, the one app it knows, the one organisation it
 * holds, and Xero's limits (shrink {@code window} to run them on a faster clock; the "day" is
 * then 1,440 windows long).
 */
public record SandboxSettings(int port, String clientId, String clientSecret, String tenantId,
                              int concurrentLimit, int perWindowLimit, Duration window, int perDayLimit) {

    public static final String DEFAULT_TENANT_ID = "b6a0c3de-5f1e-4a7a-9c11-3f2d0e6a7b01";

    public SandboxSettings {
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive");
        }
        UUID.fromString(tenantId); // Xero tenant ids are GUIDs; fail early on a typo
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(0, "sandbox-client", "sandbox-secret", DEFAULT_TENANT_ID,
                5, 60, Duration.ofMinutes(1), 5000);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(newPort, clientId, clientSecret, tenantId, concurrentLimit, perWindowLimit, window, perDayLimit);
    }

    public SandboxSettings withLimits(int concurrent, int perWindow, Duration newWindow, int perDay) {
        return new SandboxSettings(port, clientId, clientSecret, tenantId, concurrent, perWindow, newWindow, perDay);
    }

    /** The length of a rate-limit "day": 1,440 windows, so a shrunken window shrinks the day too. */
    public Duration day() {
        return window.multipliedBy(1440);
    }
}
