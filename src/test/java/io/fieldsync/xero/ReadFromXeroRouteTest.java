package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.testing.RouteHarness;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read-from-xero route with the shared xero-redelivery configuration, as the YAML files say,
 * in a bare Camel context (RouteHarness): no database, no Spring, no Xero; the GET is a stand-in
 * that fails as told. Reads are asked again as writes are, and never become dead letters.
 */
class ReadFromXeroRouteTest {

    private final ScriptedReads xero = new ScriptedReads();
    private final AtomicInteger deadLetters = new AtomicInteger();
    private RouteHarness routes;

    @BeforeEach
    void startRoutes() throws Exception {
        routes = RouteHarness.routes("xero-error-handling", "read-from-xero")
                .property("fieldsync.xero.retry.redeliveries", 3)
                .property("fieldsync.xero.retry.rate-limited-redeliveries", 5)
                .property("fieldsync.xero.retry.initial-delay-ms", 1)
                .property("fieldsync.xero.retry.max-delay-ms", 4)
                .bean("xeroGet", xero)
                .bean("deadLetters", new Object() {
                    @SuppressWarnings("unused")
                    public void keep(Exchange exchange) {
                        deadLetters.incrementAndGet();
                    }
                })
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void aReadXeroCouldNotAnswerIsAskedAgainUntilItAnswers() {
        xero.then(new XeroUnavailableException("no answer")).then(new XeroRateLimitedException("429"))
                .then(new XeroUnavailableException("Xero answered HTTP 502")).thenAnswer("{\"Contacts\":[]}");

        JsonNode answer = read();

        assertThat(answer.path("Contacts").isArray()).isTrue();
        assertThat(xero.calls).hasValue(4);
        assertThat(deadLetters).as("dead letters kept for a read").hasValue(0);
    }

    @Test
    void aReadWhoseTriesRunOutFailsWithTheLastFailureAndKeepsNoDeadLetter() {
        for (int i = 0; i < 10; i++) {
            xero.then(new XeroUnavailableException("Xero answered HTTP 503"));
        }

        assertThatThrownBy(this::read).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(XeroUnavailableException.class).hasMessageContaining("503");
        assertThat(xero.calls).as("the first try and fieldsync.xero.retry.redeliveries more").hasValue(4);
        assertThat(deadLetters).hasValue(0);
    }

    @Test
    void xerosOwnRefusalIsNotAskedAgain() {
        xero.then(new XeroRefusedException("Xero answered HTTP 400 to GET Contacts: bad where"));

        assertThatThrownBy(this::read).cause().isInstanceOf(XeroRefusedException.class);
        assertThat(xero.calls).hasValue(1);
    }

    private JsonNode read() {
        return routes.camel().createProducerTemplate().requestBodyAndHeaders(XeroGet.READ_ROUTE, null,
                Map.of(XeroGet.URL, "https://api.xero.com/api.xro/2.0/Contacts", XeroGet.TENANT, "tenant"), JsonNode.class);
    }

    /** The stand-in for XeroGet.once: fails as scripted, then answers. */
    public static class ScriptedReads {
        final AtomicInteger calls = new AtomicInteger();
        private final Deque<Object> script = new ArrayDeque<>();

        ScriptedReads then(RuntimeException failure) {
            script.add(failure);
            return this;
        }

        void thenAnswer(String json) {
            script.add(json);
        }

        public JsonNode once(Exchange exchange) throws Exception {
            calls.incrementAndGet();
            Object next = script.poll();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return new ObjectMapper().readTree((String) next);
        }
    }
}
