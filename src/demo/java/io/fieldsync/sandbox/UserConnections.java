package io.fieldsync.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisations a user has connected the app to through the authorisation-code flow, as
 * Xero's GET /connections lists them for a user's token. The sandbox's user has two: the
 * organisation whose books the sandbox keeps, and a second one ({@link #SECOND_TENANT_ID}) that
 * can be listed, chosen and disconnected but keeps no books (its API calls are 403). Consent
 * connects both again.
 */
final class UserConnections {
    static final String SECOND_TENANT_ID = "5d3c1e2f-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
    static final String SECOND_TENANT_NAME = "FieldSync Demo Company (NZ)";

    record Connection(String id, String tenantId, String tenantName, Instant createdAt) {
    }

    private final Clock clock;
    private final String mainTenantId;
    private final Map<String, Connection> byId = new LinkedHashMap<>();

    UserConnections(Clock clock, String mainTenantId) {
        this.clock = clock;
        this.mainTenantId = mainTenantId;
    }

    /** The consent screen's "Allow access" for both organisations. */
    synchronized void consent(String mainTenantName) {
        connect(mainTenantId, mainTenantName);
        connect(SECOND_TENANT_ID, SECOND_TENANT_NAME);
    }

    private void connect(String tenantId, String name) {
        String id = UUID.nameUUIDFromBytes(("user-connection:" + tenantId).getBytes(StandardCharsets.UTF_8)).toString();
        byId.putIfAbsent(id, new Connection(id, tenantId, name, clock.instant()));
    }

    synchronized List<Connection> all() {
        return new ArrayList<>(byId.values());
    }

    synchronized boolean delete(String id) {
        return byId.keySet().removeIf(key -> key.equalsIgnoreCase(id));
    }

    synchronized Optional<Connection> ofTenant(String tenantId) {
        return byId.values().stream().filter(c -> c.tenantId().equalsIgnoreCase(tenantId)).findFirst();
    }

    synchronized void clear() {
        byId.clear();
    }
}
