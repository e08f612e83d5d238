package io.fieldsync.testing;

import java.util.function.Consumer;

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
        everything(source, fsm -> new SampleData(IntegrationTestDatabases.SIZE).writeTo(fsm), state, sandbox, tokens,
                connection);
    }

    /** The same, with the field-service database filled by {@code fill} (an empty reference schema) instead of the sample data. */
    public static void everything(DataSource source, Consumer<DataSource> fill, JdbcTemplate state, XeroSandbox sandbox,
                                  XeroTokens tokens, io.fieldsync.xero.XeroConnection connection) {
        FieldServiceSchema.drop(source);
        FieldServiceSchema.create(source);
        fill.accept(source);
        for (String table : new String[] {"dead_letter", "xero_payment", "attachment_export", "sync_run_count", "sync_run_step", "sync_run", "record_link", "record_status", "watermark",
                "setting_value", "settings_change", "alert_outbox", "alert_condition", "match_suggestion", "contact_name_suffix", "xero_reachability"}) {
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
