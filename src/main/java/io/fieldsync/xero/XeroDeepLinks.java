package io.fieldsync.xero;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Links that open a record in Xero for a person (Xero's deep-link forms). Xero needs the
 * organisation's short code to pick the right organisation for a user with several.
 */
@Component("xeroDeepLinks")
public class XeroDeepLinks {

    private static final String APP = "https://go.xero.com/app/%s/%s";
    private static final String LOGIN_REDIRECT = "https://go.xero.com/organisationlogin/default.aspx?shortcode=%s&redirecturl=%s";

    /** Per entity: whether it lives under /app/{shortCode}/ or behind the organisation log-in redirect, and the path. */
    private static final Map<String, String[]> PATHS = Map.of(
            "contact", new String[] {APP, "contacts/contact/%s"},
            "vendor", new String[] {APP, "contacts/contact/%s"},
            "invoice", new String[] {APP, "invoicing/view/%s"},
            "bill", new String[] {LOGIN_REDIRECT, "/AccountsPayable/Edit.aspx?InvoiceID=%s"},
            "item", new String[] {LOGIN_REDIRECT, "/Accounts/Inventory/%s"},
            "payment", new String[] {LOGIN_REDIRECT, "/Bank/ViewTransaction.aspx?bankTransactionID=%s"},
            "payment-fee", new String[] {LOGIN_REDIRECT, "/Bank/ViewTransaction.aspx?bankTransactionID=%s"},
            "payment-surcharge", new String[] {LOGIN_REDIRECT, "/Bank/ViewTransaction.aspx?bankTransactionID=%s"},
            "purchase-order", new String[] {LOGIN_REDIRECT, "/Accounts/Payable/PurchaseOrders/View/%s"});

    private final XeroConnection connection;

    public XeroDeepLinks(XeroConnection connection) {
        this.connection = connection;
    }

    /** The link, or null when the record has no Xero id yet or the entity has no page of its own. */
    public String of(String entity, String xeroId) {
        return of(connection.currentTenant().getShortCode(), entity, xeroId);
    }

    public static String of(String shortCode, String entity, String xeroId) {
        String[] form = PATHS.get(entity);
        if (form == null || xeroId == null || shortCode == null) {
            return null;
        }
        return String.format(form[0], shortCode, String.format(form[1], xeroId));
    }
}
