package io.fieldsync.alerts;

import java.util.List;

import io.fieldsync.xero.XeroConnected;
import io.fieldsync.xero.XeroConnectionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Alerts the moment Xero refuses the connection's refresh token, not only at the end of a run:
 * the condition is the same {@code reconnect-needed} a run's end raises, so a person hears it once
 * (again after repeat-after while it lasts). A reconnect clears it, so the next refusal alerts at once.
 */
@Component
public class ConnectionAlerts {

    private static final Logger log = LoggerFactory.getLogger(ConnectionAlerts.class);

    private final AlertConditions conditions;
    private final AlertOutbox outbox;

    public ConnectionAlerts(AlertConditions conditions, AlertOutbox outbox) {
        this.conditions = conditions;
        this.outbox = outbox;
    }

    @EventListener
    public void refused(XeroConnectionRefused refused) {
        if (!conditions.raise(AlertConditions.RECONNECT_NEEDED)) {
            return;
        }
        String subject = "FieldSync alert: Xero refused FieldSync's connection: reconnect needed";
        String body = "Xero refused to refresh FieldSync's connection, so no sync can reach Xero until it is reconnected.\n\n"
                + "Reason: " + refused.reason() + "\n\n"
                + "An operator opens /api/xero/connect in a browser, logs in to Xero and allows FieldSync again;"
                + " the next sync then carries on from where the last one stopped. Until then every sync ends FAILED"
                + " at once with this reason (no calls are spent).\n\n"
                + "This alert is repeated while the condition lasts, at most once per fieldsync.alerts.repeat-after.\n";
        outbox.add(AlertKind.ALERT, AlertConditions.RECONNECT_NEEDED, null, subject, body);
        log.warn("Alert {}: {}", AlertConditions.RECONNECT_NEEDED, subject);
    }

    @EventListener
    public void connected(XeroConnected connected) {
        conditions.clear(List.of(AlertConditions.RECONNECT_NEEDED, AlertConditions.XERO_UNREACHABLE));
    }
}
