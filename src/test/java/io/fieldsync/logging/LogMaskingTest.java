package io.fieldsync.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Every shape in which a secret reaches a log line comes out as ****, and ordinary text is left alone. */
class LogMaskingTest {

    private static final String TOKEN = "f3Kq9_xZ-2bT8uV0wY7aB1cD4eF6gH5iJ3kL2mN0pQ";

    @AfterEach
    void forget() {
        SecretMasking.forgetAll();
    }

    @Test
    void authorizationHeadersLoseTheirCredentials() {
        assertThat(SecretMasking.mask("http-outgoing-0 >> Authorization: Bearer " + TOKEN))
                .isEqualTo("http-outgoing-0 >> Authorization: Bearer ****");
        assertThat(SecretMasking.mask("http-outgoing-0 >> \"Authorization: Bearer " + TOKEN + "[\\r][\\n]\""))
                .isEqualTo("http-outgoing-0 >> \"Authorization: Bearer ****[\\r][\\n]\"");
        assertThat(SecretMasking.mask("headers={Authorization=Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=, Accept=application/json}"))
                .isEqualTo("headers={Authorization=Basic ****, Accept=application/json}");
        assertThat(SecretMasking.mask("{\"authorization\":\"" + TOKEN + "\"}")).isEqualTo("{\"authorization\":\"****\"}");
    }

    @Test
    void bearerTokensAreMaskedAnywhere() {
        assertThat(SecretMasking.mask("refused Bearer " + TOKEN + " for tenant x")).isEqualTo("refused Bearer **** for tenant x");
    }

    @Test
    void formUrlAndJsonSecretsAreMasked() {
        assertThat(SecretMasking.mask("grant_type=refresh_token&refresh_token=abc.def-123&client_id=app&client_secret=s3cr3t!"))
                .isEqualTo("grant_type=refresh_token&refresh_token=****&client_id=app&client_secret=****");
        assertThat(SecretMasking.mask("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":1800,\"refresh_token\": \"r-1\"}"))
                .isEqualTo("{\"access_token\":\"****\",\"expires_in\":1800,\"refresh_token\": \"****\"}");
        assertThat(SecretMasking.mask("jdbc:mysql://db:3306/fsm?user=fs&password=hunter22&useSSL=true"))
                .isEqualTo("jdbc:mysql://db:3306/fsm?user=fs&password=****&useSSL=true");
        assertThat(SecretMasking.mask("XeroSettings[clientSecret=abc123, smtpPassword=pw9, spring.datasource.password: p4ss]"))
                .isEqualTo("XeroSettings[clientSecret=****, smtpPassword=****, spring.datasource.password: ****]");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String line = "Sync run 3 finished: SUCCEEDED; Access denied for user 'fs'@'host' (using password: YES); Basic auth is on";
        assertThat(SecretMasking.mask(line)).isEqualTo(line);
        String demo = "No spring.security.user.password set: operator login for this run is operator / Zm9vYmFyYmF6cXV4";
        assertThat(SecretMasking.mask(demo)).isEqualTo(demo);
    }

    @Test
    void knownSecretsAreMaskedWhereverTheyAppear() {
        SecretMasking.rememberConfigured("sandbox-secret");
        SecretMasking.rememberConfigured("abc"); // too short to look for literally
        SecretMasking.rememberToken(TOKEN);

        assertThat(SecretMasking.mask("secret sandbox-secret and token " + TOKEN + " and abc"))
                .isEqualTo("secret **** and token **** and abc");
    }

    @Test
    void theLayoutMasksMessagesExceptionsAndStackTraces() {
        MaskingPatternLayout layout = new MaskingPatternLayout();
        LoggerContext context = new LoggerContext();
        layout.setContext(context);
        layout.setPattern("%-5level %logger - %msg%n%ex");
        layout.start();
        Logger logger = context.getLogger("io.fieldsync.test");
        IllegalStateException failure = new IllegalStateException("Xero refused Authorization: Bearer " + TOKEN,
                new RuntimeException("body was client_secret=very-secret"));
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "sending {} to Xero", failure, new Object[] {"access_token=" + TOKEN});

        String line = layout.doLayout(event);

        assertThat(line).contains("sending access_token=**** to Xero")
                .contains("Xero refused Authorization: Bearer ****")
                .contains("client_secret=****")
                .contains("at io.fieldsync.logging.LogMaskingTest")
                .doesNotContain(TOKEN).doesNotContain("very-secret");
    }

    @Test
    void configuredSecretsAreMaskedUnlessTheyAreAlsoNamesEveryLineCarries() {
        ConfiguredSecrets.remember(new MockEnvironment()
                .withProperty("fieldsync.xero.client-secret", "xero-app-secret-1")
                .withProperty("spring.datasource.password", "fieldsync")
                .withProperty("spring.datasource.username", "fieldsync")
                .withProperty("fieldsync.alerts.smtp-password", "${UNSET_SMTP_PASSWORD}"));

        assertThat(SecretMasking.mask("2026 INFO [fieldsync] io.fieldsync.runs.SyncRuns : sent xero-app-secret-1"))
                .isEqualTo("2026 INFO [fieldsync] io.fieldsync.runs.SyncRuns : sent ****");
        assertThat(SecretMasking.mask("url=jdbc:mysql://db/x?password=fieldsync"))
                .isEqualTo("url=jdbc:mysql://db/x?password=****");
    }
}
