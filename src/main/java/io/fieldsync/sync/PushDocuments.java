package io.fieldsync.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fieldsync.xero.TaxTypes;
import io.fieldsync.xero.XeroConnection;
import org.springframework.stereotype.Component;

/**
 * Turns the rows a route read into the documents the mapping templates take: what only the state
 * store knows (the Xero ids of linked records) and what Xero decides (tax types) is added here;
 * everything else comes from the route's SQL.
 */
@Component("pushDocuments")
public class PushDocuments {

    /** Key of the list of reasons a document cannot be sent as it is; the planner fails such records. */
    public static final String PROBLEMS = "_problems";

    /** Key of the list of things a person should know about a document that is sent all the same. */
    public static final String WARNINGS = "_warnings";

    private final XeroConnection connection;
    private final RecordLinkRepository links;
    private final RecordStatusRepository statuses;
    private final TaxTypes taxTypes;
    private final SyncRules rules;
    private final PushHolds holds;
    private final ContactNames contactNames;

    public PushDocuments(XeroConnection connection, RecordLinkRepository links, RecordStatusRepository statuses,
                         TaxTypes taxTypes, SyncRules rules, PushHolds holds,
                         ContactNames contactNames) {
        this.contactNames = contactNames;
        this.holds = holds;
        this.connection = connection;
        this.links = links;
        this.statuses = statuses;
        this.taxTypes = taxTypes;
        this.rules = rules;
    }

    /**
     * Contacts and suppliers: the row plus {@code xero_id} when linked, and the suffix that names
     * it apart from another contact of its name (see {@link ContactNames}).
     */
    public List<Map<String, Object>> records(String entity, List<Map<String, Object>> rows) {
        Map<Long, RecordLink> linked = linksOf(entity, ids(rows, "id"));
        Map<Long, String> awaiting = holds.awaiting(entity, ids(rows, "id"));
        List<Map<String, Object>> documents = rows.stream().map(row -> {
            Map<String, Object> document = new LinkedHashMap<>(row);
            RecordLink link = linked.get(id(row, "id"));
            document.put("xero_id", link == null ? null : link.getXeroId());
            if (link == null && awaiting.containsKey(id(row, "id"))) {
                document.put(PushHolds.AWAITING, awaiting.get(id(row, "id")));
            }
            return document;
        }).toList();
        contactNames.annotate(entity, documents);
        return documents;
    }

    /** Materials: plus the Xero tax types of their tax code (rows carry tax_code and tax_rate from the join). */
    public List<Map<String, Object>> items(List<Map<String, Object>> rows) {
        List<Map<String, Object>> documents = records("item", rows);
        boolean sendTax = rules.invoices().sendTax();
        for (Map<String, Object> item : documents) {
            String taxCode = (String) item.get("tax_code");
            String sales = taxTypes.sales(taxCode, item.get("tax_rate"));
            item.put("sales_tax_type", sales);
            item.put("purchase_tax_type", taxTypes.purchases(taxCode, item.get("tax_rate")));
            if (sendTax && taxCode != null && sales == null) {
                // an item's tax type is only its default: invoices name their own, so the item still goes
                item.put(WARNINGS, List.of("FSM tax code " + taxCode + " (" + item.get("tax_rate")
                        + " %) has no Xero tax type: the item goes without a sales tax type, so Xero's account"
                        + " default applies; map it with fieldsync.tax-types." + taxCode));
            } else if (sendTax) {
                // only the item's default: the invoice lines that carry the code fail on their own
                taxTypes.disagreement(item.get("tax_rate"), sales).ifPresent(disagreement -> item.put(WARNINGS,
                        List.of("FSM tax code " + taxCode + ": " + disagreement + "; invoice lines with this code fail"
                                + " until fieldsync.tax-types." + taxCode + " names a Xero tax type of the same rate")));
            }
        }
        return documents;
    }

    /**
     * Invoices with their lines, site, job and customer link; {@code lines} are the rows of the
     * route's line query for this page (each with invoice_id).
     */
    public List<Map<String, Object>> invoices(List<Map<String, Object>> rows, List<Map<String, Object>> lines) {
        Map<Long, RecordLink> invoiceLinks = linksOf("invoice", ids(rows, "id"));
        List<Long> customerIds = ids(rows, "customer_id");
        Map<Long, RecordLink> customerLinks = linksOf("contact", customerIds);
        Map<Long, String> customersAwaiting = holds.awaiting("contact", customerIds);
        Map<Long, RecordStatus> customerStatuses = statuses
                .findByTenantRefAndEntityAndLocalIdIn(tenant(), "contact", customerIds).stream()
                .collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity()));
        Map<Long, RecordLink> itemLinks = linksOf("item", ids(lines, "material_id"));
        Map<Long, List<Map<String, Object>>> linesByInvoice = lines.stream()
                .collect(Collectors.groupingBy(line -> id(line, "invoice_id"), LinkedHashMap::new, Collectors.toList()));

        List<Map<String, Object>> documents = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            long invoiceId = id(row, "id");
            Map<String, Object> invoice = new LinkedHashMap<>(row);
            RecordLink link = invoiceLinks.get(invoiceId);
            invoice.put("xero_id", link == null ? null : link.getXeroId());
            long customerId = id(row, "customer_id");
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", customerId);
            customer.put("customer_number", row.get("customer_number"));
            RecordLink customerLink = customerLinks.get(customerId);
            customer.put("xero_id", customerLink == null ? null : customerLink.getXeroId());
            if (customerLink == null && customersAwaiting.containsKey(customerId)) {
                customer.put(PushHolds.AWAITING, customersAwaiting.get(customerId));
            }
            RecordStatus customerStatus = customerStatuses.get(customerId);
            if (customerLink == null && customerStatus != null && customerStatus.getMessage() != null) {
                customer.put("sync_problem", customerStatus.getStatus() + ": " + customerStatus.getMessage());
            }
            invoice.put("customer", customer);
            invoice.put("site", row.get("site_street") == null ? null : nested(row, "site_", "label", "street", "city", "region", "postcode", "country"));
            invoice.put("job", row.get("job_number") == null ? null : Map.of("job_number", row.get("job_number"),
                    "title", String.valueOf(row.get("job_title"))));
            List<Map<String, Object>> documentLines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            InvoiceRules invoiceRules = rules.invoices();
            for (Map<String, Object> line : linesByInvoice.getOrDefault(invoiceId, List.of())) {
                Map<String, Object> documentLine = new LinkedHashMap<>(line);
                Object materialId = line.get("material_id");
                RecordLink item = materialId == null ? null : itemLinks.get(((Number) materialId).longValue());
                documentLine.put("item_code", item == null ? null : item.getXeroNumber());
                documentLine.put("account_code", invoiceRules.salesAccount());
                String taxType = taxTypes.sales((String) line.get("tax_code"), line.get("tax_rate"));
                if (taxType == null && line.get("tax_code") != null && invoiceRules.sendTax()) {
                    // Xero would apply the account's default rate: the totals would no longer match the FSM's
                    problems.add("line " + line.get("line_no") + ": FSM tax code " + line.get("tax_code") + " ("
                            + line.get("tax_rate") + " %) has no Xero tax type; map it with fieldsync.tax-types."
                            + line.get("tax_code") + ", or send invoices without tax");
                } else if (invoiceRules.sendTax()) {
                    rateDisagreement(line, taxType, "fieldsync.tax-types.").ifPresent(problems::add);
                }
                documentLine.put("tax_type", taxType);
                documentLine.put("technician", line.get("technician_name") == null ? null
                        : Map.of("name", line.get("technician_name")));
                documentLines.add(documentLine);
            }
            invoice.put("lines", documentLines);
            problems.addAll(0, InvoiceChecks.problems(row, documentLines));
            invoice.put(PROBLEMS, problems);
            documents.add(invoice);
        }
        return documents;
    }

    /**
     * Payments with their own link (a payment already in Xero) and the invoice they pay: its Xero
     * id when linked, else why it is not in Xero.
     */
    public List<Map<String, Object>> payments(List<Map<String, Object>> rows) {
        List<Map<String, Object>> documents = records("payment", rows);
        List<Long> invoiceIds = ids(rows, "invoice_id");
        Map<Long, RecordLink> invoiceLinks = linksOf("invoice", invoiceIds);
        Map<Long, RecordStatus> invoiceStatuses = statuses.findByTenantRefAndEntityAndLocalIdIn(tenant(), "invoice", invoiceIds)
                .stream().collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity()));
        for (Map<String, Object> payment : documents) {
            long invoiceId = id(payment, "invoice_id");
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("id", invoiceId);
            invoice.put("invoice_number", payment.get("invoice_number"));
            invoice.put("status", payment.get("invoice_status"));
            RecordLink link = invoiceLinks.get(invoiceId);
            invoice.put("xero_id", link == null ? null : link.getXeroId());
            RecordStatus status = invoiceStatuses.get(invoiceId);
            if (link == null && status != null && status.getMessage() != null) {
                invoice.put("sync_problem", status.getStatus() + ": " + status.getMessage());
            }
            payment.put("invoice", invoice);
        }
        return documents;
    }

    /**
     * A payment's card-processor fee or surcharge ({@code entity} payment-fee or payment-surcharge,
     * local id the payment's): its own link, the payment's Xero id (the money only moves in Xero
     * once the payment is there) and the customer's contact, who paid the surcharge.
     */
    public List<Map<String, Object>> paymentCharges(String entity, List<Map<String, Object>> rows) {
        List<Map<String, Object>> documents = records(entity, rows);
        List<Long> paymentIds = ids(rows, "id");
        Map<Long, RecordLink> paymentLinks = linksOf("payment", paymentIds);
        Map<Long, RecordStatus> paymentStatuses = paymentIds.isEmpty() ? Map.of() : statuses
                .findByTenantRefAndEntityAndLocalIdIn(tenant(), "payment", paymentIds).stream()
                .collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity()));
        Map<Long, RecordLink> customerLinks = linksOf("contact", ids(rows, "customer_id"));
        for (Map<String, Object> charge : documents) {
            long paymentId = id(charge, "id");
            Map<String, Object> payment = new LinkedHashMap<>();
            RecordLink link = paymentLinks.get(paymentId);
            payment.put("xero_id", link == null ? null : link.getXeroId());
            RecordStatus status = paymentStatuses.get(paymentId);
            if (link == null && status != null && status.getMessage() != null) {
                payment.put("sync_problem", status.getStatus() + ": " + status.getMessage());
            }
            charge.put("payment", payment);
            RecordLink customer = charge.get("customer_id") == null ? null : customerLinks.get(id(charge, "customer_id"));
            charge.put("customer", Map.of("xero_id", customer == null ? "" : customer.getXeroId()));
        }
        return documents;
    }

    /**
     * Purchase orders, for the purchase order itself ({@code entity} purchase-order) or for the
     * bill a finished one becomes ({@code entity} bill, whose link is its own): the row with its
     * lines (purchase account, purchase tax type, Xero item code), the vendor's supplier contact
     * and, for a bill, its date (the day the order finished).
     */
    public List<Map<String, Object>> purchaseOrders(String entity, List<Map<String, Object>> rows,
                                                    List<Map<String, Object>> lines) {
        Map<Long, RecordLink> ownLinks = linksOf(entity, ids(rows, "id"));
        List<Long> vendorIds = ids(rows, "vendor_id");
        Map<Long, RecordLink> vendorLinks = linksOf("vendor", vendorIds);
        Map<Long, RecordStatus> vendorStatuses = vendorIds.isEmpty() ? Map.of() : statuses
                .findByTenantRefAndEntityAndLocalIdIn(tenant(), "vendor", vendorIds).stream()
                .collect(Collectors.toMap(RecordStatus::getLocalId, Function.identity()));
        Map<Long, RecordLink> itemLinks = linksOf("item", ids(lines, "material_id"));
        Map<Long, List<Map<String, Object>>> linesByOrder = lines.stream().collect(Collectors.groupingBy(
                line -> id(line, "purchase_order_id"), LinkedHashMap::new, Collectors.toList()));
        boolean sendTax = rules.invoices().sendTax();
        String purchaseAccount = rules.purchaseAccount();

        List<Map<String, Object>> documents = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            long orderId = id(row, "id");
            Map<String, Object> order = new LinkedHashMap<>(row);
            RecordLink link = ownLinks.get(orderId);
            order.put("xero_id", link == null ? null : link.getXeroId());
            long vendorId = id(row, "vendor_id");
            Map<String, Object> vendor = new LinkedHashMap<>();
            vendor.put("id", vendorId);
            vendor.put("name", row.get("vendor_name"));
            RecordLink vendorLink = vendorLinks.get(vendorId);
            vendor.put("xero_id", vendorLink == null ? null : vendorLink.getXeroId());
            RecordStatus vendorStatus = vendorStatuses.get(vendorId);
            if (vendorLink == null && vendorStatus != null && vendorStatus.getMessage() != null) {
                vendor.put("sync_problem", vendorStatus.getStatus() + ": " + vendorStatus.getMessage());
            }
            order.put("vendor", vendor);
            if ("bill".equals(entity)) {
                order.put("bill_date", billDate(row));
            }
            List<Map<String, Object>> documentLines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> line : linesByOrder.getOrDefault(orderId, List.of())) {
                Map<String, Object> documentLine = new LinkedHashMap<>(line);
                Object materialId = line.get("material_id");
                RecordLink item = materialId == null ? null : itemLinks.get(((Number) materialId).longValue());
                documentLine.put("item_code", item == null ? null : item.getXeroNumber());
                documentLine.put("account_code", purchaseAccount);
                String taxType = taxTypes.purchases((String) line.get("tax_code"), line.get("tax_rate"));
                if (taxType == null && line.get("tax_code") != null && sendTax) {
                    // Xero would apply the account's default rate: the totals would no longer match the FSM's
                    problems.add("line " + line.get("line_no") + ": FSM tax code " + line.get("tax_code") + " ("
                            + line.get("tax_rate") + " %) has no Xero purchase tax type; map it with"
                            + " fieldsync.purchase-tax-types." + line.get("tax_code"));
                } else if (sendTax) {
                    rateDisagreement(line, taxType, "fieldsync.purchase-tax-types.").ifPresent(problems::add);
                }
                documentLine.put("tax_type", taxType);
                documentLines.add(documentLine);
            }
            if (documentLines.isEmpty()) {
                problems.add("Purchase order " + row.get("po_number") + " has no lines");
            }
            order.put("lines", documentLines);
            order.put(PROBLEMS, problems);
            documents.add(order);
        }
        return documents;
    }

    /**
     * A line whose tax code goes as a Xero tax type of another rate: Xero would compute another tax
     * and total than the FSM's, so the document fails before it is sent, with both rates.
     */
    private java.util.Optional<String> rateDisagreement(Map<String, Object> line, String taxType, String setting) {
        return taxTypes.disagreement(line.get("tax_rate"), taxType).map(disagreement -> "line " + line.get("line_no")
                + ": FSM tax code " + line.get("tax_code") + ": " + disagreement + "; map " + setting + line.get("tax_code")
                + " to a Xero tax type of the same rate");
    }

    /** A bill is dated the day its purchase order finished, else delivered, else issued. */
    private static String billDate(Map<String, Object> row) {
        Object finished = row.get("finished_at");
        if (finished instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate().toString();
        }
        if (finished instanceof java.time.LocalDateTime local) {
            return local.toLocalDate().toString();
        }
        Object day = row.get("delivery_date") != null ? row.get("delivery_date") : row.get("issue_date");
        return day == null ? null : day.toString();
    }

    /** The page's ids (invoices, purchase orders), for the route's line query. */
    public List<Long> invoiceIds(List<Map<String, Object>> rows) {
        List<Long> ids = ids(rows, "id");
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private Map<Long, RecordLink> linksOf(String entity, List<Long> localIds) {
        if (localIds.isEmpty()) {
            return Map.of();
        }
        return links.findByTenantRefAndEntityAndLocalIdIn(tenant(), entity, localIds).stream()
                .collect(Collectors.toMap(RecordLink::getLocalId, Function.identity()));
    }

    private Long tenant() {
        return connection.currentTenant().getId();
    }

    private static Map<String, Object> nested(Map<String, Object> row, String prefix, String... fields) {
        Map<String, Object> nested = new LinkedHashMap<>();
        for (String field : fields) {
            nested.put(field, row.get(prefix + field));
        }
        return nested;
    }

    private static List<Long> ids(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> row.get(column)).filter(java.util.Objects::nonNull)
                .map(value -> ((Number) value).longValue()).distinct().toList();
    }

    private static long id(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
