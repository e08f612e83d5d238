package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * Real customer lists (issue 17): people who share a name, a customer and a vendor of one name,
 * an email address Xero refuses. Each customer reaches Xero as its own contact, named apart
 * ("Noor Haddad (SN-002)") where another contact has its name, and its invoices follow in the
 * same run; a bad email address is left out with a warning rather than stranding the customer.
 */
class SharedNamesIT extends MariaDbIntegrationTest {

    private static final String ISSUED = "2026-10-01";

    @Autowired
    ConfigurableEnvironment environment;

    JdbcTemplate source;
    long gst;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
        gst = source.queryForObject("select id from tax_codes where code = 'GST'", Long.class);
    }

    @Test
    void twoCustomersOfOneNameReachXeroAsSeparateContactsWithTheirInvoices() {
        long first = person("SN-001", "Noor", "Haddad", "noor@haddad.example");
        long second = person("SN-002", "Noor", "Haddad", "n.haddad@example.com");
        invoice(first, "SN-INV-1", "110.00");
        invoice(second, "SN-INV-2", "220.00");

        syncToEnd();

        assertThat(status("contact", first)).isEqualTo("SYNCED");
        assertThat(status("contact", second)).isEqualTo("SYNCED");
        assertThat(contactInXero("SN-001").path("Name").asText()).isEqualTo("Noor Haddad");
        assertThat(contactInXero("SN-002").path("Name").asText()).isEqualTo("Noor Haddad (SN-002)");
        assertThat(warnings("contact", second))
                .isEqualTo("Contact Name \"Noor Haddad\" is another Xero contact's name; sent as \"Noor Haddad (SN-002)\"");
        assertThat(status("invoice", invoiceId("SN-INV-1"))).isEqualTo("SYNCED");
        assertThat(status("invoice", invoiceId("SN-INV-2"))).isEqualTo("SYNCED");
        assertThat(invoiceInXero("SN-INV-1").path("Contact").path("ContactID").asText())
                .isEqualTo(contactInXero("SN-001").path("ContactID").asText());
        assertThat(invoiceInXero("SN-INV-2").path("Contact").path("ContactID").asText())
                .isEqualTo(contactInXero("SN-002").path("ContactID").asText());
    }

    @Test
    void aNameAnUnlinkedXeroContactHasIsNamedApartAndItsInvoicesFollowInTheSameRun() {
        ObjectNode typedInXero = sandbox.plant("Contacts", json().put("Name", "Outback Mowing").put("ContactStatus", "ACTIVE"));
        long customer = company("SN-010", "Outback Mowing", null);
        invoice(customer, "SN-INV-10", "55.00");

        Map<String, Object> run = syncToEnd();

        assertThat(status("contact", customer)).as("run %s", run).isEqualTo("SYNCED");
        assertThat(contactInXero("SN-010").path("Name").asText()).isEqualTo("Outback Mowing (SN-010)");
        assertThat(contactInXero("SN-010").path("ContactID").asText()).isNotEqualTo(typedInXero.path("ContactID").asText());
        assertThat(sandbox.document("Contacts", typedInXero.path("ContactID").asText()).orElseThrow().path("Name").asText())
                .as("Xero's own contact is left as it is").isEqualTo("Outback Mowing");
        assertThat(status("invoice", invoiceId("SN-INV-10"))).isEqualTo("SYNCED");
        assertThat(invoiceInXero("SN-INV-10").path("Contact").path("ContactID").asText())
                .isEqualTo(contactInXero("SN-010").path("ContactID").asText());
    }

    @Test
    void withDuplicateNamesSetToFailTheSecondFailsWithXerosWords() {
        try (TestSettings settings = new TestSettings(environment).set("fieldsync.contacts.duplicate-names", "fail")) {
            long first = person("SN-020", "Mia", "Tran", null);
            long second = person("SN-021", "Mia", "Tran", null);
            invoice(second, "SN-INV-21", "55.00");

            syncToEnd();

            assertThat(status("contact", first)).isEqualTo("SYNCED");
            assertThat(status("contact", second)).isEqualTo("FAILED");
            assertThat(message("contact", second)).isEqualTo("The contact name Mia Tran is already assigned to another"
                    + " contact. The contact name must be unique across all active contacts.");
            assertThat(status("invoice", invoiceId("SN-INV-21"))).isEqualTo("SKIPPED");
            assertThat(sandbox.documents("Contacts")).noneMatch(c -> "SN-021".equals(c.path("ContactNumber").asText()));
        }
    }

    @Test
    void aVendorSharingACustomersNameIsASeparateContactNamedApart() {
        long customer = company("SN-030", "Harbour Supplies", "accounts@harboursupplies.example");
        long vendor = vendor("Harbour Supplies", "sales@harboursupplies.example");

        syncToEnd();

        assertThat(status("contact", customer)).isEqualTo("SYNCED");
        assertThat(status("vendor", vendor)).isEqualTo("SYNCED");
        String customerContact = xeroId("contact", customer);
        String vendorContact = xeroId("vendor", vendor);
        assertThat(vendorContact).isNotEqualTo(customerContact);
        assertThat(sandbox.document("Contacts", customerContact).orElseThrow().path("Name").asText()).isEqualTo("Harbour Supplies");
        assertThat(sandbox.document("Contacts", vendorContact).orElseThrow().path("Name").asText())
                .isEqualTo("Harbour Supplies (vendor " + vendor + ")");
        assertThat(sandbox.document("Contacts", vendorContact).orElseThrow().path("EmailAddress").asText())
                .isEqualTo("sales@harboursupplies.example");
    }

    @Test
    void twoVendorsOfOneNameAreNamedApartAmongThemselves() {
        long first = vendor("Coastal Pipe Co", null);
        long second = vendor("Coastal Pipe Co", null);

        syncToEnd();

        assertThat(sandbox.document("Contacts", xeroId("vendor", first)).orElseThrow().path("Name").asText())
                .isEqualTo("Coastal Pipe Co");
        assertThat(sandbox.document("Contacts", xeroId("vendor", second)).orElseThrow().path("Name").asText())
                .isEqualTo("Coastal Pipe Co (vendor " + second + ")");
    }

    @Test
    void theSuffixSurvivesRenamesAndASecondRunWritesNothing() {
        long first = person("SN-040", "Ava", "Singh", null);
        long second = person("SN-041", "Ava", "Singh", null);
        syncToEnd();
        long writes = contactWrites();

        syncToEnd();
        assertThat(contactWrites()).as("nothing changed: nothing written").isEqualTo(writes);

        // the first one leaves the name; the second keeps its suffix rather than flipping back
        source.update("update customers set last_name = 'Singh-Patel' where id = ?", first);
        source.update("update customers set first_name = 'Avani' where id = ?", second);
        syncToEnd();

        assertThat(contactInXero("SN-040").path("Name").asText()).isEqualTo("Ava Singh-Patel");
        assertThat(contactInXero("SN-041").path("Name").asText()).isEqualTo("Avani Singh (SN-041)");
        assertThat(status("contact", second)).isEqualTo("SYNCED");
    }

    @Test
    void aLongNameIsShortenedNeverItsSuffix() {
        String name = "Northern Beaches Residential Pool and Spa Maintenance ".repeat(5).strip(); // 269 characters
        long first = company("SN-050", name.substring(0, 255), null);
        long second = company("SN-051", name.substring(0, 255), null);

        syncToEnd();

        assertThat(status("contact", first)).isEqualTo("SYNCED");
        assertThat(status("contact", second)).isEqualTo("SYNCED");
        String named = contactInXero("SN-051").path("Name").asText();
        assertThat(named).hasSizeBetween(250, 255).endsWith(" (SN-051)").startsWith(name.substring(0, 240));
    }

    @Test
    void thePullReadsANamedApartContactAsItsCustomer() {
        long first = person("SN-060", "Liam", "Nguyen", null);
        long second = person("SN-061", "Liam", "Nguyen", null);
        syncToEnd();
        syncToEnd();
        int customers = source.queryForObject("select count(*) from customers", Integer.class);
        String contactId = contactInXero("SN-061").path("ContactID").asText();

        // someone adds a phone number to the named-apart contact in Xero
        ObjectNode edited = sandbox.document("Contacts", contactId).orElseThrow().deepCopy();
        edited.putArray("Phones").addObject().put("PhoneType", "MOBILE").put("PhoneNumber", "0412 345 678");
        edited.remove("UpdatedDateUTC");
        sleepASecond(); // If-Modified-Since has whole seconds
        sandbox.plant("Contacts", edited);
        syncToEnd();

        Map<String, Object> row = source.queryForMap("select company_name, first_name, last_name, mobile from customers where id = ?", second);
        assertThat(row.get("company_name")).as("not renamed to the suffixed name").isNull();
        assertThat(row.get("first_name")).isEqualTo("Liam");
        assertThat(row.get("last_name")).isEqualTo("Nguyen");
        assertThat(row.get("mobile")).isEqualTo("0412 345 678");
        assertThat(source.queryForObject("select count(*) from customers", Integer.class)).as("no new customer").isEqualTo(customers);
        assertThat(contactInXero("SN-061").path("Name").asText()).isEqualTo("Liam Nguyen (SN-061)");
        assertThat(contactInXero("SN-060").path("Name").asText()).isEqualTo("Liam Nguyen");
        assertThat(status("contact", first)).isEqualTo("SYNCED");
    }

    @Test
    void aCustomerWithTheEmailBobAtReachesXeroWithoutItAndItsInvoicesFollow() {
        long bob = company("SN-070", "Bob's Pools", "bob@");
        invoice(bob, "SN-INV-70", "99.00");

        syncToEnd();

        assertThat(status("contact", bob)).isEqualTo("SYNCED");
        assertThat(warnings("contact", bob)).isEqualTo("Contact EmailAddress \"bob@\" is not a valid email address; sent without it");
        assertThat(contactInXero("SN-070").has("EmailAddress")).isFalse();
        assertThat(status("invoice", invoiceId("SN-INV-70"))).isEqualTo("SYNCED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = asViewer().getForObject("/api/records?entity=contact&status=SYNCED&size=500", List.class);
        assertThat(shown).filteredOn(r -> ((Number) r.get("localId")).longValue() == bob).singleElement()
                .satisfies(r -> assertThat(r.get("warnings")).isEqualTo(
                        "Contact EmailAddress \"bob@\" is not a valid email address; sent without it"));
    }

    // ---------------------------------------------------------------- field-service rows

    private long person(String number, String first, String last, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer_number", number);
        row.put("first_name", first);
        row.put("last_name", last);
        row.put("email", email);
        return insert("customers", row);
    }

    private long company(String number, String company, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer_number", number);
        row.put("company_name", company);
        row.put("email", email);
        return insert("customers", row);
    }

    private long vendor(String name, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("email", email);
        return insert("vendors", row);
    }

    private void invoice(long customer, String number, String total) {
        source.update("insert into invoices (invoice_number, customer_id, status, issue_date, currency, subtotal, total)"
                + " values (?, ?, 'issued', ?, 'AUD', ?, ?)", number, customer, ISSUED, new BigDecimal(total), new BigDecimal(total));
        source.update("insert into invoice_lines (invoice_id, line_no, description, quantity, unit_price, tax_code_id)"
                + " values (?, 1, 'Pool service', 1, ?, ?)", invoiceId(number), new BigDecimal(total), gst);
    }

    private long insert(String table, Map<String, Object> row) {
        return new SimpleJdbcInsert(source).withTableName(table).usingColumns(row.keySet().toArray(String[]::new))
                .usingGeneratedKeyColumns("id").executeAndReturnKey(row).longValue();
    }

    private long invoiceId(String number) {
        return source.queryForObject("select id from invoices where invoice_number = ?", Long.class, number);
    }

    // ---------------------------------------------------------------- outcomes

    private String status(String entity, long localId) {
        return state.queryForObject("select status from record_status where entity = ? and local_id = ?", String.class,
                entity, localId);
    }

    private String message(String entity, long localId) {
        return state.queryForObject("select message from record_status where entity = ? and local_id = ?", String.class,
                entity, localId);
    }

    private String warnings(String entity, long localId) {
        return state.queryForObject("select warnings from record_status where entity = ? and local_id = ?", String.class,
                entity, localId);
    }

    private String xeroId(String entity, long localId) {
        return state.queryForObject("select xero_id from record_link where entity = ? and local_id = ?", String.class,
                entity, localId);
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

    private static void sleepASecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode json() {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    }
}
