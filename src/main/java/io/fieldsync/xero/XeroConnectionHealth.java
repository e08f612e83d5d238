package io.fieldsync.xero;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The connection to Xero as a health component ({@code xeroConnection}), in a group of its own,
 * {@code /actuator/health/xero}: UP while connected, otherwise the connection's own status
 * (RECONNECT_NEEDED, UNREACHABLE with since when and why, NOT_CONNECTED, CHOOSE_ORGANISATION),
 * answered 503 there. These statuses rank below UP in {@code /actuator/health}, which stays about
 * the connector itself: a load balancer must not take away the node an operator reconnects on.
 */
@Component("xeroConnectionHealthIndicator")
public class XeroConnectionHealth implements HealthIndicator {

    private final XeroConnectionStatus status;

    public XeroConnectionHealth(XeroConnectionStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        XeroConnectionStatus.Now now = status.now();
        Health.Builder health = now.status() == XeroConnectionStatus.Status.CONNECTED ? Health.up()
                : Health.status(new Status(now.status().name()));
        if (now.message() != null) {
            health.withDetail(now.status() == XeroConnectionStatus.Status.UNREACHABLE ? "reason" : "message", now.message());
        }
        if (now.since() != null) {
            health.withDetail("since", now.since().toString());
        }
        if (now.lastAt() != null) {
            health.withDetail("lastAt", now.lastAt().toString());
        }
        return health.build();
    }
}
