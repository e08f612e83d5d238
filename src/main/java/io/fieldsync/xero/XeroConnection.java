package io.fieldsync.xero;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final XeroTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final XeroTenantRepository tenants;
    private final TransactionTemplate transaction;
    private volatile XeroTenant current;

    public XeroConnection(XeroSettings settings, XeroTokens tokens, HttpClient xeroHttpClient, ObjectMapper json,
                          XeroTenantRepository tenants, TransactionTemplate transaction) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = xeroHttpClient;
        this.json = json;
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

    private JsonNode get(String url, String tenantId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.bearer())
                .header("Accept", "application/json")
                .GET();
        if (tenantId != null) {
            request.header("xero-tenant-id", tenantId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new XeroConnectionException("Xero answered HTTP " + response.statusCode() + " to GET " + url
                        + ": " + XeroErrors.summary(response.body()));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new XeroConnectionException("Xero cannot be reached at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while calling Xero", e);
        }
    }
}
