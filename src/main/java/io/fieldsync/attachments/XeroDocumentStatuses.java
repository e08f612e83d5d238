package io.fieldsync.attachments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsync.xero.XeroReads;
import org.springframework.stereotype.Component;

/**
 * The status Xero gives invoices now (DRAFT, SUBMITTED, AUTHORISED, PAID, VOIDED, ...): an
 * invoice's files go once it is approved, whoever approved it. One summary read per 50 invoices.
 */
@Component
public class XeroDocumentStatuses {

    private static final int IDS_PER_READ = 50;

    private final XeroReads xero;

    public XeroDocumentStatuses(XeroReads xero) {
        this.xero = xero;
    }

    /** Status by InvoiceID; an invoice Xero does not list (deleted) is missing from the answer. */
    Map<String, String> ofInvoices(Collection<String> invoiceIds) {
        Map<String, String> statuses = new HashMap<>();
        List<String> ids = new ArrayList<>(invoiceIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
            JsonNode answer = xero.get("Invoices?IDs=" + String.join(",", some) + "&page=1&pageSize=" + IDS_PER_READ
                    + "&summaryOnly=true");
            answer.path("Invoices").forEach(invoice ->
                    statuses.put(invoice.path("InvoiceID").asText(), invoice.path("Status").asText()));
        }
        return statuses;
    }
}
