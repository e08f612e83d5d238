package io.fieldsync.api;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.config.LiveSettings;
import io.fieldsync.schedule.WebhookSyncs;
import io.fieldsync.xero.WebhookSignature;
import io.fieldsync.xero.XeroClientProperties;
import io.fieldsync.xero.XeroConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Xero's webhooks for contacts and invoices. No login: Xero signs each request with the app's
 * webhook key ({@code fieldsync.xero.webhook-key}); a wrong or missing signature is 401 with an
 * empty body, as Xero's intent-to-receive check (events:[], signed right and wrong) expects. A
 * valid CONTACT or INVOICE event of the connected organisation schedules a sync soon after; the
 * answer is 200 with an empty body, at once (Xero wants it within 5 seconds).
 */
@RestController
public class XeroWebhookController {

    private static final Logger log = LoggerFactory.getLogger(XeroWebhookController.class);
    private static final Set<String> SYNCED = Set.of("CONTACT", "INVOICE");

    private final Environment environment;
    private final WebhookSyncs syncs;
    private final XeroConnection connection;
    private final ObjectMapper json;

    public XeroWebhookController(Environment environment, WebhookSyncs syncs, XeroConnection connection, ObjectMapper json) {
        this.environment = environment;
        this.syncs = syncs;
        this.connection = connection;
        this.json = json;
    }

    @PostMapping("/api/xero/webhooks")
    public ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
                                        @RequestHeader(name = "x-xero-signature", required = false) String signature) {
        String key = LiveSettings.bind(environment, XeroClientProperties.class).webhookKey();
        key = key == null ? "" : key;
        if (key.isBlank()) {
            log.warn("A Xero webhook arrived, but fieldsync.xero.webhook-key is not set: refused (401)");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!WebhookSignature.valid(body, signature, key)) {
            log.warn("A Xero webhook with {} signature was refused (401)", signature == null ? "no" : "a wrong");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        try {
            Set<String> changed = changes(json.readTree(body == null ? new byte[0] : body));
            if (!changed.isEmpty()) {
                syncs.syncSoon(String.join(", ", changed) + " changed in Xero");
            }
        } catch (Exception e) {
            // signed by Xero: a 4xx/5xx would only make Xero send it again and again; say what went wrong
            log.error("A signed Xero webhook could not be handled: {}", e.toString(), e);
        }
        return ResponseEntity.ok().build();
    }

    /** The synced categories among the events of this connector's organisation; empty for the intent-to-receive check. */
    private Set<String> changes(JsonNode payload) {
        Set<String> changed = new TreeSet<>();
        String tenantId = currentTenantId();
        for (JsonNode event : payload.path("events")) {
            String category = event.path("eventCategory").asText("");
            String eventTenant = event.path("tenantId").asText("");
            if (SYNCED.contains(category) && (tenantId == null || tenantId.equalsIgnoreCase(eventTenant))) {
                changed.add(category);
            } else {
                log.debug("Xero webhook event {} of organisation {} ignored", category, eventTenant);
            }
        }
        return changed;
    }

    private String currentTenantId() {
        try {
            return connection.tenantId();
        } catch (RuntimeException notConnected) {
            return null; // the sync it starts says why it cannot run
        }
    }
}
