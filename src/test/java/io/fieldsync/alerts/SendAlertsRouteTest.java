package io.fieldsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/send-alerts.camel.yaml: the timer is replaced by a direct endpoint and SMTP by a mock
 * (AdviceWith); the outbox and the mail settings are stand-ins. Each claimed message is mailed
 * with only the mail's own headers and marked sent; a failed one is counted, the others go on.
 */
class SendAlertsRouteTest {

    /** AlertOutbox's message as the routes read it. */
    public record Message(long id, String subject, String body) {
    }

    private boolean mailEnabled = true;
    private List<Message> due = List.of();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("send-alerts")
                .property("fieldsync.alerts.poll-interval-ms", 60000)
                .bean("outboxMail", new Object() {
                    public boolean enabled() {
                        return mailEnabled;
                    }

                    public String recipients() {
                        return "ops@example.test";
                    }

                    public String sender() {
                        return "fieldsync@example.test";
                    }

                    public String smtpUri() {
                        return "smtp://mail.example.test:2525";
                    }
                })
                .bean("alertOutbox", new Object() {
                    public List<Message> claimDue() {
                        routes.note("alertOutbox.claimDue");
                        return due;
                    }

                    public void markSent(long id) {
                        routes.note("alertOutbox.markSent " + id);
                    }

                    public void deliveryFailed(long id, Exception error) {
                        routes.note("alertOutbox.deliveryFailed " + id + " " + error.getMessage());
                    }
                })
                .mockAndSkip("smtp*")
                .advise("send-alerts", a -> a.replaceFromWith("direct:send-alerts-poll"))
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void eachDueMessageIsMailedWithTheMailsOwnHeadersOnlyThenMarkedSent() {
        due = List.of(new Message(1, "Sync failed", "Run 7 failed"), new Message(2, "Report", "All in step"));

        poll();

        assertThat(routes.journal()).containsExactly("alertOutbox.claimDue", "to smtp:mail.example.test:2525", "alertOutbox.markSent 1",
                "to smtp:mail.example.test:2525", "alertOutbox.markSent 2");
        Exchange mail = routes.mock("smtp").getReceivedExchanges().get(0);
        assertThat(mail.getMessage().getBody(String.class)).isEqualTo("Run 7 failed");
        assertThat(mail.getMessage().getHeaders()).containsEntry("To", "ops@example.test")
                .containsEntry("From", "fieldsync@example.test").containsEntry("Subject", "Sync failed")
                .containsEntry("Content-Type", "text/plain; charset=UTF-8");
        assertThat(mail.getMessage().getHeaders().keySet()).as("camel-mail makes every header a mail header")
                .allMatch(name -> List.of("To", "From", "Subject", "Content-Type").contains(name) || name.startsWith("Camel"));
    }

    @Test
    void aMessageSmtpRefusedIsCountedAndTheOthersStillGo() {
        due = List.of(new Message(1, "a", "a"), new Message(2, "b", "b"));
        routes.answer("smtp:", exchange -> {
            if ("a".equals(exchange.getMessage().getBody(String.class))) {
                throw new IllegalStateException("550 mailbox unavailable");
            }
        });

        poll();

        assertThat(routes.journal("alertOutbox")).containsExactly("alertOutbox.claimDue",
                "alertOutbox.deliveryFailed 1 550 mailbox unavailable", "alertOutbox.markSent 2");
    }

    @Test
    void withoutAnSmtpHostNothingIsClaimed() {
        mailEnabled = false;
        due = List.of(new Message(1, "a", "a"));

        poll();

        assertThat(routes.journal()).isEmpty();
    }

    private void poll() {
        routes.send("direct:send-alerts-poll", exchange -> { });
    }
}
