package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.messy.MessyFieldService;
import io.fieldsync.testing.messy.MessySize;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A full sync of the messy data set ({@link MessyFieldService}, quick size) on MariaDB against
 * the sandbox: thousands of rows in the same second, names shared by several customers and by a
 * customer and a vendor, e-mail addresses Xero refuses, unicode, control characters, zero dates,
 * $0, negative and 100-line invoices. The run ends; every exportable record is in Xero exactly
 * once, with the field-service totals; every other record has an outcome with its reason; a
 * second run writes nothing. What is exportable is worked out here from the field-service rows,
 * by the rules the README states, not from what the connector did.
 * <p>
 * Its own field-service database ({@code <prefix>_messy_source}) and so its own Spring context,
 * closed after the class: a run that does not end stops with it instead of spinning on.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessyDataSyncIT extends MariaDbIntegrationTest {

    /** Minutes, where a correct run takes well under one: a run that loops fails the test, cleanly. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final String SOURCE = IntegrationTestDatabases.database("messy_source");
    private static final Set<String> OUTCOMES = Set.of("SYNCED", "FAILED", "SKIPPED");

    static {
        MariaDb.recreate(SOURCE);
    }

    /** A registrar, so the URL wins over MariaDbIntegrationTest's @DynamicPropertySource. */
    @TestConfiguration
    static class OnTheMessyDatabase {
        @Bean
        DynamicPropertyRegistrar messySourceDatabase() {
            return registry -> registry.add("fieldsync.source.url", () -> MariaDb.url(SOURCE));
        }
    }

    private static Map<String, Object> firstRun;
    private static AssertionError firstRunFailed;
    private static Map<String, Long> writesAfterFirstRun;

    JdbcTemplate source;

    @BeforeEach
    void oneFullSyncOfTheMessyData() {
        source = new JdbcTemplate(sourceDataSource);
        if (firstRun == null && firstRunFailed == null) {
            startFresh(fsm -> new MessyFieldService(MessySize.QUICK).writeTo(fsm));
            try {
                firstRun = syncToEnd(RUN_TIMEOUT);
                writesAfterFirstRun = writeCalls();
            } catch (AssertionError e) {
                firstRunFailed = e;
            }
        }
        if (firstRunFailed != null) {
            throw new AssertionError("the first sync of the messy data did not end: " + firstRunFailed.getMessage(),
                    firstRunFailed);
        }
    }

    @Test
    @Order(1)
    void theRunEndsWithTheRecordsThatCannotGoFailedOneByOne() {
        assertThat(firstRun.get("status")).as("run %s", firstRun).isEqualTo("COMPLETED_WITH_ERRORS");
    }

    @Test
    @Order(2)
    void everyExportableCustomerAndVendorIsAXeroContactOfItsOwn() {
        SoftAssertions soft = new SoftAssertions();
        List<Map<String, Object>> customers = source.queryForList("select * from customers");
        List<Map<String, Object>> vendors = source.queryForList("select * from vendors");
        Set<Long> exportableCustomers = ids(customers, c -> c.get("deleted_at") == null && !customerName(c).isBlank());
        Set<Long> exportableVendors = ids(vendors, v -> v.get("deleted_at") == null && !clean(text(v, "name")).isBlank());
        soft.assertThat(exportableCustomers).hasSizeGreaterThan(500);

        soft.assertThat(synced("contact")).isEqualTo(exportableCustomers);
        soft.assertThat(synced("vendor")).isEqualTo(exportableVendors);
        Map<Long, String> customerContacts = links("contact");
        Map<Long, String> vendorContacts = links("vendor");
        soft.assertThat(customerContacts.keySet()).containsAll(exportableCustomers);
        soft.assertThat(vendorContacts.keySet()).containsAll(exportableVendors);
        soft.assertThat(Set.copyOf(customerContacts.values())).as("one Xero contact per customer")
                .hasSize(customerContacts.size());
        soft.assertThat(Set.copyOf(vendorContacts.values())).as("one Xero contact per vendor").hasSize(vendorContacts.size());

        Map<String, ObjectNode> inXero = byField(sandbox.documents("Contacts"), "ContactID");
        Set<String> linked = new HashSet<>(customerContacts.values());
        linked.addAll(vendorContacts.values());
        soft.assertThat(inXero.keySet()).as("Xero's contacts are exactly the linked ones: none twice, none astray")
                .isEqualTo(linked);
        for (Map<String, Object> customer : customers) {
            long id = id(customer);
            if (exportableCustomers.contains(id) && customer.get("customer_number") != null
                    && inXero.containsKey(customerContacts.get(id))) {
                soft.assertThat(inXero.get(customerContacts.get(id)).path("ContactNumber").asText())
                        .as("contact of customer %s", id).isEqualTo(customer.get("customer_number"));
            }
        }
        soft.assertAll();
    }

    @Test
    @Order(3)
    void customersWhoShareANameAndCustomersWithAnEmailXeroRefusesStillReachXero() {
        Map<String, ObjectNode> inXero = byField(sandbox.documents("Contacts"), "ContactID");
        Map<Long, String> contacts = links("contact");
        List<Long> namesakes = source.queryForList("select id from customers where first_name = 'Lachlan'"
                + " and trim(last_name) = 'Ryan' and company_name is null and deleted_at is null", Long.class);
        List<Long> strata = source.queryForList("select id from customers where lower(trim(company_name)) like 'outback strata%'",
                Long.class);
        List<Long> longest = source.queryForList("select id from customers where char_length(company_name) = 255", Long.class);
        for (List<Long> group : List.of(namesakes, strata, longest)) {
            assertThat(group).hasSizeGreaterThanOrEqualTo(2);
            assertThat(group).allSatisfy(id -> assertThat(contacts).as("customer %s in Xero", id).containsKey(id));
            List<String> names = group.stream().map(id -> inXero.get(contacts.get(id)).path("Name").asText()).toList();
            assertThat(names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).distinct())
                    .as("Xero names of %s, unique as Xero wants them", group).hasSize(group.size());
            assertThat(names).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(255));
        }
        long customer = source.queryForObject("select id from customers where company_name = ?", Long.class,
                MessyFieldService.CUSTOMER_AND_VENDOR);
        long vendor = source.queryForObject("select id from vendors where name = ?", Long.class,
                MessyFieldService.CUSTOMER_AND_VENDOR);
        assertThat(contacts).containsKey(customer);
        assertThat(links("vendor")).containsKey(vendor);
        List<Long> sharedVendors = source.queryForList("select id from vendors where name = ?", Long.class,
                MessyFieldService.SHARED_VENDOR);
        assertThat(sharedVendors.stream().map(links("vendor")::get).filter(Objects::nonNull).distinct()).hasSize(2);

        for (String bad : MessyFieldService.BAD_EMAILS) {
            long id = source.queryForObject("select id from customers where email = ?", Long.class, bad);
            Map<String, Object> status = status("contact", id);
            assertThat(status.get("status")).as("customer %s with e-mail '%s': %s", id, bad, status).isEqualTo("SYNCED");
            assertThat(String.valueOf(status.get("warnings")) + status.get("message"))
                    .as("the warning about '%s' kept on the record", bad).containsIgnoringCase("mail");
            assertThat(inXero.get(contacts.get(id)).path("EmailAddress").asText("")).as("e-mail of customer %s", id)
                    .isEmpty();
        }
    }

    @Test
    @Order(4)
    void everyExportableMaterialIsOneXeroItem() {
        Set<Long> exportable = ids(source.queryForList("select * from materials"), m -> m.get("deleted_at") == null);

        assertThat(synced("item")).isEqualTo(exportable);
        Map<Long, String> items = links("item");
        assertThat(Set.copyOf(items.values())).hasSize(items.size());
        assertThat(byField(sandbox.documents("Items"), "ItemID").keySet()).isEqualTo(Set.copyOf(items.values()));
    }

    @Test
    @Order(5)
    void everyExportableInvoiceArrivesOnceWithTheFieldServiceTotalsAndItsPayments() {
        SoftAssertions soft = new SoftAssertions();
        Expected expected = expected();
        soft.assertThat(expected.invoices).hasSizeGreaterThan(1_200);

        soft.assertThat(synced("invoice")).isEqualTo(expected.invoices.keySet());
        List<ObjectNode> sales = sandbox.documents("Invoices").stream()
                .filter(i -> "ACCREC".equals(i.path("Type").asText())).toList();
        Map<String, ObjectNode> byNumber = byField(sales, "InvoiceNumber");
        soft.assertThat(byNumber).as("invoice numbers in Xero, each once").hasSize(sales.size());
        soft.assertThat(sales).hasSize(expected.invoices.size());
        Map<Long, BigDecimal> paidInXero = new HashMap<>();
        expected.payments.values().forEach(p -> paidInXero.merge(((Number) p.get("invoice_id")).longValue(),
                (BigDecimal) p.get("amount"), BigDecimal::add));
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> invoice : expected.invoices.values()) {
            String number = text(invoice, "invoice_number");
            ObjectNode inXero = byNumber.get(number);
            if (inXero == null) {
                wrong.add(number + " missing");
                continue;
            }
            BigDecimal paid = paidInXero.getOrDefault(id(invoice), BigDecimal.ZERO);
            if (inXero.path("Total").decimalValue().compareTo((BigDecimal) invoice.get("total")) != 0
                    || inXero.path("TotalTax").decimalValue().compareTo((BigDecimal) invoice.get("tax_total")) != 0
                    || inXero.path("AmountPaid").decimalValue().compareTo(paid) != 0) {
                wrong.add(number + ": FSM total " + invoice.get("total") + " tax " + invoice.get("tax_total") + " paid " + paid
                        + ", Xero " + inXero.path("Total") + " tax " + inXero.path("TotalTax") + " paid " + inXero.path("AmountPaid"));
            }
        }
        soft.assertThat(wrong).as("invoices whose Xero totals differ from the field-service ones").isEmpty();

        soft.assertThat(synced("payment")).isEqualTo(expected.payments.keySet());
        Map<Long, String> paymentLinks = links("payment");
        Map<String, ObjectNode> payments = byField(sandbox.documents("Payments"), "PaymentID");
        soft.assertThat(payments.keySet()).isEqualTo(Set.copyOf(paymentLinks.values()));
        expected.payments.forEach((id, payment) -> soft.assertThat(payments.getOrDefault(paymentLinks.get(id),
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).path("Amount").decimalValue())
                .as("payment %s", id).isEqualByComparingTo((BigDecimal) payment.get("amount")));
        soft.assertAll();
    }

    @Test
    @Order(6)
    void everyExportablePurchaseOrderAndBillArrivesOnceWithTheFieldServiceTotals() {
        SoftAssertions soft = new SoftAssertions();
        Expected expected = expected();
        soft.assertThat(synced("purchase-order")).isEqualTo(expected.purchaseOrders.keySet());
        soft.assertThat(synced("bill")).isEqualTo(expected.bills);

        Map<String, ObjectNode> orders = byField(sandbox.documents("PurchaseOrders"), "PurchaseOrderID");
        Map<Long, String> orderLinks = links("purchase-order");
        soft.assertThat(orders.keySet()).isEqualTo(Set.copyOf(orderLinks.values()));
        Map<String, ObjectNode> bills = byField(sandbox.documents("Invoices").stream()
                .filter(i -> "ACCPAY".equals(i.path("Type").asText())).toList(), "InvoiceID");
        Map<Long, String> billLinks = links("bill");
        soft.assertThat(bills.keySet()).isEqualTo(Set.copyOf(billLinks.values()));
        List<String> wrong = new ArrayList<>();
        expected.purchaseOrders.forEach((id, order) -> {
            compare(wrong, "purchase order " + order.get("po_number"), order, orders.get(orderLinks.get(id)));
            if (expected.bills.contains(id)) {
                compare(wrong, "bill of " + order.get("po_number"), order, bills.get(billLinks.get(id)));
            }
        });
        soft.assertThat(wrong).as("documents whose Xero totals differ from the field-service ones").isEmpty();
        soft.assertAll();
    }

    @Test
    @Order(7)
    void everyOtherRecordHasAnOutcomeWithItsReason() {
        MessyFieldService.PUSHED_ROWS.forEach((entity, from) -> {
            String rows = "select id " + from;
            Map<Long, Map<String, Object>> statuses = state.queryForList("select local_id, status, message from record_status"
                    + " where entity = ?", entity).stream().collect(Collectors.toMap(s -> ((Number) s.get("local_id")).longValue(),
                    Function.identity()));
            assertThat(statuses.keySet()).as("%s records with an outcome", entity)
                    .isEqualTo(Set.copyOf(source.queryForList(rows, Long.class)));
            assertThat(statuses.values()).as("%s outcomes", entity).allSatisfy(s -> {
                assertThat(OUTCOMES).as("%s", s).contains((String) s.get("status"));
                if (!"SYNCED".equals(s.get("status"))) {
                    assertThat((String) s.get("message")).as("reason of %s", s).isNotBlank();
                }
            });
        });
        // the reasons a person reads, for the kinds of mess the data holds
        Set<Long> inXero = synced("contact");
        List<Long> halfGst = source.queryForList("select distinct i.id, i.customer_id from invoices i"
                + " join invoice_lines l on l.invoice_id = i.id join tax_codes t on t.id = l.tax_code_id"
                + " where t.code = 'MIX5' and i.status = 'issued' and i.issue_date is not null").stream()
                .filter(i -> inXero.contains(((Number) i.get("customer_id")).longValue()))
                .map(i -> ((Number) i.get("id")).longValue()).toList();
        assertThat(halfGst).isNotEmpty().allSatisfy(id -> assertThat(messages("invoice", "select " + id))
                .singleElement().asString().contains("FSM tax code MIX5"));
        assertThat(messages("invoice", "select id from invoices where issue_date is null"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).contains("issue_date is empty"));
        assertThat(messages("invoice", "select id from invoices where status = 'sent'"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).contains("status 'sent'"));
        assertThat(messages("invoice", "select id from invoices where status = 'draft'"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo("Draft invoice: not final, not exported"));
        assertThat(messages("invoice", "select id from invoices where total < 0 and status <> 'draft'"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("Refund (total -"));
        assertThat(messages("invoice", "select i.id from invoices i join customers c on c.id = i.customer_id"
                + " where c.deleted_at is not null and i.status in ('issued', 'paid') and i.total > 0"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).contains("is not in Xero"));
        assertThat(messages("contact", "select id from customers where deleted_at is not null"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("Soft-deleted"));
        assertThat(messages("contact", "select id from customers where deleted_at is null and company_name is null"
                + " and first_name is null and last_name is null"))
                .hasSize(3).allSatisfy(m -> assertThat(m).contains("Contact Name is empty"));
        assertThat(messages("payment", "select id from payments where deleted_at is not null"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("Soft-deleted"));
        assertThat(messages("purchase-order", "select id from purchase_orders where status = 'draft'"))
                .isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("Draft purchase order"));
    }

    @Test
    @Order(8)
    void secondRunWithNoChangesWritesNothingToXero() {
        Map<String, Object> second = syncToEnd(RUN_TIMEOUT);

        assertThat(second.get("status")).as("run %s", second).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(writeCalls()).isEqualTo(writesAfterFirstRun);
    }

    // ---------------------------------------------------------------- what must reach Xero, worked out from the FSM

    private record Expected(Map<Long, Map<String, Object>> invoices, Map<Long, Map<String, Object>> payments,
                            Map<Long, Map<String, Object>> purchaseOrders, Set<Long> bills) {
    }

    private Expected expected() {
        Set<Long> customers = ids(source.queryForList("select * from customers"),
                c -> c.get("deleted_at") == null && !customerName(c).isBlank());
        Set<Long> vendors = ids(source.queryForList("select * from vendors"),
                v -> v.get("deleted_at") == null && !clean(text(v, "name")).isBlank());
        Map<Long, List<Map<String, Object>>> lines = byParent(source.queryForList(
                "select l.*, t.code as tax_code from invoice_lines l left join tax_codes t on t.id = l.tax_code_id"), "invoice_id");
        Map<Long, Map<String, Object>> invoices = new LinkedHashMap<>();
        for (Map<String, Object> invoice : source.queryForList("select * from invoices order by id")) {
            String status = text(invoice, "status");
            BigDecimal total = (BigDecimal) invoice.get("total");
            List<Map<String, Object>> own = lines.getOrDefault(id(invoice), List.of());
            boolean exportable = Set.of("issued", "paid").contains(status)
                    && customers.contains(((Number) invoice.get("customer_id")).longValue())
                    && (total.signum() > 0 || (total.signum() == 0 && "paid".equals(status)))
                    && invoice.get("issue_date") != null
                    && !own.isEmpty()
                    && own.stream().allMatch(l -> Set.of("GST", "FRE", "EXP", "INP").contains(text(l, "tax_code"))
                            && !text(l, "description").isBlank());
            if (exportable) {
                invoices.put(id(invoice), invoice);
            }
        }
        Map<Long, Map<String, Object>> payments = new LinkedHashMap<>();
        for (Map<String, Object> payment : source.queryForList("select * from payments where source = 'fsm' order by id")) {
            if (payment.get("deleted_at") == null && ((BigDecimal) payment.get("amount")).signum() > 0
                    && payment.get("paid_on") != null
                    && invoices.containsKey(((Number) payment.get("invoice_id")).longValue())) {
                payments.put(id(payment), payment);
            }
        }
        Map<Long, List<Map<String, Object>>> orderLines = byParent(source.queryForList("select l.*, t.code as tax_code"
                + " from purchase_order_lines l left join tax_codes t on t.id = l.tax_code_id"), "purchase_order_id");
        Map<Long, Map<String, Object>> orders = new LinkedHashMap<>();
        Set<Long> bills = new HashSet<>();
        for (Map<String, Object> order : source.queryForList("select * from purchase_orders order by id")) {
            List<Map<String, Object>> own = orderLines.getOrDefault(id(order), List.of());
            if (Set.of("ordered", "received", "finished").contains(text(order, "status"))
                    && vendors.contains(((Number) order.get("vendor_id")).longValue()) && !own.isEmpty()
                    && own.stream().allMatch(l -> Set.of("GST", "FRE").contains(text(l, "tax_code")))) {
                orders.put(id(order), order);
                if ("finished".equals(text(order, "status"))) {
                    bills.add(id(order));
                }
            }
        }
        return new Expected(invoices, payments, orders, bills);
    }

    /** The contact name the mapping gives: the company's, else the person's; as Xero gets it, cleaned. */
    private static String customerName(Map<String, Object> customer) {
        String company = (String) customer.get("company_name");
        if (company != null && !company.isEmpty()) {
            return clean(company);
        }
        return clean(String.join(" ", java.util.stream.Stream.of(customer.get("first_name"), customer.get("last_name"))
                .filter(Objects::nonNull).map(String::valueOf).toList()));
    }

    /** Without the control characters FieldSync removes, line breaks and tabs as spaces. */
    private static String clean(String text) {
        return text.codePoints().filter(cp -> cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r')
                .filter(cp -> cp < 0x7F || cp > 0x9F)
                .map(cp -> cp == '\t' || cp == '\n' || cp == '\r' ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    private static void compare(List<String> wrong, String what, Map<String, Object> fsm, ObjectNode inXero) {
        if (inXero == null) {
            wrong.add(what + " missing");
        } else if (inXero.path("Total").decimalValue().compareTo((BigDecimal) fsm.get("total")) != 0
                || inXero.path("TotalTax").decimalValue().compareTo((BigDecimal) fsm.get("tax_total")) != 0) {
            wrong.add(what + ": FSM total " + fsm.get("total") + " tax " + fsm.get("tax_total") + ", Xero "
                    + inXero.path("Total") + " tax " + inXero.path("TotalTax"));
        }
    }

    // ---------------------------------------------------------------- the state store and the sandbox

    private Set<Long> synced(String entity) {
        return Set.copyOf(state.queryForList("select local_id from record_status where entity = ? and status = 'SYNCED'",
                Long.class, entity));
    }

    private Map<Long, String> links(String entity) {
        Map<Long, String> links = new HashMap<>();
        state.queryForList("select local_id, xero_id from record_link where entity = ?", entity)
                .forEach(l -> links.put(((Number) l.get("local_id")).longValue(), (String) l.get("xero_id")));
        return links;
    }

    private Map<String, Object> status(String entity, long localId) {
        return state.queryForMap("select status, message, warnings from record_status where entity = ? and local_id = ?",
                entity, localId);
    }

    private List<String> messages(String entity, String fsmIds) {
        List<Long> ids = source.queryForList(fsmIds, Long.class).stream().distinct().toList();
        return ids.stream().map(id -> state.queryForList("select message from record_status where entity = ? and local_id = ?",
                String.class, entity, id).stream().findFirst().orElse("(no outcome for " + entity + " " + id + ")")).toList();
    }

    private Map<String, Long> writeCalls() {
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String collection : List.of("Contacts", "Items", "Invoices", "Payments", "PurchaseOrders", "BankTransactions")) {
            calls.put(collection, sandbox.apiCalls("POST", collection) + sandbox.apiCalls("PUT", collection));
        }
        return calls;
    }

    private static Map<String, ObjectNode> byField(List<ObjectNode> documents, String field) {
        return documents.stream().collect(Collectors.toMap(d -> d.path(field).asText(), Function.identity(), (a, b) -> a));
    }

    private static Map<Long, List<Map<String, Object>>> byParent(List<Map<String, Object>> rows, String parent) {
        return rows.stream().collect(Collectors.groupingBy(r -> ((Number) r.get(parent)).longValue()));
    }

    private static Set<Long> ids(List<Map<String, Object>> rows, java.util.function.Predicate<Map<String, Object>> wanted) {
        return rows.stream().filter(wanted).map(MessyDataSyncIT::id).collect(Collectors.toSet());
    }

    private static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }
}
