package io.fieldsync.xero;


import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Which Xero organisation this connector works on: {@code fieldsync.xero.tenant-id} when set,
 * otherwise the one the connection lists (a custom connection has exactly one). Known
 * organisations are kept in the state store so runs and links can refer to them.
 */
@Component("xeroConnection")
public class XeroConnection {

    private final XeroSettings settings;
    private final XeroGet xero;
    private final XeroTenantRepository tenants;
    private final TransactionTemplate transaction;
    private volatile XeroTenant current;

    public XeroConnection(XeroSettings settings, XeroGet xero, XeroTenantRepository tenants,
                          TransactionTemplate transaction) {
        this.settings = settings;
        this.xero = xero;
        this.tenants = tenants;
        this.transaction = transaction;
    }

    public XeroTenant currentTenant() {
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
