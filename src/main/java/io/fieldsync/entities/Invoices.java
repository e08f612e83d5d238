package io.fieldsync.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.fieldsync.push.InvoiceRules;
import io.fieldsync.push.PushDocuments;
import io.fieldsync.push.PushHolds;
import io.fieldsync.push.PushSkip;
import io.fieldsync.push.PushedEntity;
import io.fieldsync.push.SyncRules;
import io.fieldsync.state.RecordLink;
import io.fieldsync.xero.TaxTypes;
import org.springframework.stereotype.Component;

/**
 * Issued field-service invoices become Xero sales invoices ({@code routes/push-invoices.camel.yaml},
 * {@code mappings/invoice.to-xero.jsonata}), with their lines, site, job and customer. Drafts,
 * refunds, unpaid $0 invoices and voids Xero never had are not sent; an invoice waits for its
 * customer; one with a problem of its own ({@link InvoiceChecks}, a tax code Xero has no type for)
 * fails alone.
 */
@Component
public class Invoices implements PushedEntity {

    private final PushDocuments documents;
    private final TaxTypes taxTypes;
    private final SyncRules rules;

    public Invoices(PushDocuments documents, TaxTypes taxTypes, SyncRules rules) {
        this.documents = documents;
        this.taxTypes = taxTypes;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "invoice";
    }

    /** {@code lines} are the rows of the route's line query for this page, each with invoice_id. */
    @Override
    public List<Map<String, Object>> documents(List<Map<String, Object>> rows, List<Map<String, Object>> lines) {
        List<Map<String, Object>> invoices = documents.linked(name(), rows);
        List<Long> customerIds = PushDocuments.ids(rows, "customer_id");
        Map<Long, Map<String, Object>> customers = documents.dependencies("contact", customerIds);
        Map<Long, String> customersAwaiting = documents.awaiting("contact", customerIds);
        Map<Long, RecordLink> items = documents.linksOf("item", PushDocuments.ids(lines, "material_id"));
        Map<Long, List<Map<String, Object>>> linesByInvoice = lines.stream().collect(Collectors.groupingBy(
                line -> PushDocuments.id(line, "invoice_id"), LinkedHashMap::new, Collectors.toList()));
        InvoiceRules invoiceRules = rules.invoices();

        for (Map<String, Object> invoice : invoices) {
            long customerId = PushDocuments.id(invoice, "customer_id");
            Map<String, Object> customer = new LinkedHashMap<>(customers.get(customerId));
            customer.put("customer_number", invoice.get("customer_number"));
            if (customer.get("xero_id") == null && customersAwaiting.containsKey(customerId)) {
                customer.put(PushHolds.AWAITING, customersAwaiting.get(customerId));
            }
            invoice.put("customer", customer);
            invoice.put("site", invoice.get("site_street") == null ? null
                    : PushDocuments.nested(invoice, "site_", "label", "street", "city", "region", "postcode", "country"));
            invoice.put("job", invoice.get("job_number") == null ? null : Map.of("job_number", invoice.get("job_number"),
                    "title", String.valueOf(invoice.get("job_title"))));
            List<Map<String, Object>> documentLines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> line : linesByInvoice.getOrDefault(PushDocuments.id(invoice, "id"), List.of())) {
                Map<String, Object> documentLine = new LinkedHashMap<>(line);
                RecordLink item = line.get("material_id") == null ? null
                        : items.get(((Number) line.get("material_id")).longValue());
                documentLine.put("item_code", item == null ? null : item.getXeroNumber());
                documentLine.put("account_code", invoiceRules.salesAccount());
                documentLine.put("tax_type", TaxLines.taxType(taxTypes, TaxLines.Side.SALES, invoiceRules.sendTax(),
                        line, problems));
                documentLine.put("technician", line.get("technician_name") == null ? null
                        : Map.of("name", line.get("technician_name")));
                documentLines.add(documentLine);
            }
            invoice.put("lines", documentLines);
            problems.addAll(0, InvoiceChecks.problems(invoice, documentLines));
            invoice.put(PushDocuments.PROBLEMS, problems);
        }
        return invoices;
    }

    @Override
    public Optional<PushSkip> skip(Map<String, Object> invoice) {
        String status = String.valueOf(invoice.get("status"));
        BigDecimal total = new BigDecimal(String.valueOf(invoice.get("total")));
        boolean exported = invoice.get("xero_id") != null;
        if ("draft".equals(status)) {
            return PushSkip.rule("Draft invoice: not final, not exported");
        }
        if (total.signum() < 0) {
            return PushSkip.rule("Refund (total " + total.toPlainString() + "): negative invoices are not exported");
        }
        if (total.signum() == 0 && !"paid".equals(status)) {
            return PushSkip.rule("$0 invoice that is not paid: not exported");
        }
        if ("void".equals(status) && !exported) {
            return PushSkip.rule("Void invoice that was never exported: nothing to void in Xero");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) invoice.get("customer");
        if (customer != null && customer.get("xero_id") == null && customer.get(PushHolds.AWAITING) != null) {
            return PushSkip.waitingFor("Customer " + customer.get("id") + " (" + customer.get("customer_number")
                    + ") awaits a matching decision (" + customer.get(PushHolds.AWAITING)
                    + "); the invoice follows once it is matched or created");
        }
        return PushSkip.unlessInXero(customer, "Customer " + (customer == null ? "?" : customer.get("customer_number")),
                "the invoice");
    }
}
