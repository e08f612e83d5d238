package io.fieldsync.pulls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.sandbox.SandboxCall;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contacts and items read back from Xero into the field-service database: incrementally, new
 * Xero records as new rows, conflicts settled by the master, nothing echoed, nothing deleted.
 * Xero is the sandbox, changed the way a person typing into Xero would change it.
 */
class PullsIT extends MariaDbIntegrationTest {

    private JdbcTemplate source;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.core.env.ConfigurableEnvironment environment;

    @BeforeEach
    void exportedAndSettled() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
        syncToEnd(); // the push creates the contacts and items
        syncToEnd(); // the pull reads FieldSync's own contacts back: in step, nothing written
    }

    @Test
    void secondRunReadsOnlyWhatChangedSinceTheWatermarkWithIfModifiedSince() throws Exception {
        Map<String, Object> customer = linkedCustomer();
        String contactId = xeroIdOf("contact", customer.get("id"));
        // a change a second later moves the watermark past the second of the first push's contacts
        Long otherId = state.queryForObject("select max(local_id) from record_link where entity = 'contact'", Long.class);
        Thread.sleep(1100); // If-Modified-Since has whole seconds
        typeIntoXero("Contacts", xeroIdOf("contact", otherId), "Website", "https://example.com");
        syncToEnd();
        Thread.sleep(1100);
        typeIntoXero("Contacts", contactId, "EmailAddress", "new.address@example.com");

        Map<String, Object> run = syncToEnd();

        SandboxCall read = lastCall("GET", "Contacts");
        assertThat(read.ifModifiedSince()).as("asked only for changes").isNotNull();
        Instant since = Instant.parse(read.ifModifiedSince());
        List<ObjectNode> answered = sandbox.documents("Contacts").stream()
                .filter(c -> !updated(c).isBefore(since)).toList();
        assertThat(answered).as("the contacts Xero answers for that If-Modified-Since")
                .extracting(c -> c.get("ContactID").asText()).contains(contactId)
                .hasSizeLessThan(sandbox.documents("Contacts").size());
        assertThat(answered).filteredOn(c -> !c.get("ContactID").asText().equals(contactId))
                .as("besides the changed one, only those of the watermark's own second, read again by design")
                .allSatisfy(c -> assertThat(updated(c).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).isEqualTo(since));
        assertThat(((Map<?, ?>) ((Map<?, ?>) run.get("counts")).get("contact-pull")).get("synced"))
                .as("customers written").isEqualTo(1);
        assertThat(source.queryForObject("select email from customers where id = ?", String.class, customer.get("id")))
                .isEqualTo("new.address@example.com");
        assertThat(state.queryForObject("select last_updated_at from watermark where entity = 'contact' and direction = 'pull'",
                java.sql.Timestamp.class)).isNotNull();
    }

    @Test
    void aContactEditedInXeroBetweenTwoPagesOfAPullIsRead() throws Exception {
        List<Long> customers = state.queryForList("select local_id from record_link where entity = 'contact' order by local_id",
                Long.class).subList(0, 6);
        Thread.sleep(1100);
        for (int i = 0; i < customers.size(); i++) { // two edits a second: pages of 3 end in another second
            typeIntoXero("Contacts", xeroIdOf("contact", customers.get(i)), "EmailAddress", "edit" + i + "@example.com");
            if (i % 2 == 1) {
                Thread.sleep(1100);
            }
        }
        // a person edits the first of them again once the pull has read it: Xero moves it to the end
        String first = xeroIdOf("contact", customers.get(0));
        java.util.concurrent.atomic.AtomicBoolean edited = new java.util.concurrent.atomic.AtomicBoolean();
        sandbox.faults().on("GET", "/Contacts").afterwards(answer -> {
            if (answer.contains(first) && edited.compareAndSet(false, true)) {
                typeIntoXero("Contacts", first, "EmailAddress", "again@example.com");
            }
        });

        try (TestSettings pages = new TestSettings(environment).set("fieldsync.pulls.page-size", 3)) {
            syncToEnd();
        } finally {
            sandbox.faults().clear();
        }

        assertThat(edited).as("edited between two pages").isTrue();
        for (int i = 1; i < customers.size(); i++) {
            assertThat(source.queryForObject("select email from customers where id = ?", String.class, customers.get(i)))
                    .as("customer %s's change in Xero", customers.get(i)).isEqualTo("edit" + i + "@example.com");
        }
        assertThat(source.queryForObject("select email from customers where id = ?", String.class, customers.get(0)))
                .isEqualTo("again@example.com");
    }

    @Test
    void newXeroContactBecomesACustomerWithItsLinkAndIsNotPushedBack() {
        ObjectNode contact = json().put("Name", "Lagoon Spas Pty Ltd").put("ContactNumber", "X-100")
                .put("FirstName", "Ava").put("LastName", "Reid").put("EmailAddress", "ava@lagoonspas.example")
                .put("ContactStatus", "ACTIVE").put("IsSupplier", false).put("IsCustomer", false);
        contact.putArray("Addresses").addObject().put("AddressType", "POBOX").put("AddressLine1", "4 Reef St")
                .put("City", "Cairns").put("Region", "QLD").put("PostalCode", "4870").put("Country", "AU");
        contact.putArray("Phones").addObject().put("PhoneType", "DEFAULT").put("PhoneNumber", "07 4000 1234");
        String contactId = sandbox.plant("Contacts", contact).get("ContactID").asText();

        syncToEnd();
        long writes = xeroWrites();
        syncToEnd();

        Map<String, Object> customer = source.queryForMap("select * from customers where customer_number = 'X-100'");
        assertThat(customer).containsEntry("company_name", "Lagoon Spas Pty Ltd").containsEntry("first_name", "Ava")
                .containsEntry("email", "ava@lagoonspas.example").containsEntry("billing_street", "4 Reef St")
                .containsEntry("billing_city", "Cairns").containsEntry("phone", "07 4000 1234");
        assertThat(customer.get("deleted_at")).isNull();
        assertThat(xeroIdOf("contact", customer.get("id"))).isEqualTo(contactId);
        assertThat(xeroWrites()).as("the new customer is not sent back to Xero").isEqualTo(writes);
    }

    @Test
    void contactsXeroHeldBeforeTheFirstReadAreLeftToMatchingAndLaterOnesAreTaken() {
        state.update("delete from watermark where entity = 'contact' and direction = 'pull'"); // as if never read
        sandbox.plant("Contacts", json().put("Name", "Old Books Pty Ltd").put("ContactNumber", "X-200")
                .put("ContactStatus", "ACTIVE").put("IsSupplier", false).put("IsCustomer", true));

        syncToEnd();

        assertThat(source.queryForObject("select count(*) from customers where customer_number = 'X-200'", Integer.class))
                .as("an organisation's existing contacts wait for the matching wizard").isZero();

        sandbox.plant("Contacts", json().put("Name", "New Books Pty Ltd").put("ContactNumber", "X-201")
                .put("ContactStatus", "ACTIVE").put("IsSupplier", false).put("IsCustomer", true));
        syncToEnd();

        assertThat(source.queryForObject("select count(*) from customers where customer_number = 'X-201'", Integer.class))
                .as("a contact added in Xero after the first read").isEqualTo(1);
    }

    @Test
    void bothSidesChangedMasterFsmOverwritesXeroAndLeavesTheCustomer() throws Exception {
        Map<String, Object> customer = linkedCustomer();
        String contactId = xeroIdOf("contact", customer.get("id"));
        Thread.sleep(1100);
        source.update("update customers set email = 'fsm.side@example.com' where id = ?", customer.get("id"));
        typeIntoXero("Contacts", contactId, "EmailAddress", "xero.side@example.com");

        syncToEnd();

        assertThat(source.queryForObject("select email from customers where id = ?", String.class, customer.get("id")))
                .isEqualTo("fsm.side@example.com");
        assertThat(sandbox.document("Contacts", contactId).orElseThrow().get("EmailAddress").asText())
                .isEqualTo("fsm.side@example.com");
    }

    @Test
    void bothSidesChangedMasterXeroOverwritesTheCustomerAndThePushDoesNotSendIt() throws Exception {
        assertThat(putSettings(Map.of("entities", Map.of("contact", Map.of("master", "xero")))).getStatusCode().value()).isEqualTo(200);
        Map<String, Object> customer = linkedCustomer();
        String contactId = xeroIdOf("contact", customer.get("id"));
        Thread.sleep(1100);
        source.update("update customers set email = 'fsm.side@example.com' where id = ?", customer.get("id"));
        typeIntoXero("Contacts", contactId, "EmailAddress", "xero.side@example.com");
        long writes = xeroWrites();

        syncToEnd();

        assertThat(source.queryForObject("select email from customers where id = ?", String.class, customer.get("id")))
                .isEqualTo("xero.side@example.com");
        assertThat(sandbox.document("Contacts", contactId).orElseThrow().get("EmailAddress").asText())
                .isEqualTo("xero.side@example.com");
        assertThat(xeroWrites()).as("the FSM's change is not sent").isEqualTo(writes);
    }

    @Test
    void tenRunsAfterChangesOnBothSidesMakeNoFurtherWritesOnEitherSide() throws Exception {
        List<Map<String, Object>> customers = source.queryForList(
                "select * from customers where deleted_at is null and id in (select id from customers) order by id");
        Map<String, Object> changedInXero = null;
        Map<String, Object> changedInFsm = null;
        for (Map<String, Object> customer : customers) {
            if (linked("contact", customer.get("id"))) {
                if (changedInXero == null) {
                    changedInXero = customer;
                } else {
                    changedInFsm = customer;
                    break;
                }
            }
        }
        Thread.sleep(1100);
        typeIntoXero("Contacts", xeroIdOf("contact", changedInXero.get("id")), "EmailAddress", "typed.in.xero@example.com");
        source.update("update customers set phone = '02 9999 0000' where id = ?", changedInFsm.get("id"));
        syncToEnd();
        syncToEnd(); // the push's own writes come back once, in step

        long writes = xeroWrites();
        Object lastFsmChange = source.queryForObject("select max(updated_at) from customers", Object.class);
        Object lastMaterialChange = source.queryForObject("select max(updated_at) from materials", Object.class);
        int customerCount = source.queryForObject("select count(*) from customers", Integer.class);
        for (int run = 0; run < 10; run++) {
            syncToEnd();
        }

        assertThat(xeroWrites()).as("write calls to Xero").isEqualTo(writes);
        assertThat(source.queryForObject("select max(updated_at) from customers", Object.class)).isEqualTo(lastFsmChange);
        assertThat(source.queryForObject("select max(updated_at) from materials", Object.class)).isEqualTo(lastMaterialChange);
        assertThat(source.queryForObject("select count(*) from customers", Integer.class)).isEqualTo(customerCount);
        assertThat(source.queryForObject("select email from customers where id = ?", String.class, changedInXero.get("id")))
                .isEqualTo("typed.in.xero@example.com");
        assertThat(sandbox.document("Contacts", xeroIdOf("contact", changedInFsm.get("id"))).orElseThrow()
                .path("Phones").toString()).contains("02 9999 0000");
    }

    @Test
    void archivedXeroContactDoesNotDeleteTheCustomer() throws Exception {
        Map<String, Object> customer = linkedCustomer();
        String contactId = xeroIdOf("contact", customer.get("id"));
        Thread.sleep(1100);
        typeIntoXero("Contacts", contactId, "ContactStatus", "ARCHIVED");

        syncToEnd();
        syncToEnd();

        assertThat(source.queryForObject("select deleted_at from customers where id = ?", Object.class, customer.get("id"))).isNull();
        assertThat(sandbox.document("Contacts", contactId).orElseThrow().get("ContactStatus").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    void itemsKeptInXeroReplaceTheCatalogueOnlyWhenChosen() throws Exception {
        putSettings(Map.of("entities", Map.of("item", Map.of("direction", "pull", "master", "xero"))));
        source.update("insert into materials (sku, name, kind) values ('FSM-ONLY-1', 'Made in the FSM', 'part')");
        sandbox.plant("Items", json().put("Code", "XERO-ONLY-1").put("Name", "Chlorine 20 kg")
                .put("IsSold", true).put("IsPurchased", false)
                .set("SalesDetails", json().put("UnitPrice", 89.5)));

        syncToEnd();

        assertThat(source.queryForMap("select * from materials where sku = 'XERO-ONLY-1'"))
                .containsEntry("name", "Chlorine 20 kg").satisfies(m -> assertThat((java.math.BigDecimal) m.get("sell_price"))
                        .isEqualByComparingTo("89.5"));
        assertThat(source.queryForObject("select deleted_at from materials where sku = 'FSM-ONLY-1'", Object.class))
                .as("kept while remove-unmatched is false").isNull();

        putSettings(Map.of("items", Map.of("remove-unmatched", "true")));
        syncToEnd();

        assertThat(source.queryForObject("select deleted_at from materials where sku = 'FSM-ONLY-1'", Object.class)).isNotNull();
        assertThat(source.queryForObject("select count(*) from materials where deleted_at is not null and id in ("
                + String.join(",", state.queryForList("select cast(local_id as char) from record_link where entity = 'item'", String.class))
                + ")", Integer.class)).as("materials with a Xero item stay").isZero();
    }

    private Map<String, Object> linkedCustomer() {
        Long id = state.queryForObject("select min(local_id) from record_link where entity = 'contact'", Long.class);
        return source.queryForMap("select * from customers where id = ?", id);
    }

    private boolean linked(String entity, Object localId) {
        return state.queryForObject("select count(*) from record_link where entity = ? and local_id = ?", Integer.class,
                entity, localId) == 1;
    }

    private String xeroIdOf(String entity, Object localId) {
        return state.queryForObject("select xero_id from record_link where entity = ? and local_id = ?", String.class, entity, localId);
    }

    /** A person's edit in Xero: the field changes and UpdatedDateUTC moves. */
    private void typeIntoXero(String collection, String id, String field, String value) {
        ObjectNode document = sandbox.document(collection, id).orElseThrow().deepCopy();
        document.put(field, value);
        document.remove("UpdatedDateUTC");
        sandbox.plant(collection, document);
    }

    private long xeroWrites() {
        return sandbox.apiCallCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("POST ") || e.getKey().startsWith("PUT "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private SandboxCall lastCall(String method, String collection) {
        List<SandboxCall> calls = sandbox.calls().stream()
                .filter(c -> c.method().equals(method) && c.collection().equals(collection)).toList();
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private static Instant updated(ObjectNode document) {
        String text = document.get("UpdatedDateUTC").asText();
        java.util.regex.Matcher ms = java.util.regex.Pattern.compile("/Date\\((\\d+)").matcher(text);
        return ms.find() ? Instant.ofEpochMilli(Long.parseLong(ms.group(1))) : Instant.parse(text);
    }

    private static ObjectNode json() {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    }
}
