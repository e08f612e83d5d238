package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fieldsync.runs.RunFencedException;
import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDynamicDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/deliver-to-xero.camel.yaml with the xero-redelivery and xero-call configurations of
 * xero-error-handling.camel.yaml: the HTTP call is a mock (AdviceWith), Xero's answers are
 * scripted after it, the beans the route calls are stand-ins that write to the journal.
 */
class DeliverToXeroRouteTest {

    private static final String XERO = "https://api.xero.test/api.xro/2.0";

    private final Deque<Object> answers = new ArrayDeque<>();
    private final Deque<RuntimeException> fence = new ArrayDeque<>();
    private RouteHarness routes;

    @BeforeEach
    void start() throws Exception {
        routes = RouteHarness.routes("xero-error-handling", "deliver-to-xero")
                .property("fieldsync.xero.api-url", XERO)
                .property("fieldsync.xero.retry.redeliveries", 2)
                .property("fieldsync.xero.retry.rate-limited-redeliveries", 2)
                .property("fieldsync.xero.retry.initial-delay-ms", 1)
                .property("fieldsync.xero.retry.max-delay-ms", 2)
                .bean("runFence", new Object() {
                    public void check(long runId) {
                        routes.note("runFence.check " + runId);
                        if (!fence.isEmpty()) {
                            throw fence.poll();
                        }
                    }
                })
                .bean("xeroConnection", new Object() {
                    public String tenantId() {
                        return "tenant-1";
                    }
                })
                .bean("attachmentFiles", new Object() {
                    public byte[] open(Object upload) {
                        routes.note("attachmentFiles.open " + upload);
                        return new byte[] {1, 2, 3};
                    }
                })
                .bean("idempotencyKeys", new Object() {
                    public String of(String tenant, String body) {
                        return "key:" + tenant + ":" + body;
                    }
                })
                .bean("xeroCallGate", new Object() {
                    public void before(Exchange exchange) {
                        routes.note("xeroCallGate.before");
                    }

                    public void after(Exchange exchange) {
                        routes.note("xeroCallGate.after");
                    }
                })
                .bean("xeroTokens", new Object() {
                    public String bearer() {
                        return "Bearer secret";
                    }

                    public void unauthorised() {
                        routes.note("xeroTokens.unauthorised");
                    }
                })
                .bean("xeroRetries", new Object() {
                    public void unreachable(Exchange exchange, IOException error) {
                        throw new XeroUnavailableException("no answer: " + error.getMessage());
                    }

                    public void check(Exchange exchange) {
                        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                        routes.note("xeroRetries.check " + status);
                        if (status == 401) {
                            throw new XeroUnauthorisedException("401");
                        }
                        if (status >= 500) {
                            throw new XeroUnavailableException("Xero answered HTTP " + status);
                        }
                    }
                })
                .bean("deadLetters", new Object() {
                    public void keep(Exchange exchange) {
                        routes.note("deadLetters.keep " + exchange.getProperty("xeroBody") + " after "
                                + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getClass().getSimpleName());
                    }
                })
                .mockAndSkip("https:*")
                // Xero's answer, as the HTTP component would leave it, after the mocked call
                .advise("call-xero", a -> a.weaveByType(ToDynamicDefinition.class).after().process(exchange -> {
                    Object next = answers.isEmpty() ? 200 : answers.poll();
                    if (next instanceof IOException noAnswer) {
                        throw noAnswer;
                    }
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, next);
                    exchange.getMessage().setBody("{\"answer\":" + next + "}");
                }))
                .start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void aBatchGoesWithXerosHeadersAndOnlyTheAnswersStatusComesBack() {
        Exchange delivered = deliver("{\"Invoices\":[]}", Map.of("xeroCollection", "Invoices", "xeroMethod", "POST",
                "xeroQuery", "summarizeErrors=false&unitdp=4", "xeroPath", ""), Map.of("Stray", "header"));

        assertThat(delivered.getException()).isNull();
        Exchange call = calls("/Invoices").get(0);
        assertThat(call.getMessage().getBody(String.class)).isEqualTo("{\"Invoices\":[]}");
        assertThat(call.getMessage().getHeaders()).containsEntry("xero-tenant-id", "tenant-1")
                .containsEntry("Accept", "application/json").containsEntry("Content-Type", "application/json")
                .containsEntry("Idempotency-Key", "key:tenant-1:{\"Invoices\":[]}").containsEntry("CamelHttpMethod", "POST")
                .containsEntry("CamelHttpQuery", "summarizeErrors=false&unitdp=4").containsEntry("Authorization", "Bearer secret")
                .doesNotContainKey("Stray");
        assertThat(delivered.getMessage().getHeaders().keySet()).isEqualTo(Set.of(Exchange.HTTP_RESPONSE_CODE));
        assertThat(delivered.getMessage().getBody(String.class)).isEqualTo("{\"answer\":200}");
        assertThat(routes.journal()).containsExactly("xeroCallGate.before", "to " + XERO + "/Invoices", "xeroCallGate.after",
                "xeroRetries.check 200");
    }

    @Test
    void aFileUploadSendsTheFilesBytesToItsDocumentsPathAndItsDescriptionIsTheKeysSource() {
        Exchange delivered = deliver("invoice 9 file a.pdf", Map.of("xeroCollection", "Invoices", "xeroMethod", "PUT",
                "xeroQuery", "IncludeOnline=true", "xeroPath", "/inv-9/Attachments/a.pdf", "xeroUpload", "upload of a.pdf"), Map.of());

        assertThat(delivered.getException()).isNull();
        Exchange call = calls("/Invoices/inv-9/Attachments/a.pdf").get(0);
        assertThat(call.getMessage().getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(call.getMessage().getHeaders()).containsEntry("Content-Type", "application/octet-stream")
                .containsEntry("Idempotency-Key", "key:tenant-1:invoice 9 file a.pdf").containsEntry("CamelHttpMethod", "PUT");
        assertThat(routes.journal()).startsWith("attachmentFiles.open upload of a.pdf");
    }

    @Test
    void aCallXeroCouldNotAnswerIsMadeAgainWholeWithTheSameKeyOnceTheRunIsKnownToStillOwnItsOrganisation() {
        answers.add(503);
        answers.add(new SocketTimeoutException("read timed out"));

        Exchange delivered = deliver("[1]", batch(), Map.of());

        assertThat(delivered.getException()).isNull();
        assertThat(calls("/Contacts")).extracting(e -> e.getMessage().getHeader("Idempotency-Key"))
                .containsExactly("key:tenant-1:[1]", "key:tenant-1:[1]", "key:tenant-1:[1]");
        assertThat(routes.journal()).containsExactly(
                "xeroCallGate.before", "to " + XERO + "/Contacts", "xeroCallGate.after", "xeroRetries.check 503",
                "runFence.check 7", "xeroCallGate.before", "to " + XERO + "/Contacts", "xeroCallGate.after",
                "runFence.check 7", "xeroCallGate.before", "to " + XERO + "/Contacts", "xeroCallGate.after", "xeroRetries.check 200");
    }

    @Test
    void whenTheTriesRunOutTheBatchIsADeadLetterAndTheFailureEndsTheDelivery() {
        answers.addAll(List.of(502, 503, 504));

        Exchange delivered = deliver("[1]", batch(), Map.of());

        assertThat(delivered.getException()).isInstanceOf(XeroUnavailableException.class).hasMessageContaining("504");
        assertThat(calls("/Contacts")).as("the first try and two redeliveries").hasSize(3);
        assertThat(routes.journal("deadLetters")).containsExactly("deadLetters.keep [1] after XeroUnavailableException");
    }

    @Test
    void aRunThatLostItsOrganisationDuringTheBackOffSendsNothingMoreAndItsDeadLetterIsTheFencesToRefuse() {
        answers.add(503);
        fence.add(new RunFencedException("run 7 no longer owns the organisation"));

        Exchange delivered = deliver("[1]", batch(), Map.of());

        assertThat(delivered.getException()).isInstanceOf(RunFencedException.class);
        assertThat(calls("/Contacts")).hasSize(1);
        // deadLetters.keep checks the fence itself and keeps nothing for a run that lost its organisation
        assertThat(routes.journal("deadLetters")).containsExactly("deadLetters.keep [1] after RunFencedException");
    }

    @Test
    void a401RefreshesTheTokenAndTheCallIsMadeOnceMore() {
        answers.add(401);

        Exchange delivered = deliver("[1]", batch(), Map.of());

        assertThat(delivered.getException()).isNull();
        assertThat(routes.journal()).containsSubsequence("xeroCallGate.after", "xeroTokens.unauthorised", "xeroRetries.check 401",
                "runFence.check 7", "xeroCallGate.before", "to " + XERO + "/Contacts");
        assertThat(routes.journal("deadLetters")).isEmpty();
    }

    private static Map<String, Object> batch() {
        return Map.of("xeroCollection", "Contacts", "xeroMethod", "POST", "xeroQuery", "summarizeErrors=false", "xeroPath", "",
                "syncRunId", 7L);
    }

    private Exchange deliver(String body, Map<String, Object> properties, Map<String, Object> headers) {
        return routes.send("direct:deliver-to-xero", exchange -> {
            properties.forEach(exchange::setProperty);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
    }

    /** The calls made to a path of Xero's API (the mocked HTTP endpoint). */
    private List<Exchange> calls(String path) {
        MockEndpoint xero = routes.mock("https:");
        return xero.getReceivedExchanges().stream().filter(call -> RouteHarness.sentTo(call, xero).equals(XERO + path)).toList();
    }
}
