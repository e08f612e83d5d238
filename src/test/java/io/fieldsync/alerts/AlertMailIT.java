package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.fieldsync.testing.Eventually;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import jakarta.mail.Message;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alerts and reports by mail, to GreenMail on a free port: one error report per run with
 * failures, nothing lost and nothing sent twice while SMTP is down, one alert per repeat interval,
 * and syncs that never wait on the mail server. Every mail IT belongs in this class (one context).
 */
class AlertMailIT extends MariaDbIntegrationTest {

    private static final List<String> RECIPIENTS = List.of("ops@example.com", "owner@example.com");
    private static final int SMTP_PORT = freePort();
    private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("fieldsync.alerts.smtp-host", () -> "127.0.0.1");
        registry.add("fieldsync.alerts.smtp-port", () -> SMTP_PORT);
        registry.add("fieldsync.alerts.recipients", () -> String.join(", ", RECIPIENTS));
        registry.add("fieldsync.alerts.from", () -> "fieldsync@example.com");
        registry.add("fieldsync.alerts.smtp-timeout-ms", () -> 1000);
        registry.add("fieldsync.alerts.poll-interval-ms", () -> 200);
        registry.add("fieldsync.alerts.retry-after", () -> "PT0.2S");
        registry.add("fieldsync.alerts.retry-max", () -> "PT0.5S");
    }

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    AlertOutbox outbox;

    @Autowired
    CamelContext camel;

    @BeforeEach
    void freshStart() throws Exception {
        startFresh();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aRunWithFailuresMailsOneErrorReportGroupingTheFailedRecordsByEntityWithXerosMessagesAndLinks() throws Exception {
        // duplicate names fail, so the sample data's second "Lachlan Ryan" is a contact Xero refuses
        Map<String, Object> first;
        try (TestSettings settings = new TestSettings(environment).set("fieldsync.contacts.duplicate-names", "fail")) {
            first = syncToEnd();
        }
        assertThat(first.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        long firstRun = id(first);
        // an invoice Xero already has now fails: its report line carries the link that opens it in Xero
        long invoice = state.queryForObject("select local_id from record_status where entity = 'invoice' and status = 'SYNCED'"
                + " order by local_id limit 1", Long.class);
        String xeroId = state.queryForObject("select xero_id from record_link where entity = 'invoice' and local_id = ?",
                String.class, invoice);
        try (var source = sourceDataSource.getConnection(); var edit = source.createStatement()) {
            edit.executeUpdate("update invoice_lines set tax_code_id = 6 where invoice_id = " + invoice); // MIX5: no Xero tax type
            edit.executeUpdate("update invoices set updated_at = current_timestamp(6) where id = " + invoice);
        }
        Map<String, Object> second = syncToEnd();
        assertThat(second.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");

        awaitAllSent(2);
        List<MimeMessage> firstReports = received("FieldSync run " + firstRun + ":");
        assertThat(firstReports).as("one report, one copy per recipient").hasSize(RECIPIENTS.size());
        assertThat(recipientsOf(firstReports)).containsExactlyInAnyOrderElementsOf(RECIPIENTS);
        assertThat(firstReports.get(0).getFrom()[0].toString()).isEqualTo("fieldsync@example.com");
        String report = (String) firstReports.get(0).getContent();
        List<Map<String, Object>> failed = state.queryForList(
                "select entity, local_id, message from record_status where status = 'FAILED' and last_run_id = ?", firstRun);
        assertThat(failed).extracting(r -> r.get("entity")).contains("contact", "invoice");
        assertThat(report).contains(failed.size() + " records failed")
                .contains("contact (" + count(failed, "contact") + " failed)")
                .contains("invoice (" + count(failed, "invoice") + " failed)");
        assertThat(report.indexOf("contact (")).as("grouped by entity in sync order").isLessThan(report.indexOf("invoice ("));
        for (Map<String, Object> record : failed) {
            assertThat(report).contains("  - " + record.get("entity") + " " + record.get("local_id") + ": " + record.get("message"));
        }
        assertThat(report).contains("Lachlan Ryan").contains("has no Xero tax type");

        List<MimeMessage> secondReports = received("FieldSync run " + id(second) + ":");
        assertThat(secondReports).hasSize(RECIPIENTS.size());
        String secondReport = (String) secondReports.get(0).getContent();
        String shortCode = sandbox.organisation().path("ShortCode").asText();
        assertThat(secondReport).contains("1 record failed").contains("  - invoice " + invoice + " (")
                .contains("https://go.xero.com/app/" + shortCode + "/invoicing/view/" + xeroId);
        assertThat(smtp.getReceivedMessages()).as("nothing but the two reports").hasSize(2 * RECIPIENTS.size());
    }

    @Test
    void anAlertWrittenWhileSmtpIsDownIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
        List<Long> messages;
        try (TestSettings settings = new TestSettings(environment).set("fieldsync.alerts.smtp-port", closedPort())) {
            sandbox.faults().on("POST", "/Contacts").serverError(503);
            Map<String, Object> failed = syncToEnd();
            assertThat(failed.get("status")).isEqualTo("FAILED");

            Eventually.within(Duration.ofSeconds(30), "the alert tried and refused at least twice", () ->
                    state.queryForObject("select count(*) from alert_outbox where kind = 'ALERT' and attempts >= 2"
                            + " and sent_at is null and last_error is not null", Integer.class) == 1);
            assertThat(smtp.getReceivedMessages()).isEmpty();
            messages = state.queryForList("select id from alert_outbox", Long.class);
            assertThat(state.queryForObject("select condition_key from alert_outbox where kind = 'ALERT'", String.class))
                    .isEqualTo("run-failed");
        }

        awaitAllSent(messages.size());
        Thread.sleep(1500); // several more polls: nothing is sent again
        assertThat(received("FieldSync alert: A sync run failed")).hasSize(RECIPIENTS.size());
        assertThat(smtp.getReceivedMessages()).hasSize(messages.size() * RECIPIENTS.size());
        assertThat(state.queryForObject("select min(attempts) from alert_outbox where kind = 'ALERT'", Integer.class))
                .as("the refused attempts are counted").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSyncFinishesNormallyWhileTheMailServerHangs() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestSettings settings = new TestSettings(environment).set("fieldsync.alerts.smtp-port", silent.getLocalPort())) {
            Map<String, Object> run = syncToEnd();

            assertThat(run.get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
            Eventually.within(Duration.ofSeconds(30), "the report's first attempt timed out", () ->
                    state.queryForObject("select count(*) from alert_outbox where run_id = ? and attempts >= 1 and sent_at is null",
                            Integer.class, id(run)) == 1);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
        awaitAllSent(1);
        assertThat(smtp.getReceivedMessages()).hasSize(RECIPIENTS.size());
    }

    @Test
    void aFailureThatPersistsAlertsOncePerRepeatIntervalAndAfreshOnceItCleared() throws Exception {
        try (TestSettings settings = new TestSettings(environment)
                .set("fieldsync.alerts.repeat-after", "PT15S")
                .set("fieldsync.alerts.sync-report", "true")) { // a sync report per run shows each run's end was handled
            sandbox.faults().onAnyApiCall().serverError(503); // every run fails at its first call, whatever is left to send
            failedRunHandled();
            failedRunHandled();
            assertThat(runFailedAlerts()).as("the second failure within repeat-after").isEqualTo(1);

            Instant lastAlerted = state.queryForObject(
                    "select last_alerted_at from alert_condition where condition_key = 'run-failed'", Timestamp.class).toInstant();
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastAlerted.plusSeconds(15)).toMillis() + 100));
            failedRunHandled();
            assertThat(runFailedAlerts()).as("still failing after repeat-after").isEqualTo(2);

            sandbox.faults().clear();
            assertThat(syncToEnd().get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
            sandbox.faults().onAnyApiCall().serverError(503);
            failedRunHandled();
            assertThat(runFailedAlerts()).as("failing again after a run that did not fail").isEqualTo(3);
            List<Instant> alerted = state.queryForList("select created_at from alert_outbox where kind = 'ALERT'"
                    + " and condition_key = 'run-failed' order by id", Timestamp.class).stream().map(Timestamp::toInstant).toList();
            assertThat(Duration.between(alerted.get(1), alerted.get(2))).as("sooner than repeat-after: the condition had cleared")
                    .isLessThan(Duration.ofSeconds(15));
        }
        awaitAllSent(state.queryForObject("select count(*) from alert_outbox", Integer.class));
        assertThat(received("FieldSync alert: A sync run failed")).hasSize(3 * RECIPIENTS.size());
    }

    @Test
    void anSmtpLoginIsAskedAtSendTimeAndThePasswordIsShownNowhere() throws Exception {
        smtp.setUser("alerts@example.com", "alerts", "right-smtp-pw");
        long id;
        try (TestSettings settings = new TestSettings(environment)
                .set("fieldsync.alerts.smtp-username", "alerts").set("fieldsync.alerts.smtp-password", "wrong-smtp-pw")) {
            id = outbox.add(AlertKind.ALERT, "run-failed", null, "Login check", "Sent with the SMTP login.");
            Eventually.within(Duration.ofSeconds(30), "the wrong password refused", () ->
                    outbox.find(id).getAttempts() >= 1 && outbox.find(id).getLastError() != null);
            assertThat(outbox.find(id).getSentAt()).isNull();

            settings.set("fieldsync.alerts.smtp-password", "right-smtp-pw"); // as the settings API would change it
            awaitAllSent(1);
        }
        assertThat(received("Login check")).hasSize(RECIPIENTS.size());
        String listed = asOperator().getForObject("/api/notifications", String.class);
        assertThat(listed).contains("Login check").doesNotContain("smtp-pw");
        assertThat(camel.getEndpoints()).extracting(Endpoint::getEndpointUri).noneMatch(uri -> uri.contains("smtp-pw"));
    }

    private void failedRunHandled() {
        Map<String, Object> run = syncToEnd();
        assertThat(run.get("status")).isEqualTo("FAILED");
        Eventually.within(Duration.ofSeconds(30), "run " + id(run) + "'s end handled", () -> state.queryForObject(
                "select count(*) from alert_outbox where kind = 'SYNC_REPORT' and run_id = ?", Integer.class, id(run)) == 1);
    }

    private int runFailedAlerts() {
        return state.queryForObject("select count(*) from alert_outbox where kind = 'ALERT' and condition_key = 'run-failed'",
                Integer.class);
    }

    private void awaitAllSent(int messages) {
        Eventually.within(Duration.ofSeconds(60), messages + " messages sent", () ->
                state.queryForObject("select count(*) from alert_outbox where sent_at is not null", Integer.class) >= messages
                        && state.queryForObject("select count(*) from alert_outbox where sent_at is null", Integer.class) == 0);
        Eventually.within(Duration.ofSeconds(10), "GreenMail has them", () ->
                smtp.getReceivedMessages().length >= messages * RECIPIENTS.size());
    }

    private static List<MimeMessage> received(String subjectStart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(subjectStart);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** GreenMail keeps one copy per recipient, each with the whole To list. */
    private static List<String> recipientsOf(List<MimeMessage> copies) throws MessagingException {
        return Arrays.stream(copies.get(0).getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    private static long count(List<Map<String, Object>> records, String entity) {
        return records.stream().filter(r -> entity.equals(r.get("entity"))).count();
    }

    private static long id(Map<String, Object> run) {
        return ((Number) run.get("id")).longValue();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        return freePort(); // nothing listens there once the probe socket is closed
    }
}
