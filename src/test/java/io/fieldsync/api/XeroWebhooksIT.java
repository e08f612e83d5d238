package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.fieldsync.schedule.WebhookSyncs;
import io.fieldsync.testing.MariaDbIntegrationTest;
import io.fieldsync.testing.TestSettings;
import io.fieldsync.xero.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Xero's webhooks: signed with the app's webhook key they are taken (and a contact or invoice
 * change brings a sync soon after, one for a burst), anything else is 401 with an empty body, and
 * Xero's intent-to-receive check gets exactly the answers it tests for.
 */
class XeroWebhooksIT extends MariaDbIntegrationTest {

    private static final String KEY = "it-webhook-key/+dGVzdA==";

    @Autowired
    ConfigurableEnvironment environment;

    private TestSettings settings;

    @BeforeEach
    void webhookKey() throws Exception {
        settings = new TestSettings(environment).set("fieldsync.xero.webhook-key", KEY).set("fieldsync.xero.webhook-delay", "PT2S");
        quartz.unscheduleJob(WebhookSyncs.WEBHOOK);
    }

    @AfterEach
    void settingsBack() throws Exception {
        settings.close();
        quartz.unscheduleJob(WebhookSyncs.WEBHOOK);
    }

    @Test
    void intentToReceiveIsAnsweredOkWhenSignedRightAndUnauthorisedWhenNot() throws Exception {
        String intent = "{\"events\":[],\"firstEventSequence\":0,\"lastEventSequence\":0,\"entropy\":\"YSXCMKAQBJOEPXRHKLSW\"}";

        ResponseEntity<String> right = post(intent, sign(intent, KEY));
        ResponseEntity<String> wrong = post(intent, sign(intent, "not-the-key"));

        assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(right.getBody()).isNull();
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody()).isNull();
        assertThat(quartz.getTrigger(WebhookSyncs.WEBHOOK)).as("no events, no sync").isNull();
    }

    @Test
    void aBodyChangedOnTheWayOrUnsignedIsRefusedWithAnEmptyBody() throws Exception {
        String sent = events("CONTACT", sandbox.tenantId());
        String changed = sent.replace("UPDATE", "CREATE");

        ResponseEntity<String> tampered = post(changed, sign(sent, KEY));
        ResponseEntity<String> unsigned = post(sent, null);
        ResponseEntity<String> garbage = post(sent, "not base64!");

        for (ResponseEntity<String> answer : List.of(tampered, unsigned, garbage)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getBody()).isNull();
        }
        assertThat(quartz.getTrigger(WebhookSyncs.WEBHOOK)).as("a refused webhook schedules nothing").isNull();
    }

    @Test
    void theWebhookKeyIsASecretTheSettingsApiNeverShows() {
        assertThat(asOperator().getForObject("/api/settings", String.class)).doesNotContain(KEY).doesNotContain("webhook-key")
                .contains("webhook-delay");
    }

    @Test
    void withoutAWebhookKeyEveryWebhookIsRefused() {
        settings.set("fieldsync.xero.webhook-key", "");
        String body = events("INVOICE", sandbox.tenantId());

        assertThat(post(body, sign(body, "anything")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void contactAndInvoiceEventsStartOneSyncSoonAfterTheFirst() throws Exception {
        startFresh();
        Instant before = Instant.now();
        String contact = events("CONTACT", sandbox.tenantId());
        String invoice = events("INVOICE", sandbox.tenantId());

        assertThat(post(contact, sign(contact, KEY)).getStatusCode()).isEqualTo(HttpStatus.OK);
        Trigger due = quartz.getTrigger(WebhookSyncs.WEBHOOK);
        assertThat(due).as("a sync is scheduled").isNotNull();
        assertThat(due.getNextFireTime().toInstant()).isBetween(before.plusSeconds(1), before.plus(Duration.ofSeconds(4)));
        assertThat(post(invoice, sign(invoice, KEY)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(contact, sign(contact, KEY)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(quartz.getTrigger(WebhookSyncs.WEBHOOK).getNextFireTime()).as("later events join it").isEqualTo(due.getNextFireTime());

        long runId = awaitRun();
        Map<String, Object> run = awaitEnd(runId);
        assertThat(run).containsEntry("trigger", "SCHEDULED");
        assertThat(run.get("status")).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(state.queryForObject("select requested_by from sync_run where id = ?", String.class, runId))
                .isEqualTo("Xero webhook (CONTACT changed in Xero)");
        Thread.sleep(3000);
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).as("one run for the burst").isEqualTo(1);
    }

    @Test
    void eventsOfAnotherOrganisationOrCategoryStartNoSync() throws Exception {
        String otherOrganisation = events("CONTACT", "00000000-0000-0000-0000-0000000000aa");
        String creditNote = events("CREDITNOTE", sandbox.tenantId());

        assertThat(post(otherOrganisation, sign(otherOrganisation, KEY)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(creditNote, sign(creditNote, KEY)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(quartz.getTrigger(WebhookSyncs.WEBHOOK)).isNull();
    }

    private long awaitRun() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> runs = state.queryForList("select id from sync_run order by id", Long.class);
            if (!runs.isEmpty()) {
                return runs.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no sync started within 30 s of the webhook");
    }

    private static String events(String category, String tenantId) {
        String resource = category.equals("INVOICE") ? "Invoices" : category.equals("CONTACT") ? "Contacts" : "CreditNotes";
        return """
                {"events":[{"resourceUrl":"https://api.xero.com/api.xro/2.0/%s/717f2bfc-c6d4-41fd-b238-3f2f0c0cf777",
                "resourceId":"717f2bfc-c6d4-41fd-b238-3f2f0c0cf777","eventDateUtc":"2026-12-06T01:15:39.902",
                "eventType":"UPDATE","eventCategory":"%s","tenantId":"%s","tenantType":"ORGANISATION"}],
                "lastEventSequence":1,"firstEventSequence":1,"entropy":"S0m3r4Nd0mt3xt"}""".formatted(resource, category, tenantId);
    }

    private static String sign(String body, String key) {
        return Base64.getEncoder().encodeToString(WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), key));
    }

    private ResponseEntity<String> post(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("x-xero-signature", signature);
        }
        return http.postForEntity("/api/xero/webhooks", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }
}
