package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A sales account Xero does not have: every invoice (whose lines carry it) fails with Xero's own
 * message, while the records that do not carry it (contacts, suppliers) sync in the same run.
 */
@TestPropertySource(properties = "fieldsync.invoices.sales-account=999")
class UnknownAccountCodeIT extends MariaDbIntegrationTest {

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void unknownAccountCodeFailsOnlyTheRecordsCarryingItWithXerosMessage() {
        Map<String, Object> run = syncToEnd();

        assertThat(run.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(state.queryForList("select message from record_status where entity = 'invoice' and status = 'FAILED'",
                String.class)).isNotEmpty().allSatisfy(message -> assertThat(message)
                .satisfiesAnyOf(m -> assertThat(m).contains("Account code '999' is not a valid code"),
                        m -> assertThat(m).contains("has no Xero tax type")));
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'invoice' and status = 'SYNCED'",
                Integer.class)).isZero();
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'vendor' and status = 'SYNCED'",
                Integer.class)).isPositive();
        assertThat(state.queryForObject("select count(*) from record_status where entity = 'contact' and status = 'SYNCED'",
                Integer.class)).isPositive();
    }
}
