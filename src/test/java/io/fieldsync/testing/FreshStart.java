package io.fieldsync.testing;

import javax.sql.DataSource;

import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.demo.SampleData;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.xero.XeroTokens;
import org.springframework.jdbc.core.JdbcTemplate;

/** Puts the sample data, the state store and the sandbox back to the start, for tests that count. */
public final class FreshStart {

    private FreshStart() {
    }

    public static void everything(DataSource source, JdbcTemplate state, XeroSandbox sandbox, XeroTokens tokens,
                                  io.fieldsync.xero.XeroConnection connection) {
        FieldServiceSchema.drop(source);
        FieldServiceSchema.create(source);
        new SampleData(IntegrationTestDatabases.SIZE).writeTo(source);
        for (String table : new String[] {"dead_letter", "xero_payment", "attachment_export", "sync_run_count", "sync_run", "record_link", "record_status", "watermark",
                "setting_value", "settings_change", "alert_outbox", "alert_condition", "match_suggestion", "contact_name_suffix"}) {
            state.update("delete from " + table);
        }
        // an OAuth test may have connected the sandbox user's second organisation: one organisation again
        state.update("delete from xero_tenant where tenant_id <> ?", sandbox.tenantId());
        state.update("update xero_tenant set sync_due_at = null");
        sandbox.reset();
        tokens.forget();
        connection.currentTenant(); // the organisation is known before any fault switch is set
    }
}
