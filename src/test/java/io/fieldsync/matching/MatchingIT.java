package io.fieldsync.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Matching on a first connection to a Xero organisation that has years of contacts and items:
 * exact matches are linked, near ones wait for a person, and nothing is created twice in Xero.
 * The organisation's records are written into the sandbox through its API, as a bookkeeper would.
 */
class MatchingIT extends MariaDbIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate source;
    private final List<Long> used = new ArrayList<>();

    @BeforeEach
    void connectedToAnOrganisationWithHistory() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
        used.clear();
    }

    @Test
    void exactMatchesAreLinkedByEachRuleAndANearMatchIsOnlySuggested() throws Exception {
        Map<String, Object> byNumber = customer("customer_number is not null");
        Map<String, Object> byTax = customer("tax_number is not null");
        Map<String, Object> byEmail = customer("email like '%_@_%._%' and email not like '%@@%'");
        Map<String, Object> byName = customer("company_name is not null");
        Map<String, Object> near = customer("company_name is not null and char_length(company_name) > 12");
        String numberContact = contactInXero(Map.of("Name", "Books name one", "AccountNumber", ((String) byNumber.get("customer_number")).toLowerCase()));
        String taxContact = contactInXero(Map.of("Name", "Books name two", "TaxNumber", spaced((String) byTax.get("tax_number"))));
        String emailContact = contactInXero(Map.of("Name", "Books name three", "EmailAddress", ((String) byEmail.get("email")).toUpperCase()));
        String nameContact = contactInXero(Map.of("Name", ((String) byName.get("company_name")).toUpperCase() + " Pty. Ltd."));
        String nearContact = contactInXero(Map.of("Name", nearly((String) near.get("company_name"))));

        Map<String, Object> run = asOperator().postForObject("/api/matching/contacts/run", null, Map.class);

        assertThat(((Number) run.get("xeroRecords")).intValue()).isEqualTo(5);
        assertThat(linkOf("contact", byNumber)).isEqualTo(numberContact);
        assertThat(linkOf("contact", byTax)).isEqualTo(taxContact);
        assertThat(linkOf("contact", byEmail)).isEqualTo(emailContact);
        assertThat(linkOf("contact", byName)).isEqualTo(nameContact);
        assertThat(linkOf("contact", near)).as("a near match is never linked automatically").isNull();
        assertThat(suggestions("contacts", "LINKED")).extracting(s -> s.get("reason")).anySatisfy(r -> assertThat((String) r).contains("contact number"))
                .anySatisfy(r -> assertThat((String) r).contains("tax number")).anySatisfy(r -> assertThat((String) r).contains("email"))
                .anySatisfy(r -> assertThat((String) r).contains("exact: name"));
        assertThat(suggestions("contacts", "SUGGESTED")).singleElement().satisfies(s -> {
            assertThat(((Number) s.get("localId")).longValue()).isEqualTo(id(near));
            assertThat(s.get("xeroId")).isEqualTo(nearContact);
            assertThat(((Number) s.get("score")).doubleValue()).isBetween(0.9, 0.9999);
            assertThat((String) s.get("reason")).startsWith("similar name");
        });

        // a second run changes nothing: the links stand, the suggestion is proposed once again
        asOperator().postForObject("/api/matching/contacts/run", null, Map.class);
        assertThat(suggestions("contacts", "SUGGESTED")).hasSize(1);
        assertThat(suggestions("contacts", "LINKED")).hasSize(4);

        syncToEnd();
        assertThat(sandbox.documents("Contacts").stream().filter(c -> c.path("Name").asText().equals(byNumber.get("company_name") == null
                ? byNumber.get("first_name") + " " + byNumber.get("last_name") : byNumber.get("company_name"))).toList())
                .as("the linked contact is updated, no second one created").singleElement()
                .satisfies(c -> assertThat(c.path("ContactID").asText()).isEqualTo(numberContact));
        assertThat(sandbox.documents("Contacts").stream().filter(c -> c.path("ContactID").asText().equals(nearContact)).toList())
                .singleElement().satisfies(c -> assertThat(c.path("Name").asText()).isEqualTo(nearly((String) near.get("company_name"))));
    }

    @Test
    void identicalNamesAreLinkedBeforeNamesEqualOnlyWithoutTheLegalForm() throws Exception {
        Map<String, Object> plain = customer("company_name is not null");
        Map<String, Object> pty = customer("company_name is not null");
        source.update("update customers set company_name = 'Outback Strata' where id = ?", id(plain));
        source.update("update customers set company_name = ' Outback Strata Pty Ltd ' where id = ?", id(pty));
        String plainContact = contactInXero(Map.of("Name", "Outback Strata"));
        String ptyContact = contactInXero(Map.of("Name", "OUTBACK STRATA PTY LTD"));

        asOperator().postForObject("/api/matching/contacts/run", null, Map.class);

        assertThat(linkOf("contact", plain)).isEqualTo(plainContact);
        assertThat(linkOf("contact", pty)).isEqualTo(ptyContact);
        assertThat(suggestions("contacts", "LINKED")).hasSize(2)
                .allSatisfy(s -> assertThat((String) s.get("reason")).startsWith("exact: identical name"));
        assertThat(suggestions("contacts", "SUGGESTED")).isEmpty();

        syncToEnd();
        assertThat(sandbox.documents("Contacts").stream().filter(c -> c.path("Name").asText().toLowerCase().contains("outback strata")))
                .as("each linked contact updated, none created").extracting(c -> c.path("ContactID").asText())
                .containsExactlyInAnyOrder(plainContact, ptyContact);
    }

    @Test
    void invoicesOfAnUndecidedCustomerAreSkippedWithTheReasonAndFollowOnceAccepted() throws Exception {
        Map<String, Object> waiting = customer("company_name is not null and char_length(company_name) > 12 and exists"
                + " (select 1 from invoices i where i.customer_id = customers.id and i.status in ('issued', 'paid') and i.total > 0)");
        String suggested = contactInXero(Map.of("Name", nearly((String) waiting.get("company_name"))));
        asOperator().postForObject("/api/matching/contacts/run", null, Map.class);

        syncToEnd();

        assertThat(recordStatus("contact", id(waiting))).satisfies(status -> {
            assertThat(status.get("status")).isEqualTo("SKIPPED");
            assertThat((String) status.get("message")).startsWith("Customer " + id(waiting) + " awaits a matching decision (suggested Xero contact");
        });
        List<Long> invoices = source.queryForList("select id from invoices where customer_id = ? and status in ('issued', 'paid')"
                + " and total > 0", Long.class, id(waiting));
        for (long invoice : invoices) {
            assertThat(recordStatus("invoice", invoice)).satisfies(status -> {
                assertThat(status.get("status")).isEqualTo("SKIPPED");
                assertThat((String) status.get("message")).isEqualTo("Customer " + id(waiting) + " (" + waiting.get("customer_number")
                        + ") awaits a matching decision (suggested Xero contact '" + nearly((String) waiting.get("company_name"))
                        + "' (" + score(waiting) + ")); the invoice follows once it is matched or created");
            });
        }
        assertThat(sandbox.documents("Contacts")).as("nothing created for the waiting customer").hasSize(
                1 + state.queryForObject("select count(*) from record_link where entity in ('contact', 'vendor')", Integer.class));

        List<Map<String, Object>> accepted = post("/api/matching/contacts/" + id(waiting) + "/accept", null, HttpStatus.OK);
        assertThat(accepted).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "ACCEPTED").containsEntry("xeroId", suggested));
        syncToEnd();

        assertThat(linkOf("contact", waiting)).isEqualTo(suggested);
        assertThat(recordStatus("contact", id(waiting))).containsEntry("status", "SYNCED");
        for (long invoice : invoices) {
            assertThat(recordStatus("invoice", invoice)).containsEntry("status", "SYNCED");
            String xeroId = state.queryForObject("select xero_id from record_link where entity = 'invoice' and local_id = ?", String.class, invoice);
            assertThat(sandbox.document("Invoices", xeroId).orElseThrow().path("Contact").path("ContactID").asText()).isEqualTo(suggested);
        }
        assertThat(sandbox.documents("Contacts").stream().filter(c -> c.path("Name").asText().equals(waiting.get("company_name"))).toList())
                .as("the accepted contact took the customer's name; no second contact").singleElement()
                .satisfies(c -> assertThat(c.path("ContactID").asText()).isEqualTo(suggested));
    }

    @Test
    void aSecondCustomerForAnAlreadyLinkedContactIsRefusedNamingTheClash() throws Exception {
        Map<String, Object> first = customer("customer_number is not null");
        Map<String, Object> second = customer("customer_number is not null");
        String contact = contactInXero(Map.of("Name", "Shared books name", "AccountNumber", (String) first.get("customer_number")));
        asOperator().postForObject("/api/matching/contacts/run", null, Map.class);
        assertThat(linkOf("contact", first)).isEqualTo(contact);

        ResponseEntity<Map> refused = asOperator().postForEntity("/api/matching/contacts/" + id(second) + "/accept",
                Map.of("xeroId", contact), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("error")).contains("Xero contact '" + first.get("customer_number") + " Shared books name' " + contact
                + " is already linked to customer " + id(first) + " (" + first.get("customer_number"));
        assertThat(((Number) refused.getBody().get("linkedLocalId")).longValue()).isEqualTo(id(first));
        assertThat(linkOf("contact", second)).isNull();
    }

    @Test
    void acceptAnotherContactRejectOrCreateInstead() throws Exception {
        Map<String, Object> changed = customer("company_name is not null and char_length(company_name) > 12");
        Map<String, Object> rejected = customer("company_name is not null and char_length(company_name) > 12");
        Map<String, Object> created = customer("company_name is not null and char_length(company_name) > 12");
        String wrong = contactInXero(Map.of("Name", nearly((String) changed.get("company_name"))));
        String right = contactInXero(Map.of("Name", "Quokka Holdings Unlimited"));
        String notIt = contactInXero(Map.of("Name", nearly((String) rejected.get("company_name"))));
        String notItEither = contactInXero(Map.of("Name", nearly((String) created.get("company_name"))));
        asOperator().postForObject("/api/matching/contacts/run", null, Map.class);
        assertThat(suggestions("contacts", "SUGGESTED")).hasSize(3);

        List<Map<String, Object>> change = post("/api/matching/contacts/" + id(changed) + "/accept", Map.of("xeroId", right), HttpStatus.OK);
        assertThat(change).extracting(s -> s.get("xeroId") + " " + s.get("status")).containsExactlyInAnyOrder(right + " ACCEPTED", wrong + " REJECTED");
        assertThat(post("/api/matching/contacts/" + id(rejected) + "/reject", null, HttpStatus.OK))
                .singleElement().satisfies(s -> assertThat(s).containsEntry("status", "REJECTED").containsEntry("xeroId", notIt));
        assertThat(post("/api/matching/contacts/" + id(created) + "/create", null, HttpStatus.OK))
                .extracting(s -> s.get("status")).containsExactlyInAnyOrder("REJECTED", "CREATE");
        assertThat(suggestions("contacts", "SUGGESTED")).isEmpty();

        syncToEnd();

        assertThat(linkOf("contact", changed)).isEqualTo(right);
        assertThat(sandbox.document("Contacts", right).orElseThrow().path("Name").asText()).isEqualTo(changed.get("company_name"));
        for (Map<String, Object> madeNew : List.of(rejected, created)) {
            String link = linkOf("contact", madeNew);
            assertThat(link).as("created in Xero by the sync").isNotNull().isNotIn(notIt, notItEither, wrong, right);
            assertThat(sandbox.document("Contacts", link).orElseThrow().path("Name").asText()).isEqualTo(madeNew.get("company_name"));
        }
        // a rejected pair is not proposed again
        asOperator().postForObject("/api/matching/contacts/run", null, Map.class);
        assertThat(suggestions("contacts", "SUGGESTED")).isEmpty();
    }

    @Test
    void xeroContactsWithoutAPartnerAreImportedOnceAndNotCreatedAgain() throws Exception {
        ObjectNode contact = json.createObjectNode();
        contact.put("Name", "Wombat Imports Unlimited");
        contact.put("FirstName", "Wendy");
        contact.put("LastName", "Wombat");
        contact.put("EmailAddress", "wendy@wombat.example.com");
        contact.put("AccountNumber", "X-7788");
        contact.putArray("Addresses").addObject().put("AddressType", "POBOX").put("AddressLine1", "PO Box 12")
                .put("City", "Hobart").put("Region", "TAS").put("PostalCode", "7000").put("Country", "Australia");
        contact.putArray("Phones").addObject().put("PhoneType", "MOBILE").put("PhoneNumber", "0400 111 222");
        String xeroId = put("Contacts", contact).path("ContactID").asText();
        String archived = contactInXero(Map.of("Name", "Long Gone Pty Ltd", "ContactStatus", "ARCHIVED"));

        Map<String, Object> imported = asOperator().postForObject("/api/matching/contacts/import", null, Map.class);

        assertThat((List<Map<String, Object>>) imported.get("imported")).singleElement().satisfies(i -> assertThat(i).containsEntry("xeroId", xeroId));
        assertThat((List<Map<String, Object>>) imported.get("notImported")).anySatisfy(n ->
                assertThat(n).containsEntry("xeroId", archived).containsEntry("reason", "archived in Xero"));
        Map<String, Object> row = source.queryForMap("select * from customers where customer_number = 'X-7788'");
        assertThat(row).containsEntry("company_name", "Wombat Imports Unlimited").containsEntry("first_name", "Wendy")
                .containsEntry("email", "wendy@wombat.example.com").containsEntry("mobile", "0400 111 222")
                .containsEntry("billing_street", "PO Box 12").containsEntry("billing_city", "Hobart");
        assertThat(linkOf("contact", row)).isEqualTo(xeroId);
        assertThat((List<?>) asOperator().postForObject("/api/matching/contacts/import", null, Map.class).get("imported"))
                .as("imported once").isEmpty();

        syncToEnd();

        assertThat(sandbox.documents("Contacts").stream().filter(c -> c.path("Name").asText().equals("Wombat Imports Unlimited")).toList())
                .singleElement().satisfies(c -> assertThat(c.path("ContactID").asText()).isEqualTo(xeroId));
        assertThat(recordStatus("contact", id(row))).containsEntry("status", "SYNCED");
    }

    @Test
    void materialsMatchItemsOnCodeThenNameAndUnmatchedOnesAreRemovedOnlyWhenAsked() throws Exception {
        Map<String, Object> byCode = material();
        Map<String, Object> byName = material();
        String codeItem = put("Items", item(((String) byCode.get("sku")).toLowerCase(), "Named otherwise in Xero")).path("ItemID").asText();
        String nameItem = put("Items", item("XERO-OWN-1", ((String) byName.get("name")).toUpperCase())).path("ItemID").asText();
        String onlyInXero = put("Items", item("XERO-ONLY-9", "Wombat wrangling kit")).path("ItemID").asText();

        Map<String, Object> run = asOperator().postForObject("/api/matching/items/run", null, Map.class);

        assertThat((List<?>) run.get("linked")).hasSize(2);
        assertThat(linkOf("item", byCode)).isEqualTo(codeItem);
        assertThat(linkOf("item", byName)).isEqualTo(nameItem);
        assertThat(state.queryForObject("select xero_number from record_link where entity = 'item' and xero_id = ?", String.class, nameItem))
                .as("invoice lines name the item by its Xero code").isEqualTo("XERO-OWN-1");

        int materials = source.queryForObject("select count(*) from materials where deleted_at is null", Integer.class);
        Map<String, Object> dryRun = asOperator().postForObject("/api/matching/items/remove-unmatched?dryRun=true", null, Map.class);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) dryRun.get("removed");
        assertThat(listed).hasSize(materials - 2).noneMatch(m -> ((Number) m.get("localId")).longValue() == id(byCode)
                || ((Number) m.get("localId")).longValue() == id(byName));
        assertThat(source.queryForObject("select count(*) from materials where deleted_at is null", Integer.class)).isEqualTo(materials);

        Map<String, Object> imported = asOperator().postForObject("/api/matching/items/import", null, Map.class);
        assertThat((List<Map<String, Object>>) imported.get("imported")).singleElement().satisfies(i -> assertThat(i).containsEntry("xeroId", onlyInXero));
        assertThat(source.queryForObject("select name from materials where sku = 'XERO-ONLY-9'", String.class)).isEqualTo("Wombat wrangling kit");

        // without an explicit confirmation it is a dry run: nothing is deleted
        Map<String, Object> unconfirmed = asOperator().postForObject("/api/matching/items/remove-unmatched", null, Map.class);
        assertThat(unconfirmed).containsEntry("dryRun", true);
        assertThat(source.queryForObject("select count(*) from materials where deleted_at is null", Integer.class))
                .isEqualTo(materials + 1);

        asOperator().postForObject("/api/matching/items/remove-unmatched?confirm=true", null, Map.class);

        assertThat(source.queryForList("select id from materials where deleted_at is null", Long.class))
                .containsExactlyInAnyOrder(id(byCode), id(byName),
                        source.queryForObject("select id from materials where sku = 'XERO-ONLY-9'", Long.class));
        syncToEnd();
        assertThat(sandbox.documents("Items")).as("no item created twice").hasSize(3);
    }

    @Test
    void aScheduledSyncAskedForDuringMatchingIsOwedAndRunsOnceMatchingEnds() throws Exception {
        Map<String, Object> near = customer("company_name is not null and char_length(company_name) > 12");
        contactInXero(Map.of("Name", nearly((String) near.get("company_name"))));
        // Xero takes its time over the contacts: the matching run holds the organisation meanwhile
        sandbox.faults().on("GET", "/Contacts").times(1).delay(java.time.Duration.ofSeconds(8));

        java.util.concurrent.CompletableFuture<Map> matching = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> asOperator().postForObject("/api/matching/contacts/run", null, Map.class));
        io.fieldsync.testing.Eventually.within(java.time.Duration.ofSeconds(30), "the matching run holding the organisation",
                () -> state.queryForObject("select count(*) from xero_tenant where hold_id is not null", Integer.class) == 1);

        quartz.triggerJob(io.fieldsync.schedule.SyncSchedule.JOB);
        io.fieldsync.testing.Eventually.within(java.time.Duration.ofSeconds(30), "the scheduled sync owed",
                () -> Boolean.TRUE.equals(asOperator().getForObject("/api/schedule", Map.class).get("runOwed")));
        ResponseEntity<Map> manual = asOperator().postForEntity("/api/syncs", null, Map.class);

        assertThat(manual.getStatusCode()).as("a manual sync is refused meanwhile").isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) manual.getBody().get("heldBy")).startsWith("matching of contacts by");
        assertThat(matching).as("matching still runs: the schedule fired during it").isNotDone();
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).as("no sync beside matching").isZero();

        Map<?, ?> outcome = matching.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(((Number) outcome.get("suggested")).intValue()).isEqualTo(1);
        long owed = io.fieldsync.testing.Eventually.value(java.time.Duration.ofSeconds(30), "the owed scheduled run",
                () -> state.queryForList("select id from sync_run where run_trigger = 'SCHEDULED'", Long.class).stream().findFirst().orElse(null));
        Map<String, Object> run = awaitEnd(owed);

        assertThat(run.get("status")).as("it ran to its end: %s", run).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).as("one run for the trigger").isEqualTo(1);
        assertThat(state.queryForObject("select started_at from sync_run where id = ?", java.sql.Timestamp.class, owed))
                .as("it started after matching wrote what it found")
                .isAfterOrEqualTo(state.queryForObject("select max(created_at) from match_suggestion", java.sql.Timestamp.class));
        assertThat(asOperator().getForObject("/api/schedule", Map.class).get("runOwed")).isEqualTo(false);
        assertThat(state.queryForObject("select count(*) from xero_tenant where hold_id is not null", Integer.class))
                .as("the hold ended with matching").isZero();
    }

    // --- the field-service side

    /** A customer not picked yet by this test, neither deleted nor with a broken email address. */
    private Map<String, Object> customer(String condition) {
        Map<String, Object> customer = source.queryForList("select * from customers where deleted_at is null and (email is null or email not like '%@@%')"
                + " and " + condition + " order by id").stream()
                .filter(c -> !used.contains(id(c))).findFirst().orElseThrow(() -> new AssertionError("no customer with " + condition));
        used.add(id(customer));
        return customer;
    }

    /** A material whose sku and name Xero takes as they are. */
    private Map<String, Object> material() {
        Map<String, Object> material = source.queryForList("""
                select * from materials where deleted_at is null and sku is not null and char_length(sku) <= 30
                   and char_length(name) <= 50 order by id""").stream()
                .filter(m -> !used.contains(-id(m))).findFirst().orElseThrow();
        used.add(-id(material));
        return material;
    }

    private static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }

    /** The name with its last letter gone: similar, not the same. */
    private static String nearly(String name) {
        return name.substring(0, name.length() - 1);
    }

    private static String spaced(String taxNumber) {
        String digits = taxNumber.replaceAll("\\s", "");
        return digits.length() > 2 ? digits.substring(0, 2) + " " + digits.substring(2) : digits;
    }

    private String score(Map<String, Object> customer) {
        return state.queryForObject("select score from match_suggestion where local_id = ? and kind = 'contact'",
                java.math.BigDecimal.class, id(customer)).stripTrailingZeros().toPlainString();
    }

    // --- the state store and the API

    private String linkOf(String entity, Map<String, Object> row) {
        return state.queryForList("select xero_id from record_link where entity = ? and local_id = ?", String.class, entity, id(row))
                .stream().findFirst().orElse(null);
    }

    private Map<String, Object> recordStatus(String entity, long localId) {
        return state.queryForMap("select status, message from record_status where entity = ? and local_id = ?", entity, localId);
    }

    private List<Map<String, Object>> suggestions(String kind, String status) {
        return asViewer().exchange("/api/matching/" + kind + "?status=" + status, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private List<Map<String, Object>> post(String path, Object body, HttpStatus expected) {
        ResponseEntity<List<Map<String, Object>>> answer = asOperator().exchange(path, HttpMethod.POST,
                body == null ? null : new HttpEntity<>(body), new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(answer.getStatusCode()).isEqualTo(expected);
        return answer.getBody();
    }

    // --- the Xero side, written through the sandbox's API

    private String contactInXero(Map<String, String> fields) throws Exception {
        ObjectNode contact = json.createObjectNode();
        fields.forEach(contact::put);
        return put("Contacts", contact).path("ContactID").asText();
    }

    private static ObjectNode item(String code, String name) {
        ObjectNode item = new ObjectMapper().createObjectNode();
        item.put("Code", code);
        item.put("Name", name);
        item.putObject("SalesDetails").put("UnitPrice", 12.5);
        return item;
    }

    private JsonNode put(String collection, ObjectNode element) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.putArray(collection).add(element);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.apiUrl() + "/" + collection + "?summarizeErrors=false"))
                .header("Authorization", "Bearer " + sandbox.issueAccessToken())
                .header("xero-tenant-id", sandbox.tenantId())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode element0 = json.readTree(response.body()).path(collection).get(0);
        assertThat(element0.path("StatusAttributeString").asText("OK")).as(response.body()).isNotEqualTo("ERROR");
        return element0;
    }
}
