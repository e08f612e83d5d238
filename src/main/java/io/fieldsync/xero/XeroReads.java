package io.fieldsync.xero;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** Reads from the connected organisation's Accounting API that Java needs (tax rates, look-ups before a create). */
@Component("xeroReads")
public class XeroReads {

    private final XeroSettings settings;
    private final XeroConnection connection;
    private final XeroGet xero;

    public XeroReads(XeroSettings settings, XeroConnection connection, XeroGet xero) {
        this.settings = settings;
        this.connection = connection;
        this.xero = xero;
    }

    /** GET {api-url}/{pathAndQuery}; the query must already be URL-encoded. */
    public JsonNode get(String pathAndQuery) {
        return xero.json(settings.apiUrl() + "/" + pathAndQuery, connection.tenantId());
    }

    /** As {@link #get}, only what changed since {@code modifiedSince} (none: everything). */
    public JsonNode changedSince(String pathAndQuery, java.time.Instant modifiedSince) {
        return xero.json(settings.apiUrl() + "/" + pathAndQuery, connection.tenantId(), modifiedSince);
    }
}
