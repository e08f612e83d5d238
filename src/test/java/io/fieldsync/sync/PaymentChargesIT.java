package io.fieldsync.sync;

import static io.fieldsync.sync.SampleOutcomes.countOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Card-processor fees and surcharges beside their payments: Spend Money to the fee account, Receive
 * Money to the surcharge account, only where the organisation set those accounts, each once.
 */
class PaymentChargesIT extends MariaDbIntegrationTest {

    JdbcTemplate source;

    @BeforeEach
    void freshStart() {
        source = new JdbcTemplate(sourceDataSource);
        startFresh();
    }

    @AfterEach
    void settingsBack() {
        putSettings(Map.of("payments", Map.of("accounts", Map.of("card", ""),
                "fees", Map.of("account", ""), "surcharges", Map.of("account", ""))));
    }

    @Test
    void withoutFeeAndSurchargeAccountsNothingBesidesThePaymentsIsSent() {
        syncToEnd();

        assertThat(countOf(state, "payment", "SYNCED")).isPositive();
        assertThat(sandbox.documents("BankTransactions")).isEmpty();
        assertThat(state.queryForObject("select count(*) from record_status where entity in ('payment-fee', 'payment-surcharge')",
                Integer.class)).isZero();
    }

    @Test
    void feesAndSurchargesOfSyncedPaymentsReachXeroOnce() {
        assertThat(putSettings(Map.of("payments", Map.of("accounts", Map.of("card", "091"),
                "fees", Map.of("account", "404", "contact", "Payment processor"),
                "surcharges", Map.of("account", "260")))).getStatusCode()).isEqualTo(HttpStatus.OK);

        syncToEnd();

        List<Map<String, Object>> feePayments = source.queryForList("""
                select id, method, fee_amount, surcharge_amount from payments
                 where source = 'fsm' and (fee_amount is not null or surcharge_amount is not null)""");
        assertThat(feePayments).isNotEmpty();
        List<Long> syncedPayments = state.queryForList(
                "select local_id from record_status where entity = 'payment' and status = 'SYNCED'", Long.class);
        List<ObjectNode> transactions = sandbox.documents("BankTransactions");
        int fees = 0;
        int surcharges = 0;
        for (Map<String, Object> payment : feePayments) {
            long id = ((Number) payment.get("id")).longValue();
            String bank = "card".equals(payment.get("method")) ? "091" : "090";
            List<ObjectNode> fee = transactions.stream().filter(t -> t.path("Reference").asText().equals("FS-P" + id + " fee")).toList();
            List<ObjectNode> surcharge = transactions.stream()
                    .filter(t -> t.path("Reference").asText().equals("FS-P" + id + " surcharge")).toList();
            if (!syncedPayments.contains(id)) {
                assertThat(fee).as("fee of payment %s that is not in Xero", id).isEmpty();
                assertThat(surcharge).isEmpty();
                if (payment.get("fee_amount") != null) {
                    assertThat(state.queryForMap("select status, message from record_status where entity = 'payment-fee' and local_id = ?", id))
                            .containsEntry("status", "SKIPPED")
                            .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("Payment " + id + " is not in Xero"));
                }
                continue;
            }
            if (payment.get("fee_amount") != null) {
                assertThat(fee).as("fee of payment %s", id).hasSize(1);
                ObjectNode spend = fee.get(0);
                assertThat(spend.path("Type").asText()).isEqualTo("SPEND");
                assertThat(spend.path("BankAccount").path("Code").asText()).isEqualTo(bank);
                assertThat(spend.path("Contact").path("Name").asText()).isEqualTo("Payment processor");
                assertThat(spend.path("LineItems").path(0).path("AccountCode").asText()).isEqualTo("404");
                assertThat(spend.path("Total").decimalValue()).isEqualByComparingTo((BigDecimal) payment.get("fee_amount"));
                fees++;
            } else {
                assertThat(fee).isEmpty();
            }
            if (payment.get("surcharge_amount") != null) {
                assertThat(surcharge).as("surcharge of payment %s", id).hasSize(1);
                ObjectNode receive = surcharge.get(0);
                assertThat(receive.path("Type").asText()).isEqualTo("RECEIVE");
                assertThat(receive.path("BankAccount").path("Code").asText()).isEqualTo(bank);
                assertThat(receive.path("LineItems").path(0).path("AccountCode").asText()).isEqualTo("260");
                assertThat(receive.path("Total").decimalValue()).isEqualByComparingTo((BigDecimal) payment.get("surcharge_amount"));
                String invoiceCustomer = state.queryForObject("""
                        select l.xero_id from record_link l where l.entity = 'contact' and l.local_id =
                        ?""", String.class, source.queryForObject(
                        "select i.customer_id from payments p join invoices i on i.id = p.invoice_id where p.id = ?", Long.class, id));
                assertThat(receive.path("Contact").path("ContactID").asText()).as("the customer paid the surcharge").isEqualTo(invoiceCustomer);
                surcharges++;
            } else {
                assertThat(surcharge).isEmpty();
            }
        }
        assertThat(fees).as("fees sent").isPositive().isEqualTo(countOf(state, "payment-fee", "SYNCED"));
        assertThat(surcharges).as("surcharges sent").isPositive().isEqualTo(countOf(state, "payment-surcharge", "SYNCED"));
        assertThat(transactions).hasSize(fees + surcharges);

        long calls = sandbox.apiCalls("POST", "BankTransactions");
        syncToEnd();
        assertThat(sandbox.apiCalls("POST", "BankTransactions")).as("a second run sends no fee again").isEqualTo(calls);
        assertThat(sandbox.documents("BankTransactions")).hasSize(fees + surcharges);
    }

    @Test
    void aCorrectedFeeUpdatesItsTransaction() {
        assertThat(putSettings(Map.of("payments", Map.of("fees", Map.of("account", "404")))).getStatusCode()).isEqualTo(HttpStatus.OK);
        syncToEnd();
        Map<String, Object> sent = state.queryForMap("""
                select l.local_id, l.xero_id from record_link l where l.entity = 'payment-fee' order by l.local_id limit 1""");
        source.update("update payments set fee_amount = 1.11 where id = ?", sent.get("local_id"));
        int transactions = sandbox.documents("BankTransactions").size();

        syncToEnd();

        ObjectNode fee = sandbox.document("BankTransactions", (String) sent.get("xero_id")).orElseThrow();
        assertThat(fee.path("Total").decimalValue()).isEqualByComparingTo("1.11");
        assertThat(sandbox.documents("BankTransactions")).hasSize(transactions);
        assertThat(state.queryForObject("select status from record_status where entity = 'payment-fee' and local_id = ?", String.class,
                sent.get("local_id"))).isEqualTo("SYNCED");
    }

    @Test
    void aBankAccountAsFeeAccountIsRefusedBySettings() {
        var answer = putSettings(Map.of("payments", Map.of("fees", Map.of("account", "090"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "payments.fees.account")
                .hasEntrySatisfying("error", e -> assertThat((String) e).contains("is a bank account"));
    }
}
