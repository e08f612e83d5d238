package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** The outbox on the embedded state store: claims, one sender per message, back-off, and the password never stored. */
class AlertOutboxTest {

    private final JdbcTemplate state = H2StateStore.migrated();
    private final MockEnvironment environment = io.fieldsync.testing.ShippedSettings.environment()
            .withProperty("fieldsync.alerts.smtp-host", "mail.example.com")
            .withProperty("fieldsync.alerts.smtp-password", "s3cret-pw")
            .withProperty("fieldsync.alerts.recipients", "ops@example.com")
            .withProperty("fieldsync.alerts.retry-after", "PT30S")
            .withProperty("fieldsync.alerts.retry-max", "PT1H");
    private final AlertSettings settings = new AlertSettings(environment);
    private final AlertConditionsTest.MutableClock clock = new AlertConditionsTest.MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final AlertOutbox nodeA = new AlertOutbox(state, settings, clock, "node-a");
    private final AlertOutbox nodeB = new AlertOutbox(state, settings, clock, "node-b");

    @Test
    void aMessageIsClaimedByOneNodeOnlyAndSentOnce() {
        long id = nodeA.add(AlertKind.ALERT, "run-failed", 7L, "subject", "body");

        assertThat(nodeA.claimDue()).extracting(AlertMessage::getId).containsExactly(id);
        assertThat(nodeB.claimDue()).isEmpty();
        nodeA.markSent(id);

        assertThat(nodeA.find(id).getSentAt()).isEqualTo(clock.instant());
        assertThat(nodeA.find(id).getAttempts()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(nodeA.claimDue()).isEmpty();
        assertThat(nodeB.claimDue()).isEmpty();
    }

    @Test
    void aFailedAttemptIsCountedAndTriedAgainAfterABackOffThatDoubles() {
        long id = nodeA.add(AlertKind.ERROR_REPORT, null, 7L, "subject", "body");

        nodeA.claimDue();
        nodeA.deliveryFailed(id, new IOException("Couldn't connect to host, port: mail.example.com, 25"));
        assertThat(nodeA.find(id).getAttempts()).isEqualTo(1);
        assertThat(nodeA.find(id).getLastError()).contains("Couldn't connect");
        assertThat(nodeB.claimDue()).as("within the first back-off").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(nodeB.claimDue()).extracting(AlertMessage::getId).containsExactly(id);
        nodeB.deliveryFailed(id, new IOException("again"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(nodeA.claimDue()).as("the second back-off is twice as long").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeA.claimDue()).extracting(AlertMessage::getId).containsExactly(id);
        nodeA.markSent(id);
        assertThat(nodeA.find(id).getAttempts()).isEqualTo(3);
        assertThat(nodeA.find(id).getSentAt()).isNotNull();
    }

    @Test
    void aClaimOfANodeThatDiedExpiresSoAnotherNodeSendsTheMessage() {
        long id = nodeA.add(AlertKind.ALERT, "daily-limit", 7L, "subject", "body");
        nodeA.claimDue();

        clock.advance(Duration.ofMinutes(6));
        assertThat(nodeB.claimDue()).extracting(AlertMessage::getId).containsExactly(id);
        nodeA.markSent(id); // the late first node no longer holds the claim
        assertThat(nodeA.find(id).getSentAt()).isNull();
    }

    @Test
    void theSmtpPasswordNeverReachesTheStoredError() {
        long id = nodeA.add(AlertKind.ALERT, "run-failed", 7L, "subject", "body");
        nodeA.claimDue();

        nodeA.deliveryFailed(id, new IllegalStateException("Failed to create Producer for endpoint: smtp://mail.example.com:25?password=s3cret-pw&username=ops",
                new IOException("AUTH failed for s3cret-pw")));

        assertThat(nodeA.find(id).getLastError()).doesNotContain("s3cret-pw").contains("AUTH failed");
    }

    @Test
    void withoutAnSmtpHostMessagesStayInternalAndAreNeverClaimed() {
        environment.setProperty("fieldsync.alerts.smtp-host", "");
        long id = nodeA.add(AlertKind.SYNC_REPORT, null, 7L, "subject", "body");

        assertThat(nodeA.find(id).getDelivery()).isEqualTo("INTERNAL");
        assertThat(nodeA.claimDue()).isEmpty();
        assertThat(nodeA.recent(50)).extracting(AlertMessage::getId).containsExactly(id);
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        assertThat(AlertOutbox.backOff(1, Duration.ofSeconds(30), Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(AlertOutbox.backOff(2, Duration.ofSeconds(30), Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(AlertOutbox.backOff(4, Duration.ofSeconds(30), Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(4));
        assertThat(AlertOutbox.backOff(40, Duration.ofSeconds(30), Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }
}
