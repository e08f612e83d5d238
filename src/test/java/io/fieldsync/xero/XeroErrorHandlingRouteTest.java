package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.fieldsync.runs.RunFencedException;
import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/xero-error-handling.camel.yaml on routes of the test's own shaped as deliver-to-xero is:
 * an outer route in xero-redelivery calls an inner one in xero-call, whose step fails as scripted.
 * How often the whole inner call is made, and whether the batch becomes a dead letter, is what
 * each failure kind decides.
 */
class XeroErrorHandlingRouteTest {

    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger innerStarts = new AtomicInteger();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("xero-error-handling")
                .property("fieldsync.xero.retry.redeliveries", 3)
                .property("fieldsync.xero.retry.rate-limited-redeliveries", 2)
                .property("fieldsync.xero.retry.initial-delay-ms", 1)
                .property("fieldsync.xero.retry.max-delay-ms", 2)
                .bean("deadLetters", new Object() {
                    public void keep(Exchange exchange) {
                        routes.note("deadLetters.keep " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT).getClass().getSimpleName());
                    }
                })
                .with(camel -> camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:deliver").routeId("test-deliver").routeConfigurationId("xero-redelivery")
                                .to("direct:call");
                        from("direct:call").routeId("test-call").routeConfigurationId("xero-call")
                                .process(exchange -> innerStarts.incrementAndGet())
                                .process(exchange -> {
                                    calls.incrementAndGet();
                                    if (!failures.isEmpty()) {
                                        throw failures.poll();
                                    }
                                });
                    }
                }))
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void aFailedStepOfTheCallRepeatsTheWholeCallNotOnlyTheStep() {
        fail(new XeroUnavailableException("Xero answered HTTP 502"), new XeroUnavailableException("no answer"));

        Exchange delivered = deliver(false);

        assertThat(delivered.getException()).isNull();
        assertThat(innerStarts).as("the inner call started again from its first step").hasValue(3);
        assertThat(routes.journal()).isEmpty();
    }

    @Test
    void anUnavailableXeroIsAskedAgainByTheSettingThenTheBatchIsADeadLetter() {
        fail(new XeroUnavailableException("1"), new XeroUnavailableException("2"), new XeroUnavailableException("3"),
                new XeroUnavailableException("4"), new XeroUnavailableException("5"));

        Exchange delivered = deliver(false);

        assertThat(delivered.getException()).isInstanceOf(XeroUnavailableException.class).hasMessage("4");
        assertThat(calls).as("the first try and fieldsync.xero.retry.redeliveries more").hasValue(4);
        assertThat(routes.journal()).containsExactly("deadLetters.keep XeroUnavailableException");
    }

    @Test
    void aRateLimitedCallGoesAgainByItsOwnSettingThenTheBatchIsADeadLetter() {
        fail(new XeroRateLimitedException("1"), new XeroRateLimitedException("2"), new XeroRateLimitedException("3"),
                new XeroRateLimitedException("4"));

        Exchange delivered = deliver(false);

        assertThat(delivered.getException()).isInstanceOf(XeroRateLimitedException.class).hasMessage("3");
        assertThat(calls).as("the first try and fieldsync.xero.retry.rate-limited-redeliveries more").hasValue(3);
        assertThat(routes.journal()).containsExactly("deadLetters.keep XeroRateLimitedException");
    }

    @Test
    void aReadWhoseTriesRunOutIsNeverADeadLetter() {
        fail(new XeroRateLimitedException("1"), new XeroRateLimitedException("2"), new XeroRateLimitedException("3"));

        Exchange read = deliver(true);

        assertThat(read.getException()).isInstanceOf(XeroRateLimitedException.class);
        assertThat(routes.journal()).isEmpty();
    }

    @Test
    void a401IsMadeOnceMoreAndASecondOneEndsTheCallWithoutADeadLetter() {
        fail(new XeroUnauthorisedException("401"), new XeroUnauthorisedException("401 again"));

        Exchange delivered = deliver(false);

        assertThat(delivered.getException()).isInstanceOf(XeroUnauthorisedException.class).hasMessage("401 again");
        assertThat(calls).hasValue(2);
        assertThat(routes.journal()).isEmpty();
    }

    @Test
    void aRunThatLostItsOrganisationAndXerosOwnRefusalAreNotAskedAgain() {
        fail(new RunFencedException("lost"));
        assertThat(deliver(false).getException()).isInstanceOf(RunFencedException.class);
        assertThat(calls).hasValue(1);

        fail(new XeroRefusedException("400"));
        assertThat(deliver(false).getException()).isInstanceOf(XeroRefusedException.class);
        assertThat(calls).hasValue(2);
        assertThat(routes.journal()).isEmpty();
    }

    private void fail(RuntimeException... scripted) {
        failures.addAll(List.of(scripted));
    }

    private Exchange deliver(boolean read) {
        return routes.send("direct:deliver", exchange -> {
            if (read) {
                exchange.setProperty("xeroRead", true);
            }
        });
    }
}
