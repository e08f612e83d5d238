package io.fieldsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a sync of the sample data must end with, read from the state store. */
final class SampleOutcomes {

    private SampleOutcomes() {
    }

    /**
     * The sample data has what real data has: two private customers of the same name (Xero keeps
     * contact names unique, so the second goes named apart, "Name (C000nn)"), an email address
     * typed wrong (that customer goes without it, with a warning) and a tax code Xero has no type
     * for (those invoices FAIL before sending). Nothing else may fail.
     */
    static void assertOnlyDuplicateNamesFailed(JdbcTemplate state, Map<String, Object> run) {
        assertThat(run.get("status")).as("run %s: %s", run.get("id"), run.get("message")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertOnlyKnownFailures(state);
    }

    static void assertOnlyKnownFailures(JdbcTemplate state) {
        assertThat(state.queryForList("select entity, message from record_status where status = 'FAILED'"))
                .isNotEmpty()
                .allSatisfy(failed -> assertThat(failed.get("entity") + ": " + failed.get("message"))
                        .startsWith("invoice: ").contains("has no Xero tax type"));
    }

    static int countOf(JdbcTemplate state, String entity, String status) {
        return state.queryForObject("select count(*) from record_status where entity = ? and status = ?", Integer.class,
                entity, status);
    }
}
