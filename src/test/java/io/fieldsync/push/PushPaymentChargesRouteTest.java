package io.fieldsync.push;

import static io.fieldsync.push.PushStandIns.afterCursor;
import static io.fieldsync.push.PushStandIns.pageOrder;
import static io.fieldsync.push.PushStandIns.pages;
import static io.fieldsync.push.PushStandIns.rows;
import static io.fieldsync.push.PushStandIns.selectList;
import static io.fieldsync.push.PushStandIns.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/push-payment-charges.camel.yaml: two push-to-xero instances on the payments table, a card
 * payment's fee (Spend Money) and its surcharge (Receive Money), each read where its amount is set.
 */
class PushPaymentChargesRouteTest {

    private final PushStandIns push = new PushStandIns();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = push.started(PushStandIns.routes(push, "push-payment-charges"));
    }

    @AfterEach
    void stop() {
        push.close();
    }

    @Test
    void feesAreReadFromPaymentsWithAFeeAndGoToBankTransactions() {
        MockEndpoint fees = push.keysetSelect("p.fee_amount is not null");
        pages(routes, fees, List.of(rows(1)));

        push.push("push-payment-fees");

        assertThat(sql(fees)).contains("where p.source = 'fsm' and p.fee_amount is not null and " + afterCursor("p."))
                .endsWith(pageOrder("p."));
        assertThat(routes.journal()).containsSubsequence("pushCursor.start payment-fee", "pushedEntities.documents payment-fee [1]",
                "pushPlanner.screen payment-fee run 7 [1]", "pushMapping.toXero payment-fee.to-xero [1]",
                "pushPlanner.plan BankTransactions [1]", "pushCursor.commit payment-fee");
        assertThat(routes.journal()).noneMatch(step -> step.contains("surcharge_amount"));
        assertThat(push.delivered().getProperty("xeroCollection")).isEqualTo("BankTransactions");
    }

    @Test
    void surchargesAreReadFromPaymentsWithASurchargeAndGoToBankTransactions() {
        MockEndpoint surcharges = push.keysetSelect("p.surcharge_amount is not null");
        pages(routes, surcharges, List.of(rows(1)));

        push.push("push-payment-surcharges");

        assertThat(sql(surcharges)).contains("where p.source = 'fsm' and p.surcharge_amount is not null and " + afterCursor("p."));
        assertThat(routes.journal()).containsSubsequence("pushCursor.start payment-surcharge",
                "pushedEntities.documents payment-surcharge [1]",
                "pushPlanner.screen payment-surcharge run 7 [1]", "pushMapping.toXero payment-surcharge.to-xero [1]",
                "pushPlanner.plan BankTransactions [1]");
        assertThat(routes.journal()).noneMatch(step -> step.contains("fee_amount"));
    }

    @Test
    void bothLookAgainAtTheirRecordsByPaymentIdWithTheSameColumns() {
        assertThat(sql(push.revisitSelect("from payments p"))).endsWith("where p.source = 'fsm' and p.id in (:#in:${exchangeProperty.cursor.revisitIds})");
        assertThat(selectList(push.revisitSelect("from payments p"))).isEqualTo(selectList(push.keysetSelect("p.fee_amount")))
                .isEqualTo(selectList(push.keysetSelect("p.surcharge_amount")));
    }
}
