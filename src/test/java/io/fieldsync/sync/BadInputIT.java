package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * Bad input from either side never stops a run. Field-service rows with what the schema allows
 * but Xero cannot take (no name, control characters, a zero date, lines below zero, a tax code
 * Xero has no type for, ...) end one by one as FAILED with a message naming the field, or go with
 * a warning where they can still be sent sensibly (an email address that is not one is left out), while
 * the rows around them sync in the same run. Xero's reads that carry pre-1970 dates or fields
 * this version does not know are read as usual; one that is a web page or cut off ends the run
 * with Xero's status, and the next run picks up where it stopped, creating nothing twice.
 */
class BadInputIT extends MariaDbIntegrationTest {

    private static final String ISSUED = "'2026-10-01'";
    private static final String EMPTY_NAME = "Contact Name is empty: Xero needs a name for every contact";

    /** "entity:localId" of every row a test inserted. */
    private final Set<String> inserted = new HashSet<>();
    JdbcTemplate source;
    long gst;
    long mix5;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
        gst = source.queryForObject("select id from tax_codes where code = 'GST'", Long.class);
        mix5 = source.queryForObject("select id from tax_codes where code = 'MIX5'", Long.class);
    }

    @Test
    void badFieldServiceRowsEndOneByOneAndTheRowsAroundThemSync() {
        long host = customer("BAD-HOST", "Seaview Strata Pty Ltd", "accounts@seaview.com.au");
        long noName = customer("BAD-NONAME", null, "nobody@seaview.com.au");
        long blankName = customer("BAD-BLANK", "   ", null);
        long noAt = customer("BAD-MAIL1", "Mail One Pty Ltd", "accounts at mailone.com.au");
        long twoAddresses = customer("BAD-MAIL2", "Mail Two Pty Ltd", "a@mailtwo.com.au; b@mailtwo.com.au");
        long doubleAt = customer("BAD-MAIL3", "Mail Three Pty Ltd", "mia@@mailthree.com.au");
        long ligature = customer("BAD-MAIL5", "Mail Five Pty Ltd", "ofﬁce@mailfive.com.au");
        long spaced = customer("BAD-MAIL4", "Mail Four Pty Ltd", "  mia@mailfour.com.au ");
        long control = customer("BAD-CTRL", "Bell\u0007 & Sons\u0000 Plumbing", null);
        long newline = customer("BAD-NL", "Coastal\r\nPools", null);
        long longest = customer("BAD-255", "N".repeat(255), null);
        long numberless = customer(null, "Numberless Pty Ltd", null);

        long vendorNoName = vendor("", null);
        long vendorBadEmail = vendor("Orders Co", "orders@");
        long vendorGood = vendor("Good Supplies Pty Ltd", "sales@goodsupplies.com.au");

        long longName = material("BAD-LONGNAME", "Copper pipe ".repeat(10), null, gst);
        long longSku = material("BAD-SKU-" + "X".repeat(40), "Long sku part", null, gst);
        long controlName = material("BAD-CTRLNAME", "Valve\u001B[0m brass", null, gst);
        long longDescription = material("BAD-LONGDESC", "Long description part", "D".repeat(5000), gst);
        long halfGst = material("BAD-MIX5", "Half GST part", null, mix5);

        long technician = source.queryForObject("select min(id) from technicians", Long.class);
        long negativeLine = invoice(host, "BADINV-NEGQ", "issued", ISSUED, "AUD", "110.00",
                line("Pump service", "3", "50", null, gst), line("Returned seal", "-1", "50", null, gst));
        long belowZero = invoice(host, "BADINV-NEGSUM", "issued", ISSUED, "AUD", "10.00",
                line("Refund of call-out", "-2", "50", null, gst));
        long unmappedTax = invoice(host, "BADINV-MIX5", "issued", ISSUED, "AUD", "52.50",
                line("Half GST work", "1", "50", null, mix5));
        long noLines = invoice(host, "BADINV-NOLINES", "issued", ISSUED, "AUD", "55.00");
        long overDiscount = invoice(host, "BADINV-DISC", "issued", ISSUED, "AUD", "55.00",
                line("Discounted", "1", "50", "150.00", gst));
        long negativeDiscount = invoice(host, "BADINV-NDISC", "issued", ISSUED, "AUD", "55.00",
                line("Negative discount", "1", "50", "-10.00", gst));
        long noDescription = invoice(host, "BADINV-NODESC", "issued", ISSUED, "AUD", "55.00",
                line("", "1", "50", null, gst));
        long controlLine = invoice(host, "BADINV-CTRL", "issued", ISSUED, "AUD", "55.00",
                line("Service\u001B call\u0000 out", "1", "50", null, gst));
        long longLine = invoice(host, "BADINV-LONG", "issued", ISSUED, "AUD", "55.00",
                line("L".repeat(4000), "1", "50", null, gst));
        source.update("update invoice_lines set technician_id = ? where invoice_id = ?", technician, longLine);
        long zeroDate = invoice(host, "BADINV-ZERO", "issued", "'0000-00-00'", "AUD", "55.00",
                line("Zero date", "1", "50", null, gst));
        long zeroDueDate = invoice(host, "BADINV-ZERODUE", "issued", ISSUED, "AUD", "55.00",
                line("Zero due date", "1", "50", null, gst));
        source.update("update invoices set due_date = '0000-00-00' where id = ?", zeroDueDate);
        long unknownCurrency = invoice(host, "BADINV-XYZ", "issued", ISSUED, "XYZ", "55.00",
                line("Odd currency", "1", "50", null, gst));
        long lowerCurrency = invoice(host, "BADINV-LOWER", "issued", ISSUED, "aud", "55.00",
                line("Lower-case currency", "1", "50", null, gst));
        long unknownStatus = invoice(host, "BADINV-STATUS", "sent", ISSUED, "AUD", "55.00",
                line("Unknown status", "1", "50", null, gst));
        long noNumber = invoice(host, "", "issued", ISSUED, "AUD", "55.00", line("No number", "1", "50", null, gst));
        Object[][] eighty = new Object[80][];
        for (int i = 0; i < eighty.length; i++) {
            eighty[i] = line("Half GST line " + i, "1", "10", null, mix5);
        }
        long manyProblems = invoice(host, "BADINV-MANY", "issued", ISSUED, "AUD", "840.00", eighty);
        long good = invoice(host, "BADINV-GOOD", "issued", ISSUED, "AUD", "55.00", line("Good line", "1", "50", null, gst));
        long ofNamelessCustomer = invoice(noName, "BADINV-NONAME", "issued", ISSUED, "AUD", "55.00",
                line("Customer without a name", "1", "50", null, gst));
        long ofBadEmailCustomer = invoice(twoAddresses, "BADINV-MAIL2", "issued", ISSUED, "AUD", "55.00",
                line("Customer with two addresses", "1", "50", null, gst));

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as("run %s", run).isEqualTo("COMPLETED_WITH_ERRORS");

        // customers: no name fails up front; a bad email address is left out with a warning; the rest go, cleaned where needed
        assertThat(record("contact", host)).isEqualTo(synced());
        assertThat(record("contact", noName)).isEqualTo(failed(EMPTY_NAME));
        assertThat(record("contact", blankName)).isEqualTo(failed(EMPTY_NAME));
        assertThat(record("contact", noAt)).isEqualTo(synced(
                "Contact EmailAddress \"accounts at mailone.com.au\" is not a valid email address (no @); sent without it"));
        assertThat(record("contact", twoAddresses)).isEqualTo(synced(
                "Contact EmailAddress \"a@mailtwo.com.au; b@mailtwo.com.au\" is not a valid email address"
                        + " (it holds more than one address; Xero takes one); sent without it"));
        assertThat(record("contact", doubleAt)).isEqualTo(synced(
                "Contact EmailAddress \"mia@@mailthree.com.au\" is not a valid email address; sent without it"));
        assertThat(record("contact", ligature)).isEqualTo(synced(
                "Contact EmailAddress \"ofﬁce@mailfive.com.au\" is not a valid email address"
                        + " (it contains 'ﬁ' U+FB01, which Xero does not take in an email address); sent without it"));
        assertThat(contactInXero("BAD-MAIL1").has("EmailAddress")).isFalse();
        assertThat(record("contact", spaced)).isEqualTo(synced());
        assertThat(contactInXero("BAD-MAIL4").path("EmailAddress").asText()).isEqualTo("mia@mailfour.com.au");
        assertThat(record("contact", control)).isEqualTo(synced(
                "Contact Name: control characters U+0007, U+0000 removed; sent as \"Bell & Sons Plumbing\""));
        assertThat(contactInXero("BAD-CTRL").path("Name").asText()).isEqualTo("Bell & Sons Plumbing");
        assertThat(record("contact", newline)).isEqualTo(synced(
                "Contact Name: line breaks and tabs made spaces; sent as \"Coastal Pools\""));
        assertThat(contactInXero("BAD-NL").path("Name").asText()).isEqualTo("Coastal Pools");
        assertThat(record("contact", longest)).isEqualTo(synced());
        assertThat(record("contact", numberless)).isEqualTo(synced());
        assertThat(sandbox.documents("Contacts")).noneMatch(c -> c.path("ContactNumber").asText()
                .matches("BAD-(NONAME|BLANK)"));

        // suppliers
        assertThat(record("vendor", vendorNoName)).isEqualTo(failed(EMPTY_NAME));
        assertThat(record("vendor", vendorBadEmail)).isEqualTo(synced(
                "Contact EmailAddress \"orders@\" is not a valid email address; sent without it"));
        assertThat(record("vendor", vendorGood)).isEqualTo(synced());

        // items: shortened, cleaned or cut with a warning, never failed
        assertThat(record("item", longName).get("warnings")).asString()
                .startsWith("Item Name \"Copper pipe Copper pipe").contains("is longer than 50 characters; sent as");
        assertThat(record("item", longSku).get("warnings")).asString()
                .startsWith("Item Code \"BAD-SKU-XXXX").contains("is longer than 30 characters; sent as");
        assertThat(record("item", controlName)).isEqualTo(synced(
                "Item Name: control characters U+001B removed; sent as \"Valve[0m brass\""));
        assertThat(record("item", longDescription)).isEqualTo(synced("Item Description is 5000 characters, cut to Xero's 4000"));
        assertThat(record("item", halfGst)).isEqualTo(synced("FSM tax code MIX5 (5.0000 %) has no Xero tax type:"
                + " the item goes without a sales tax type, so Xero's account default applies; map it with"
                + " fieldsync.tax-types.MIX5"));
        assertThat(List.of(longName, longSku, controlName, longDescription, halfGst))
                .allSatisfy(id -> assertThat(record("item", id).get("status")).isEqualTo("SYNCED"));

        // invoices: each problem fails its own invoice, naming the field and line
        assertThat(record("invoice", negativeLine)).isEqualTo(synced());
        assertThat(invoiceInXero("BADINV-NEGQ").path("Total").decimalValue()).isEqualByComparingTo("110.00");
        assertThat(invoiceInXero("BADINV-NEGQ").path("LineItems").path(1).path("Quantity").decimalValue())
                .isEqualByComparingTo("-1");
        assertThat(record("invoice", belowZero)).isEqualTo(failed("its lines add up to -100.00 before tax"
                + " (field-service total 10.00): Xero does not take an invoice below zero; a refund is a credit note"));
        assertThat(record("invoice", unmappedTax)).isEqualTo(failed("line 1: FSM tax code MIX5 (5.0000 %) has no"
                + " Xero tax type; map it with fieldsync.tax-types.MIX5, or send invoices without tax"));
        assertThat(record("invoice", noLines)).isEqualTo(failed("the invoice has no lines but its total is 55.00:"
                + " Xero needs at least one line item and would total it 0.00"));
        assertThat(record("invoice", overDiscount)).isEqualTo(failed("line 1: discount_percent 150.00 is outside 0 to 100"));
        assertThat(record("invoice", negativeDiscount)).isEqualTo(failed("line 1: discount_percent -10.00 is outside 0 to 100"));
        assertThat(record("invoice", noDescription)).isEqualTo(failed("line 1: description is empty and the line has"
                + " no Xero item to take one from: Xero needs a description on every line"));
        assertThat(record("invoice", controlLine)).isEqualTo(synced(
                "Invoice LineItems[0].Description: control characters U+001B, U+0000 removed; sent as \"Service call out\""));
        assertThat(invoiceInXero("BADINV-CTRL").path("LineItems").path(0).path("Description").asText())
                .isEqualTo("Service call out");
        assertThat(record("invoice", longLine).get("status")).isEqualTo("SYNCED");
        assertThat(record("invoice", longLine).get("warnings")).asString()
                .matches("LineItems\\[0\\]\\.Description is 40\\d\\d characters, cut to Xero's 4000");
        assertThat(record("invoice", zeroDate)).isEqualTo(failed("issue_date is empty (MySQL's zero date 0000-00-00"
                + " reads as empty): Xero needs the invoice's date"));
        assertThat(record("invoice", zeroDueDate)).isEqualTo(synced());
        assertThat(invoiceInXero("BADINV-ZERODUE").path("DueDate").asText())
                .isEqualTo(invoiceInXero("BADINV-ZERODUE").path("Date").asText());
        assertThat(record("invoice", unknownCurrency)).isEqualTo(failed(
                "Invoice CurrencyCode \"XYZ\" is not an ISO 4217 currency code"));
        assertThat(record("invoice", lowerCurrency)).isEqualTo(synced());
        assertThat(invoiceInXero("BADINV-LOWER").path("CurrencyCode").asText()).isEqualTo("AUD");
        assertThat(record("invoice", unknownStatus)).isEqualTo(failed("status 'sent' is none of draft, issued, paid,"
                + " void: FieldSync cannot tell whether the invoice is final"));
        assertThat(record("invoice", noNumber)).isEqualTo(failed(
                "invoice_number is empty: Xero and FieldSync know an invoice by its number"));
        assertThat(record("invoice", manyProblems).get("status")).isEqualTo("FAILED");
        assertThat(record("invoice", manyProblems).get("message")).asString().hasSizeLessThanOrEqualTo(4000)
                .startsWith("line 1: FSM tax code MIX5").endsWith("more characters not kept)");
        assertThat(record("invoice", good)).isEqualTo(synced());
        assertThat(record("invoice", ofNamelessCustomer).get("status")).isEqualTo("SKIPPED");
        assertThat(record("invoice", ofNamelessCustomer).get("message")).asString()
                .isEqualTo("Customer BAD-NONAME is not in Xero (FAILED: " + EMPTY_NAME + "); the invoice follows once it is");
        assertThat(record("invoice", ofBadEmailCustomer)).as("its customer went without the address").isEqualTo(synced());
        assertThat(sandbox.documents("Invoices")).filteredOn(i -> "ACCREC".equals(i.path("Type").asText()))
                .noneMatch(i -> i.path("InvoiceNumber").asText()
                .matches("|BADINV-(NEGSUM|MIX5|NOLINES|DISC|NDISC|NODESC|ZERO|XYZ|STATUS|MANY|NONAME)"));

        // and everything else of the run went as it does without the bad rows
        assertThat(countOf("invoice", "SYNCED")).isGreaterThan(30);
        assertThat(state.queryForList("select entity, local_id, message from record_status where status = 'FAILED'"))
                .filteredOn(f -> !inserted.contains(f.get("entity") + ":" + f.get("local_id")))
                .allSatisfy(f -> assertThat((String) f.get("message")).contains("FSM tax code MIX5"));
    }

    @Test
    void preEpochDatesAndUnknownFieldsInXeroReadsAreReadAsUsual() {
        // every try of a contacts batch loses its answer: the run ends with those contacts' outcome unknown
        sandbox.faults().on("POST", "/Contacts").dropResponseAfterCommit();
        sandbox.faults().on("GET", "/TaxRates").times(1).legacyDateAndUnknownField();
        Map<String, Object> interrupted = syncToEnd();
        assertThat(interrupted.get("status")).isEqualTo("FAILED");
        int lost = state.queryForObject("select count(*) from record_status where attempted_at is not null", Integer.class);
        assertThat(lost).as("contacts whose answer was lost").isPositive();
        sandbox.faults().clear();
        long contactWrites = contactWrites();

        // the look-up of the lost contacts is answered with a 1900 date and a field the contract does not name
        sandbox.faults().on("GET", "/Contacts").times(1).legacyDateAndUnknownField();
        Map<String, Object> next = syncToEnd();

        assertThat(sandbox.faults().active()).as("both faulty reads were answered").isFalse();
        assertThat(next.get("status")).as("run %s", next).isEqualTo("COMPLETED_WITH_ERRORS");
        List<String> numbers = sandbox.documents("Contacts").stream().filter(c -> c.hasNonNull("ContactNumber"))
                .map(c -> c.path("ContactNumber").asText()).toList();
        assertThat(numbers).hasSize(countOf("contact", "SYNCED")).doesNotHaveDuplicates();
        assertThat(contactWrites()).as("the found contacts went as updates").isGreaterThan(contactWrites);
        assertThat(countOf("invoice", "SYNCED")).isPositive();
        assertThat(state.queryForObject("select count(*) from record_status where attempted_at is not null", Integer.class))
                .isZero();
    }

    @Test
    void readsXeroAnswers503ToAreAskedAgainAndTheRunSyncs() {
        sandbox.faults().on("GET", "/TaxRates").times(2).serverError(503);
        sandbox.faults().on("GET", "/Contacts").times(1).serverError(503, 0); // the pull's read, with Retry-After
        sandbox.faults().on("GET", "/Accounts").times(1).htmlErrorPage(502);

        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).as("run %s", run).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(sandbox.faults().active()).as("every fault met").isFalse();
        assertThat(sandbox.calls()).filteredOn(c -> c.method().equals("GET") && c.collection().equals("TaxRates"))
                .as("asked again until Xero answered").hasSizeGreaterThanOrEqualTo(3);
        assertThat(countOf("contact", "SYNCED")).isPositive();
        assertThat(countOf("invoice", "SYNCED")).isPositive();
    }

    @Test
    void htmlPageInsteadOfTaxRatesFailsTheRunWithXerosStatusAndTheNextRunSyncs() {
        sandbox.faults().on("GET", "/TaxRates").htmlErrorPage(502); // on every try: the redeliveries run out

        Map<String, Object> failed = syncToEnd();
        sandbox.faults().clear();

        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("message")).asString()
                .startsWith("Xero answered HTTP 502 to GET " + sandbox.apiUrl() + "/TaxRates: an HTML page, not JSON"
                        + " (a gateway's or an outage page): \"502 Service Unavailable: Sorry, something went wrong")
                .doesNotContain("<");
        assertThat(contactWrites()).as("nothing was sent").isZero();

        Map<String, Object> next = syncToEnd();

        assertThat(next.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(countOf("contact", "SYNCED")).isPositive();
        assertThat(countOf("invoice", "SYNCED")).isPositive();
    }

    @Test
    void cutOffLookUpAnswerFailsTheRunAndTheNextRunCreatesNoDuplicate() {
        // the cut-off answer is meant for the look-up, not for the contact pull's read
        putSettings(Map.of("entities", Map.of("contact", Map.of("direction", "push"))));
        sandbox.faults().on("POST", "/Contacts").dropResponseAfterCommit(); // on every try: the answers stay lost
        assertThat(syncToEnd().get("status")).isEqualTo("FAILED");
        sandbox.faults().clear();
        long contactWrites = contactWrites();

        sandbox.faults().on("GET", "/Contacts").truncatedJson(); // on every try: the redeliveries run out
        Map<String, Object> cutOff = syncToEnd();
        sandbox.faults().clear();

        assertThat(cutOff.get("status")).isEqualTo("FAILED");
        assertThat(cutOff.get("message")).asString()
                .matches("Looking up \\d+ Contacts in Xero by ContactNumber \\(sent before, their answer lost\\) failed;"
                        + " they were not sent again and are looked up in the next run: Xero's answer \\(HTTP 200\\) to GET "
                        + "\\S+/Contacts\\?where=\\S+ breaks off after \\d+ characters, before its JSON ends"
                        + " \\(cut off on the way\\): .*");
        assertThat(contactWrites()).as("no contact was sent without its look-up").isEqualTo(contactWrites);

        Map<String, Object> next = syncToEnd();

        assertThat(next.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        List<String> numbers = sandbox.documents("Contacts").stream().filter(c -> c.hasNonNull("ContactNumber"))
                .map(c -> c.path("ContactNumber").asText()).toList();
        assertThat(numbers).hasSize(countOf("contact", "SYNCED")).doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------- the bad rows

    private long customer(String number, String company, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer_number", number);
        row.put("company_name", company);
        row.put("email", email);
        return insert("contact", "customers", row);
    }

    private long vendor(String name, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("email", email);
        return insert("vendor", "vendors", row);
    }

    private long material(String sku, String name, String description, long taxCode) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sku", sku);
        row.put("name", name);
        row.put("description", description);
        row.put("sell_price", new BigDecimal("12.5000"));
        row.put("tax_code_id", taxCode);
        return insert("item", "materials", row);
    }

    private static Object[] line(String description, String quantity, String unitPrice, String discount, long taxCode) {
        return new Object[] {description, new BigDecimal(quantity), new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount), taxCode};
    }

    /** An invoice with its lines; {@code issueDate} is SQL, so a zero date can be written as MySQL takes it. */
    private long invoice(long customer, String number, String status, String issueDate, String currency, String total,
                         Object[]... lines) {
        source.update("insert into invoices (invoice_number, customer_id, status, issue_date, currency, subtotal, total)"
                + " values (?, ?, ?, " + issueDate + ", ?, ?, ?)", number, customer, status, currency,
                new BigDecimal(total), new BigDecimal(total));
        long id = source.queryForObject("select id from invoices where invoice_number = ?", Long.class, number);
        int lineNo = 1;
        for (Object[] line : lines) {
            source.update("insert into invoice_lines (invoice_id, line_no, description, quantity, unit_price,"
                    + " discount_percent, tax_code_id) values (?, ?, ?, ?, ?, ?, ?)", id, lineNo++, line[0], line[1],
                    line[2], line[3], line[4]);
        }
        inserted.add("invoice:" + id);
        return id;
    }

    private long insert(String entity, String table, Map<String, Object> row) {
        long id = new SimpleJdbcInsert(source).withTableName(table).usingColumns(row.keySet().toArray(String[]::new))
                .usingGeneratedKeyColumns("id").executeAndReturnKey(row).longValue();
        inserted.add(entity + ":" + id);
        return id;
    }

    // ---------------------------------------------------------------- outcomes

    private Map<String, Object> record(String entity, long localId) {
        return state.queryForMap("select status, message, warnings from record_status where entity = ? and local_id = ?",
                entity, localId);
    }

    private static Map<String, Object> synced() {
        return synced(null);
    }

    private static Map<String, Object> synced(String warnings) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", "SYNCED");
        outcome.put("message", null);
        outcome.put("warnings", warnings);
        return outcome;
    }

    private static Map<String, Object> failed(String message) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", "FAILED");
        outcome.put("message", message);
        outcome.put("warnings", null);
        return outcome;
    }

    private ObjectNode contactInXero(String number) {
        Optional<ObjectNode> contact = sandbox.documents("Contacts").stream()
                .filter(c -> number.equals(c.path("ContactNumber").asText())).findFirst();
        assertThat(contact).as("contact %s in Xero", number).isPresent();
        return contact.get();
    }

    private ObjectNode invoiceInXero(String number) {
        Optional<ObjectNode> invoice = sandbox.documents("Invoices").stream()
                .filter(i -> number.equals(i.path("InvoiceNumber").asText())).findFirst();
        assertThat(invoice).as("invoice %s in Xero", number).isPresent();
        return invoice.get();
    }

    private long contactWrites() {
        return sandbox.apiCalls("POST", "Contacts") + sandbox.apiCalls("PUT", "Contacts");
    }

    private int countOf(String entity, String status) {
        return state.queryForObject("select count(*) from record_status where entity = ? and status = ?", Integer.class,
                entity, status);
    }
}
