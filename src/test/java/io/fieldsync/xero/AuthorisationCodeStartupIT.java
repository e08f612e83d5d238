package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.fieldsync.FieldSyncApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** In authorization_code mode the connector does not start without a key for the tokens, and says so in one line. */
@ExtendWith(OutputCaptureExtension.class)
class AuthorisationCodeStartupIT {

    @Test
    void noTokenKeyNoStartWithOneLineNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(FieldSyncApplication.class).run("--server.port=0", "--fieldsync.demo.enabled=true",
                "--fieldsync.demo.customers=3", "--fieldsync.demo.invoices=5", "--fieldsync.demo.purchase-orders=2",
                "--fieldsync.xero.grant=authorization_code").close()).isNotNull();

        List<String> reasons = output.getAll().lines().filter(line -> line.startsWith("FieldSync cannot start: ")).toList();
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0)).contains("fieldsync.xero.grant=authorization_code needs a token key")
                .contains("fieldsync.xero.token-key").contains("FIELDSYNC_XERO_TOKEN_KEY");
    }
}
