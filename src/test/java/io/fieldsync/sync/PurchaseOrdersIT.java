package io.fieldsync.sync;

import static io.fieldsync.sync.SampleOutcomes.assertOnlyKnownFailures;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Field-service purchase orders pushed to Xero for their supplier contacts, and the one bill a
 * finished order becomes: what Xero ends with, what is not sent and why, updates, the deletion of
 * a cancelled order (FieldSync's only deletion, as master) and the switch that turns the flow off.
 */
class PurchaseOrdersIT extends MariaDbIntegrationTest {

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @AfterEach
    void settingsBack() {
        putSettings(Map.of("entities", Map.of(
                "purchase-order", Map.of("direction", "push", "master", "fsm"),
                "bill", Map.of("direction", "push"))));
    }

    @Test
    void orderedReceivedAndFinishedOrdersReachXeroOnceForTheirSupplierWithLinesAndDeliveryDate() {
        syncToEnd();
        assertOnlyKnownFailures(state);

        List<Map<String, Object>> sent = source.queryForList("""
                select id, po_number, vendor_id, status, delivery_date,
                       (select count(*) from purchase_order_lines l where l.purchase_order_id = po.id) as line_count
                  from purchase_orders po where status in ('ordered', 'received', 'finished')""");
        assertThat(sent).extracting(row -> row.get("status")).contains("ordered", "received", "finished");
        for (Map<String, Object> order : sent) {
            ObjectNode xero = inXero(order.get("id"));
            assertThat(xero.path("PurchaseOrderNumber").asText()).isEqualTo(order.get("po_number"));
            assertThat(xero.path("Contact").path("ContactID").asText()).as("supplier of %s", order.get("po_number"))
                    .isEqualTo(xeroIdOf("vendor", order.get("vendor_id")));
            assertThat(xero.path("LineItems")).hasSize(((Number) order.get("line_count")).intValue());
            // Xero's PurchaseOrders take no unitdp: a 2-decimal cost goes as it is, a 4-decimal one as
            // the line's total, so every line (and the order) totals as in the FSM
            List<Map<String, Object>> lines = source.queryForList("select unit_cost, line_total from purchase_order_lines"
                    + " where purchase_order_id = ? order by line_no", order.get("id"));
            for (int i = 0; i < lines.size(); i++) {
                java.math.BigDecimal cost = (java.math.BigDecimal) lines.get(i).get("unit_cost");
                assertThat(xero.path("LineItems").get(i).path("LineAmount").decimalValue()).as("line %s of %s", i + 1, order.get("po_number"))
                        .isEqualByComparingTo((java.math.BigDecimal) lines.get(i).get("line_total"));
                if (cost.stripTrailingZeros().scale() <= 2) {
                    assertThat(xero.path("LineItems").get(i).path("UnitAmount").decimalValue()).isEqualByComparingTo(cost);
                }
            }
            assertThat(xero.path("DeliveryDateString").asText()).startsWith(String.valueOf(order.get("delivery_date")));
            assertThat(xero.path("Status").asText()).isEqualTo("finished".equals(order.get("status")) ? "BILLED" : "AUTHORISED");
        }
        assertThat(sandbox.documents("PurchaseOrders")).as("each once").hasSize(sent.size());

        List<String> drafts = source.queryForList("select id from purchase_orders where status = 'draft'", String.class);
        assertThat(drafts).isNotEmpty();
        assertThat(state.queryForList("select status, message from record_status where entity = 'purchase-order'"
                + " and local_id in (" + String.join(",", drafts) + ")"))
                .hasSize(drafts.size())
                .allSatisfy(status -> assertThat(status).containsEntry("status", "SKIPPED")
                        .containsEntry("message", "Draft purchase order: not ordered yet, not exported"));

        List<String> finished = source.queryForList("select po_number from purchase_orders where status = 'finished'", String.class);
        assertThat(bills()).extracting(bill -> bill.path("Reference").asText()).containsExactlyInAnyOrderElementsOf(finished);

        long orderCalls = sandbox.apiCalls("POST", "PurchaseOrders");
        int bills = bills().size();
        syncToEnd();
        assertThat(sandbox.apiCalls("POST", "PurchaseOrders")).as("a second run sends no order again").isEqualTo(orderCalls);
        assertThat(bills()).as("nor a bill").hasSize(bills);
    }

    @Test
    void changedOrderIsUpdatedInXeroNotDuplicated() {
        syncToEnd();
        long orderId = firstSynced("ordered");
        String xeroId = xeroIdOf("purchase-order", orderId);
        int orders = sandbox.documents("PurchaseOrders").size();
        source.update("update purchase_orders set delivery_date = '2027-03-15', delivery_address = 'Site office, gate 2'"
                + " where id = ?", orderId);

        syncToEnd();

        ObjectNode xero = sandbox.document("PurchaseOrders", xeroId).orElseThrow();
        assertThat(xero.path("DeliveryDateString").asText()).startsWith("2027-03-15");
        assertThat(xero.path("DeliveryAddress").asText()).isEqualTo("Site office, gate 2");
        assertThat(sandbox.documents("PurchaseOrders")).hasSize(orders);
        assertThat(statusOf("purchase-order", orderId)).containsEntry("status", "SYNCED");
    }

    @Test
    void finishingOrderProducesExactlyOneBillAndLaterChangesNoOther() {
        syncToEnd();
        long orderId = firstSynced("received");
        Map<String, Object> order = source.queryForMap("select po_number, vendor_id from purchase_orders where id = ?", orderId);
        String poNumber = (String) order.get("po_number");
        assertThat(billsFor(poNumber)).isEmpty();
        source.update("update purchase_orders set status = 'finished', finished_at = current_timestamp(6) where id = ?", orderId);

        syncToEnd();

        List<JsonNode> bills = billsFor(poNumber);
        assertThat(bills).hasSize(1);
        JsonNode bill = bills.get(0);
        assertThat(bill.path("Type").asText()).isEqualTo("ACCPAY");
        assertThat(bill.path("Contact").path("ContactID").asText()).isEqualTo(xeroIdOf("vendor", order.get("vendor_id")));
        assertThat(bill.path("LineItems")).hasSize(source.queryForObject(
                "select count(*) from purchase_order_lines where purchase_order_id = ?", Integer.class, orderId));
        assertThat(bill.path("LineItems")).allSatisfy(line -> assertThat(line.path("AccountCode").asText()).isEqualTo("310"));
        assertThat(bill.path("Total").decimalValue()).isEqualByComparingTo(
                source.queryForObject("select total from purchase_orders where id = ?", BigDecimal.class, orderId));
        assertThat(statusOf("bill", orderId)).containsEntry("status", "SYNCED");
        assertThat(sandbox.document("PurchaseOrders", xeroIdOf("purchase-order", orderId)).orElseThrow()
                .path("Status").asText()).isEqualTo("BILLED");

        syncToEnd();
        assertThat(billsFor(poNumber)).as("a second run").hasSize(1);

        source.update("update purchase_order_lines set quantity = quantity + 1 where purchase_order_id = ? and line_no = 1", orderId);
        source.update("update purchase_orders set notes = 'Balance delivered late' where id = ?", orderId);
        syncToEnd();

        assertThat(billsFor(poNumber)).as("after the order changed").hasSize(1);
        assertThat(statusOf("bill", orderId)).containsEntry("status", "SKIPPED")
                .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("Purchase order " + poNumber
                        + " changed after its bill reached Xero"));
        assertThat(statusOf("purchase-order", orderId)).as("Xero keeps a billed order as it is")
                .containsEntry("status", "FAILED")
                .containsEntry("message", "Purchase order not of valid status for modification");
    }

    @Test
    void cancelledOrderIsDeletedInXeroWhenTheFsmIsMaster() {
        syncToEnd();
        long orderId = firstSynced("ordered");
        String xeroId = xeroIdOf("purchase-order", orderId);
        source.update("update purchase_orders set status = 'cancelled' where id = ?", orderId);

        syncToEnd();

        assertThat(sandbox.document("PurchaseOrders", xeroId).orElseThrow().path("Status").asText()).isEqualTo("DELETED");
        assertThat(statusOf("purchase-order", orderId)).containsEntry("status", "SYNCED");
        List<String> neverSent = source.queryForList("select id from purchase_orders where status = 'cancelled' and id <> ?",
                String.class, orderId);
        assertThat(neverSent).isNotEmpty().allSatisfy(id -> assertThat(statusOf("purchase-order", id))
                .containsEntry("status", "SKIPPED")
                .containsEntry("message", "Cancelled purchase order that never reached Xero: nothing to delete there"));
    }

    @Test
    void cancelledOrderIsLeftInXeroWhenXeroIsMaster() {
        syncToEnd();
        assertThat(putSettings(Map.of("entities", Map.of("purchase-order", Map.of("master", "xero")))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long orderId = firstSynced("ordered");
        String xeroId = xeroIdOf("purchase-order", orderId);
        source.update("update purchase_orders set status = 'cancelled' where id = ?", orderId);

        syncToEnd();

        assertThat(sandbox.document("PurchaseOrders", xeroId).orElseThrow().path("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(statusOf("purchase-order", orderId)).containsEntry("status", "SKIPPED")
                .hasEntrySatisfying("message", m -> assertThat((String) m)
                        .contains("fieldsync.entities.purchase-order.master is xero"));
    }

    @Test
    void orderOfAVendorNotInXeroWaitsAndFollowsOnceItIs() {
        Map<String, Object> order = source.queryForMap(
                "select po.id, v.id as vendor_id, v.name from purchase_orders po join vendors v on v.id = po.vendor_id"
                        + " where po.status = 'ordered' order by po.id limit 1");
        // a vendor without a name is one Xero cannot take (a bad email address would only be left out)
        source.update("update vendors set name = '' where id = ?", order.get("vendor_id"));

        syncToEnd();

        assertThat(statusOf("purchase-order", order.get("id"))).containsEntry("status", "SKIPPED")
                .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("Vendor ")
                        .contains(" is not in Xero (FAILED: Contact Name is empty").endsWith("the purchase order follows once it is"));

        source.update("update vendors set name = ? where id = ?", order.get("name"), order.get("vendor_id"));
        syncToEnd();

        assertThat(inXero(order.get("id")).path("Contact").path("ContactID").asText())
                .isEqualTo(xeroIdOf("vendor", order.get("vendor_id")));
    }

    @Test
    void ordersWhoseAnswerWasLostAreFoundByNumberNextRunNotCreatedTwice() {
        // Xero stores the first try and replays it to the others, but no answer ever arrives
        sandbox.faults().on("POST", "/PurchaseOrders").dropResponseAfterCommit();
        assertThat(syncToEnd().get("status")).isEqualTo("FAILED");
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'purchase-order'"
                + " and attempted_at is not null", Integer.class)).as("orders sent without an answer").isPositive();
        long lookUps = sandbox.apiCalls("GET", "PurchaseOrders");

        sandbox.faults().clear();
        syncToEnd();

        assertThat(sandbox.apiCalls("GET", "PurchaseOrders")).as("looked up by number").isGreaterThan(lookUps);
        List<String> numbers = sandbox.documents("PurchaseOrders").stream()
                .map(o -> o.path("PurchaseOrderNumber").asText()).toList();
        assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(source.queryForList(
                "select po_number from purchase_orders where status in ('ordered', 'received', 'finished')", String.class));
        assertThat(state.queryForObject("select count(*) from record_status where status = 'PENDING' or attempted_at is not null",
                Integer.class)).as("records waiting or with an unknown outcome").isZero();
    }

    @Test
    void directionOffSendsNoOrdersOrBills() {
        assertThat(putSettings(Map.of("entities", Map.of("purchase-order", Map.of("direction", "off"),
                "bill", Map.of("direction", "off")))).getStatusCode()).isEqualTo(HttpStatus.OK);

        syncToEnd();

        assertThat(sandbox.apiCalls("POST", "PurchaseOrders")).isZero();
        assertThat(bills()).isEmpty();
        assertThat(SampleOutcomes.countOf(state, "invoice", "SYNCED")).as("the other steps ran").isPositive();
        assertThat(state.queryForObject("select count(*) from record_status where entity in ('purchase-order', 'bill')",
                Integer.class)).isZero();
    }

    private ObjectNode inXero(Object orderId) {
        assertThat(statusOf("purchase-order", orderId)).as("purchase order %s", orderId).containsEntry("status", "SYNCED");
        return sandbox.document("PurchaseOrders", xeroIdOf("purchase-order", orderId)).orElseThrow();
    }

    private long firstSynced(String fsmStatus) {
        List<Long> ids = source.queryForList("select id from purchase_orders where status = ? order by id", Long.class, fsmStatus);
        return ids.stream().filter(id -> "SYNCED".equals(statusOf("purchase-order", id).get("status"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + fsmStatus + " purchase order reached Xero"));
    }

    private Map<String, Object> statusOf(String entity, Object localId) {
        return state.queryForMap("select status, message from record_status where entity = ? and local_id = ?", entity, localId);
    }

    private String xeroIdOf(String entity, Object localId) {
        return state.queryForObject("select xero_id from record_link where entity = ? and local_id = ?", String.class,
                entity, localId);
    }

    private List<ObjectNode> bills() {
        return sandbox.documents("Invoices").stream().filter(i -> "ACCPAY".equals(i.path("Type").asText())).toList();
    }

    private List<JsonNode> billsFor(String poNumber) {
        return bills().stream().filter(b -> poNumber.equals(b.path("Reference").asText())).map(JsonNode.class::cast).toList();
    }
}
