package io.fieldsync.xero;


import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Which Xero organisation this connector works on: {@code fieldsync.xero.tenant-id} when set,
 * otherwise the one the connection lists (a custom connection has exactly one); with the
 * authorisation-code grant, the one an operator chose (state store, re-read every few seconds so
 * every node follows a new choice). Known organisations are kept in the state store so runs and
 * links can refer to them.
 */
@Component("xeroConnection")
public class XeroConnection {

    private final XeroSettings settings;
    private final XeroGet xero;
    private final XeroTenantRepository tenants;
    private final TransactionTemplate transaction;
    private final XeroAuthorisations authorisations;
    private volatile XeroTenant current;
    /** The organisation chosen for the authorisation-code connection, and when that was read. */
    private volatile Chosen chosen;

    private record Chosen(XeroTenant tenant, long readAtNanos) {
    }

    /** How long a node keeps the chosen organisation before it reads the choice again. */
    private static final long CHOICE_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    public XeroConnection(XeroSettings settings, XeroGet xero, XeroTenantRepository tenants,
                          TransactionTemplate transaction, XeroAuthorisations authorisations) {
        this.settings = settings;
        this.xero = xero;
        this.tenants = tenants;
        this.transaction = transaction;
        this.authorisations = authorisations;
    }

    public XeroTenant currentTenant() {
        if (TokenCipher.GRANT.equals(settings.grant())) {
            return chosenTenant();
        }
        XeroTenant tenant = current;
        if (tenant == null) {
            synchronized (this) {
                if (current == null) {
                    current = register(StringUtils.hasText(settings.tenantId()) ? settings.tenantId() : firstConnection());
                }
                tenant = current;
            }
        }
        return tenant;
    }

    /**
     * {@link #currentTenant()}, checked against the state store: one whose row has gone (a store
     * restored from a backup or cleaned by hand) is registered again, so a run never begins against
     * a row that is not there. One read, for the start of a run, not for every call.
     */
    public XeroTenant currentTenantStillStored() {
        XeroTenant tenant = currentTenant();
        if (Boolean.TRUE.equals(transaction.execute(status -> tenants.existsById(tenant.getId())))) {
            return tenant;
        }
        synchronized (this) {
            if (current == tenant) {
                current = null;
            }
        }
        chosen = null;
        return currentTenant();
    }

    /**
     * The custom connection's organisation as the state store knows it, without asking Xero: the
     * one {@code fieldsync.xero.tenant-id} names (kept by its id until Xero tells its name), else
     * the only one known. For recording a sync that cannot start because Xero cannot be reached
     * (or refuses the credentials). Empty with the authorisation-code grant (its choice needs no
     * Xero call) and when no organisation is known yet.
     */
    public Optional<XeroTenant> knownTenant() {
        if (TokenCipher.GRANT.equals(settings.grant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(transaction.execute(status -> {
            if (StringUtils.hasText(settings.tenantId())) {
                return tenants.findByTenantId(settings.tenantId())
                        .orElseGet(() -> tenants.save(new XeroTenant(settings.tenantId(), null)));
            }
            List<XeroTenant> known = tenants.findAll();
            return known.size() == 1 ? known.get(0) : null;
        }));
    }

    /**
     * No Xero call: a run started while the connection needs reconnecting is recorded and then
     * fails on its first Xero call, naming the cause.
     */
    private XeroTenant chosenTenant() {
        Chosen known = chosen;
        if (known != null && System.nanoTime() - known.readAtNanos() < CHOICE_TTL_NANOS) {
            return known.tenant();
        }
        XeroAuthorisations.Authorisation authorisation = authorisations.find()
                .orElseThrow(() -> new XeroConnectionException(AuthorisedTokens.NOT_CONNECTED));
        String tenantId = authorisation.tenantId();
        if (tenantId == null) {
            throw new XeroConnectionException(authorisation.status() == XeroAuthorisations.Status.CHOOSE_ORGANISATION
                    ? "FieldSync is connected to Xero but no organisation is chosen yet: an operator chooses one"
                    + " (GET /api/xero/connections, POST /api/xero/connections/{tenantId}/select)"
                    : AuthorisedTokens.NOT_CONNECTED);
        }
        XeroTenant tenant = known != null && known.tenant().getTenantId().equals(tenantId) ? known.tenant()
                : transaction.execute(status -> tenants.findByTenantId(tenantId).orElseThrow(
                        () -> new XeroConnectionException("The chosen Xero organisation " + tenantId + " is not known; reconnect")));
        chosen = new Chosen(tenant, System.nanoTime());
        return tenant;
    }

    /** An operator chose, changed or disconnected the organisation: read again; its name and short code are fetched when Xero answers. */
    public void organisationChanged(String tenantId) {
        chosen = null;
        if (tenantId == null) {
            return;
        }
        try {
            chosen = new Chosen(register(tenantId), System.nanoTime());
        } catch (RuntimeException e) {
            // deep links wait for the short code; the choice stands
            org.slf4j.LoggerFactory.getLogger(XeroConnection.class)
                    .warn("Xero organisation {} chosen, but its details could not be read: {}", tenantId, e.toString());
        }
    }

    /** Xero's tenant id, for the {@code xero-tenant-id} header. */
    public String tenantId() {
        return currentTenant().getTenantId();
    }

    private XeroTenant register(String tenantId) {
        JsonNode organisation = get(settings.apiUrl() + "/Organisation", tenantId).path("Organisations").path(0);
        return transaction.execute(status -> {
            XeroTenant tenant = tenants.findByTenantId(tenantId)
                    .orElseGet(() -> new XeroTenant(tenantId, organisation.path("Name").asText(null)));
            tenant.rename(organisation.path("Name").asText(tenant.getName()), organisation.path("ShortCode").asText(null));
            return tenants.save(tenant);
        });
    }

    private String firstConnection() {
        JsonNode connections = get(settings.connectionsUrl(), null);
        if (!connections.isArray() || connections.isEmpty()) {
            throw new XeroConnectionException("The Xero connection lists no organisation; connect one, or set fieldsync.xero.tenant-id");
        }
        return connections.get(0).path("tenantId").asText();
    }

    /** Xero refusing the connector's own identity calls is a connection problem (502 to an operator), not a bad answer. */
    private JsonNode get(String url, String tenantId) {
        try {
            return xero.json(url, tenantId);
        } catch (XeroAnswerException refused) {
            throw new XeroConnectionException(refused.getMessage(), refused);
        }
    }
}
