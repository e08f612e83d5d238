package io.fieldsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation report against MariaDB and the sandbox: after a sync Xero holds the exported
 * invoices; changes made in Xero behind the connector's back show as rows, and Xero is read a page
 * of 1,000 at a time.
 */
class ReconciliationIT extends MariaDbIntegrationTest {

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @Test
    void cleanPeriodReportsNoRowsAndTheMatchedCount() {
        syncToEnd();
        LocalDate month = cleanMonth();
        long getsBefore = sandbox.apiCalls("GET", "Invoices");

        Map<String, Object> report = report(month, month.plusMonths(1).minusDays(1));

        assertThat(report).containsEntry("from", month.toString()).containsEntry("to", month.plusMonths(1).minusDays(1).toString());
        assertThat(rows(report)).isEmpty();
        assertThat(report.get("matched")).isEqualTo(linkedInvoicesDatedIn(month)).isNotEqualTo(0);
        assertThat(report.get("apiCalls")).isEqualTo(1);
        assertThat(sandbox.apiCalls("GET", "Invoices") - getsBefore).isEqualTo(1);
    }

    @Test
    void invoiceEditedInXeroAfterExportShowsDifferentWithBothTotals() {
        syncToEnd();
        LocalDate month = cleanMonth();
        ObjectNode invoice = authorisedInvoiceIn(month, 0);
        BigDecimal exported = invoice.path("Total").decimalValue();
        invoice.put("Total", exported.add(new BigDecimal("100.00")));
        sandbox.plant("Invoices", invoice); // someone edited the total in Xero

        Map<String, Object> report = report(month, month.plusMonths(1).minusDays(1));

        assertThat(rows(report)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("status", "DIFFERENT").containsEntry("entity", "invoice")
                    .containsEntry("xeroId", invoice.path("InvoiceID").asText())
                    .containsEntry("number", invoice.path("InvoiceNumber").asText());
            assertThat(new BigDecimal(row.get("fsmTotal").toString())).isEqualByComparingTo(exported);
            assertThat(new BigDecimal(row.get("xeroTotal").toString())).isEqualByComparingTo(exported.add(new BigDecimal("100.00")));
            assertThat(row.get("localId")).isNotNull();
        });
        assertThat(report.get("matched")).isEqualTo(linkedInvoicesDatedIn(month) - 1);
    }

    @Test
    void invoiceDeletedOrVoidedInXeroShowsMissedInXero() {
        syncToEnd();
        LocalDate month = cleanMonth();
        ObjectNode deleted = authorisedInvoiceIn(month, 0);
        ObjectNode voided = authorisedInvoiceIn(month, 1);
        sandbox.plant("Invoices", deleted.put("Status", "DELETED"));
        sandbox.plant("Invoices", voided.put("Status", "VOIDED"));

        List<Map<String, Object>> rows = rows(report(month, month.plusMonths(1).minusDays(1)));

        assertThat(rows).extracting(r -> r.get("status"), r -> r.get("xeroId")).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("MISSED_IN_XERO", deleted.path("InvoiceID").asText()),
                org.assertj.core.groups.Tuple.tuple("MISSED_IN_XERO", voided.path("InvoiceID").asText()));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("fsmTotal")).isNotNull());
    }

    @Test
    void invoiceTypedIntoXeroForALinkedContactShowsMissedInFsm() {
        syncToEnd();
        LocalDate month = cleanMonth();
        String contactId = authorisedInvoiceIn(month, 0).path("Contact").path("ContactID").asText();
        ObjectNode typedIn = typedIntoXero(contactId, month.plusDays(3), "XERO-ONLY-1", "77.00");

        List<Map<String, Object>> rows = rows(report(month, month.plusMonths(1).minusDays(1)));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("status", "MISSED_IN_FSM").containsEntry("number", "XERO-ONLY-1")
                    .containsEntry("xeroId", typedIn.path("InvoiceID").asText()).containsEntry("localId", null)
                    .containsEntry("fsmTotal", null);
            assertThat(new BigDecimal(row.get("xeroTotal").toString())).isEqualByComparingTo("77.00");
        });
    }

    @Test
    void csvCarriesTheSameRowsAsJson() {
        syncToEnd();
        LocalDate month = cleanMonth();
        LocalDate end = month.plusMonths(1).minusDays(1);
        ObjectNode edited = authorisedInvoiceIn(month, 0);
        sandbox.plant("Invoices", edited.put("Total", edited.path("Total").decimalValue().add(BigDecimal.ONE)));
        sandbox.plant("Invoices", authorisedInvoiceIn(month, 1).put("Status", "DELETED"));
        typedIntoXero(edited.path("Contact").path("ContactID").asText(), month, "XERO-ONLY-2, with a comma", "12.50");
        List<Map<String, Object>> json = rows(report(month, end));

        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> byAccept = asViewer().exchange("/api/reports/reconciliation?from=" + month + "&to=" + end,
                HttpMethod.GET, new HttpEntity<>(accept), String.class);
        ResponseEntity<String> byFormat = asViewer().getForEntity("/api/reports/reconciliation?format=csv&from=" + month + "&to=" + end,
                String.class);

        assertThat(byAccept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byAccept.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(byFormat.getBody()).isEqualTo(byAccept.getBody());
        List<String> lines = byAccept.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("entity,localId,number,xeroId,fsmTotal,xeroTotal,status");
        assertThat(lines).hasSize(json.size() + 1);
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> row = json.get(i);
            List<String> fields = csvFields(lines.get(i + 1));
            String[] columns = {"entity", "localId", "number", "xeroId", "fsmTotal", "xeroTotal", "status"};
            for (int c = 0; c < columns.length; c++) {
                Object value = row.get(columns[c]);
                if (value instanceof Number number) {
                    assertThat(new BigDecimal(fields.get(c))).as(columns[c]).isEqualByComparingTo(new BigDecimal(number.toString()));
                } else {
                    assertThat(fields.get(c)).as(columns[c]).isEqualTo(value == null ? "" : value.toString());
                }
            }
        }
        assertThat(json).extracting(r -> r.get("status")).containsExactlyInAnyOrder("DIFFERENT", "MISSED_IN_XERO", "MISSED_IN_FSM");
    }

    @Test
    void reportMailedOnDemandCarriesTheSameRowsAsTheCsv() {
        syncToEnd();
        LocalDate month = cleanMonth();
        LocalDate end = month.plusMonths(1).minusDays(1);
        ObjectNode edited = authorisedInvoiceIn(month, 0);
        sandbox.plant("Invoices", edited.put("Total", edited.path("Total").decimalValue().add(BigDecimal.TEN)));
        typedIntoXero(edited.path("Contact").path("ContactID").asText(), end, "XERO-ONLY-3", "9.90");
        String csv = asViewer().getForObject("/api/reports/reconciliation?format=csv&from=" + month + "&to=" + end, String.class);

        ResponseEntity<Map> mailed = asOperator().postForEntity("/api/reports/reconciliation/mail?from=" + month + "&to=" + end, null, Map.class);

        assertThat(mailed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(rows(mailed.getBody())).hasSize(2);
        Map<String, Object> message = state.queryForMap("select subject, body from alert_outbox where kind = 'RECONCILIATION'");
        assertThat((String) message.get("subject")).contains(month + " to " + end).contains("2 differences");
        assertThat((String) message.get("body")).contains("DIFFERENT: 1").contains("MISSED_IN_FSM: 1")
                .endsWith(csv.replace("\r\n", "\n"));
    }

    @Test
    void fiveThousandInvoicesInAMonthTakeFiveCalls() {
        LocalDate month = LocalDate.of(2031, 1, 1); // no field-service invoices: all Xero's
        for (int i = 0; i < 5000; i++) {
            sandbox.plant("Invoices", typedIntoXeroDocument("no-such-contact", month.plusDays(i % 31), "BULK-" + i, "10.00"));
        }
        typedIntoXero("no-such-contact", month.plusMonths(1), "NEXT-MONTH", "10.00");
        long getsBefore = sandbox.apiCalls("GET", "Invoices");

        Map<String, Object> report = report(month, month.plusMonths(1).minusDays(1));

        assertThat(report.get("apiCalls")).isEqualTo(5);
        assertThat(sandbox.apiCalls("GET", "Invoices") - getsBefore).as("calls Xero received").isEqualTo(5);
        assertThat(rows(report)).as("none of them is a linked contact's").isEmpty();
    }

    @Test
    void aBasQuarterIsAnOrdinaryRequestAnsweredInOneCall() {
        syncToEnd();
        LocalDate month = cleanMonth();
        LocalDate quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1); // Jan, Apr, Jul or Oct
        LocalDate end = quarter.plusMonths(3).minusDays(1);

        Map<String, Object> report = report(quarter, end);

        assertThat(report).containsEntry("from", quarter.toString()).containsEntry("to", end.toString());
        assertThat(report.get("matched")).isEqualTo(linkedInvoicesDatedIn(quarter, quarter.plusMonths(3))).isNotEqualTo(0);
        assertThat(report.get("apiCalls")).as("one page of up to 1,000 invoices").isEqualTo(1);
    }

    @Test
    void anAustralianFinancialYearIsAnOrdinaryRequest() {
        syncToEnd();
        LocalDate month = cleanMonth();
        LocalDate july = LocalDate.of(month.getMonthValue() >= 7 ? month.getYear() : month.getYear() - 1, 7, 1);
        LocalDate june = july.plusYears(1).minusDays(1);

        Map<String, Object> report = report(july, june);
        ResponseEntity<String> csv = asViewer().getForEntity("/api/reports/reconciliation?format=csv&from=" + july + "&to=" + june,
                String.class);

        assertThat(report).containsEntry("from", july.toString()).containsEntry("to", june.toString());
        assertThat((Integer) report.get("matched")).isGreaterThanOrEqualTo(linkedInvoicesDatedIn(month, month.plusMonths(1)))
                .isNotEqualTo(0);
        assertThat(report.get("apiCalls")).isEqualTo(1);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPeriodWithoutItsEndIsRefusedNamingTheParameter() {
        assertThat(asViewer().getForEntity("/api/reports/reconciliation?from=2026-01-01", Map.class).getBody())
                .containsEntry("field", "to");
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryCountsWhatTheRowsListForAnyPeriod() {
        syncToEnd();
        LocalDate month = cleanMonth();
        ObjectNode edited = authorisedInvoiceIn(month, 0);
        edited.put("Total", edited.path("Total").decimalValue().add(BigDecimal.TEN));
        sandbox.plant("Invoices", edited);
        Map<String, Object> detailed = report(month, month.plusMonths(1).minusDays(1));

        Map<String, Object> oneMonth = asViewer().getForObject("/api/reports/reconciliation?summary=true&from=" + month
                + "&to=" + month.plusMonths(1).minusDays(1), Map.class);
        ResponseEntity<Map> year = asViewer().getForEntity("/api/reports/reconciliation?summary=true&from=" + month.minusMonths(11)
                + "&to=" + month.plusMonths(1).minusDays(1), Map.class);

        assertThat(oneMonth).containsEntry("matched", detailed.get("matched"));
        assertThat((Map<String, Object>) oneMonth.get("counts")).containsEntry("DIFFERENT", 1)
                .containsEntry("MISSED_IN_XERO", 0).containsEntry("MISSED_IN_FSM", 0);
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(year.getBody()).doesNotContainKey("differences");
        assertThat((Integer) year.getBody().get("matched")).isGreaterThanOrEqualTo((Integer) detailed.get("matched"));
        assertThat((Integer) year.getBody().get("apiCalls")).as("pages of 1,000, not a call a document").isLessThanOrEqualTo(2);
    }

    // --- helpers

    @SuppressWarnings("unchecked")
    private Map<String, Object> report(LocalDate from, LocalDate to) {
        ResponseEntity<Map> answer = asViewer().getForEntity("/api/reports/reconciliation?from=" + from + "&to=" + to, Map.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("differences");
    }

    /**
     * The month with the most exported invoices, made clean: the sample's invoices that did not reach
     * Xero (its known failures, which the report rightly lists as MISSED_IN_XERO) are moved out of it.
     */
    private LocalDate cleanMonth() {
        List<String> months = source.queryForList("""
                select date_format(issue_date, '%Y-%m-01') from invoices
                 where status in ('issued', 'paid', 'void') group by 1 order by count(*) desc""", String.class);
        LocalDate month = months.stream().map(LocalDate::parse).filter(this::hasTwoAuthorised).findFirst().orElseThrow();
        for (Long id : source.queryForList("select id from invoices where issue_date >= ? and issue_date < ?", Long.class,
                month, month.plusMonths(1))) {
            if (state.queryForObject("select count(*) from record_link where entity = 'invoice' and local_id = ?", Integer.class, id) == 0) {
                source.update("update invoices set issue_date = '2001-01-15' where id = ?", id);
            }
        }
        return month;
    }

    private boolean hasTwoAuthorised(LocalDate month) {
        return authorisedIds(month).size() >= 2;
    }

    private List<String> authorisedIds(LocalDate month) {
        List<Long> ids = source.queryForList("select id from invoices where status = 'issued' and issue_date >= ? and issue_date < ?"
                + " order by id", Long.class, month, month.plusMonths(1));
        return ids.stream().map(id -> state.queryForList("select xero_id from record_link where entity = 'invoice' and local_id = ?",
                        String.class, id)).filter(l -> !l.isEmpty()).map(l -> l.get(0))
                .filter(xeroId -> sandbox.document("Invoices", xeroId).map(d -> "AUTHORISED".equals(d.path("Status").asText())
                        && d.path("AmountPaid").decimalValue().signum() == 0).orElse(false))
                .toList();
    }

    /** The n-th unpaid AUTHORISED exported invoice of the month, as Xero holds it (a copy to change and plant back). */
    private ObjectNode authorisedInvoiceIn(LocalDate month, int n) {
        return sandbox.document("Invoices", authorisedIds(month).get(n)).orElseThrow().deepCopy();
    }

    private int linkedInvoicesDatedIn(LocalDate month) {
        return linkedInvoicesDatedIn(month, month.plusMonths(1));
    }

    private int linkedInvoicesDatedIn(LocalDate from, LocalDate before) {
        List<Long> ids = source.queryForList("select id from invoices where status in ('issued', 'paid', 'void')"
                + " and issue_date >= ? and issue_date < ?", Long.class, from, before);
        return (int) ids.stream().filter(id -> state.queryForObject(
                "select count(*) from record_link where entity = 'invoice' and local_id = ?", Integer.class, id) > 0).count();
    }

    private ObjectNode typedIntoXero(String contactId, LocalDate date, String number, String total) {
        return sandbox.plant("Invoices", typedIntoXeroDocument(contactId, date, number, total));
    }

    private static ObjectNode typedIntoXeroDocument(String contactId, LocalDate date, String number, String total) {
        ObjectNode invoice = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        invoice.put("Type", "ACCREC").put("InvoiceNumber", number).put("Status", "AUTHORISED")
                .put("Date", "/Date(" + date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + "+0000)/")
                .put("Total", new BigDecimal(total)).put("TotalTax", BigDecimal.ZERO).put("AmountPaid", BigDecimal.ZERO)
                .put("AmountDue", new BigDecimal(total));
        invoice.putObject("Contact").put("ContactID", contactId);
        return invoice;
    }

    /** One CSV line's fields (RFC 4180 quoting). */
    private static List<String> csvFields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
