package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.schedule.SyncSchedule;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting by OAuth2 (authorisation code with PKCE) against the sandbox as Xero, MariaDB as the
 * state store: the whole dance with two organisations to choose from, refreshes that two nodes
 * (and two threads of each) never do twice, and a refresh token Xero stopped taking, which stops
 * the syncs with a reason and one alert until an operator reconnects.
 */
@TestPropertySource(properties = {
        "fieldsync.xero.grant=authorization_code",
        "fieldsync.xero.token-key=" + XeroOAuthIT.TOKEN_KEY})
class XeroOAuthIT extends MariaDbIntegrationTest {

    static final String TOKEN_KEY = "q83vEjRWeJC8m3wH1kLr7m2c2Zq0u1xX9t9b0QmV3yA=";
    private static final String CALLBACK = "http://localhost:8080/api/xero/callback";

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    XeroTokens tokens;

    @Autowired
    XeroSettings settings;

    @Autowired
    XeroAuthorisations authorisations;

    @Autowired
    TokenCipher cipher;

    @Autowired
    XeroConnection connection;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void notConnectedYet() throws Exception {
        OAuthDance.notConnectedYet(sourceDataSource, state, sandbox, connection);
        runtimeSettings.reloadIfChanged();
        quartz.unscheduleJob(SyncSchedule.POSTPONED);
    }

    @Test
    void theOperatorAuthorisesChoosesOneOfTwoOrganisationsSyncsAndDisconnects() throws Exception {
        assertThat(asViewer().getForObject("/api/xero/connection", Map.class)).containsEntry("status", "NOT_CONNECTED");

        HttpResponse<String> connect = operatorGet("/api/xero/connect");
        assertThat(connect.statusCode()).isEqualTo(302);
        String authorize = connect.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(sandbox.authorizeUrl() + "?");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", sandbox.settings().clientId())
                .containsEntry("redirect_uri", CALLBACK).containsEntry("code_challenge_method", "S256");
        assertThat(asked.get("scope").split(" ")).contains("offline_access", "accounting.contacts", "accounting.settings");
        assertThat(asked.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(asked.get("code_challenge")).hasSize(43);
        assertThat(state.queryForObject("select code_verifier from xero_authorisation_request", String.class))
                .as("the PKCE verifier is kept encrypted").startsWith("v1:");

        String callback = consent(authorize);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as("the callback needs no login: " + back.body()).isEqualTo(200);
        JsonNode choose = json.readTree(back.body());
        assertThat(choose.path("status").asText()).isEqualTo("CHOOSE_ORGANISATION");
        assertThat(choose.path("organisations")).hasSize(2);

        HttpResponse<String> replay = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as("a state works once").isEqualTo(400);
        assertThat(replay.body()).contains("Unknown, used or expired state");

        List<Map<String, Object>> listed = asViewer().getForObject("/api/xero/connections", List.class);
        assertThat(listed).extracting(o -> o.get("tenantId"))
                .containsExactlyInAnyOrder(sandbox.tenantId(), XeroSandbox.secondTenantId());
        assertThat(listed).extracting(o -> o.get("chosen")).containsOnly(false);
        assertThat(asOperator().postForEntity("/api/syncs", null, Map.class).getStatusCode())
                .as("no organisation chosen, no sync").isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(asViewer().postForEntity("/api/xero/connections/" + sandbox.tenantId() + "/select", null, Map.class)
                .getStatusCode()).as("choosing is an operator's").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> chosen = asOperator().postForEntity("/api/xero/connections/" + sandbox.tenantId() + "/select", null, Map.class);
        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chosen.getBody()).containsEntry("status", "CONNECTED").containsKey("accessTokenExpiresAt");
        assertThat((Map<String, Object>) chosen.getBody().get("organisation"))
                .containsEntry("tenantId", sandbox.tenantId()).containsEntry("name", "FieldSync Demo Company (AU)");
        assertThat(chosen.getBody().toString()).doesNotContain(storedRefreshToken()).doesNotContain(tokens.accessToken());

        String sealed = state.queryForObject("select refresh_token from xero_authorisation", String.class);
        assertThat(sealed).as("encrypted at rest").startsWith("v1:").doesNotContain(storedRefreshToken());
        assertThat(sandbox.isValidRefreshToken(storedRefreshToken())).isTrue();

        Map<String, Object> run = syncToEnd();
        assertThat(run.get("status")).as(String.valueOf(run.get("message"))).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        assertThat(sandbox.documents("Contacts")).isNotEmpty();

        String second = sandbox.userConnectionIds().get(1);
        assertThat(asOperator().exchange("/api/xero/connections/" + XeroSandbox.secondTenantId(), HttpMethod.DELETE,
                HttpEntity.EMPTY, Map.class).getBody()).containsEntry("status", "CONNECTED");
        assertThat(sandbox.userConnectionIds()).as("disconnected at Xero").doesNotContain(second).hasSize(1);

        ResponseEntity<Map> gone = asOperator().exchange("/api/xero/connections/" + sandbox.userConnectionIds().get(0),
                HttpMethod.DELETE, HttpEntity.EMPTY, Map.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(gone.getBody()).containsEntry("status", "NOT_CONNECTED");
        assertThat(sandbox.userConnectionIds()).isEmpty();
        assertThat(state.queryForObject("select count(*) from xero_authorisation where refresh_token is not null"
                + " or access_token is not null", Integer.class)).as("tokens forgotten").isZero();
        ResponseEntity<Map> refused = asOperator().postForEntity("/api/syncs", null, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat((String) refused.getBody().get("error")).contains("not connected to Xero");
    }

    @Test
    void oneOrganisationIsChosenAtOnceAndAReconnectKeepsTheChoice() throws Exception {
        connectTo(sandbox.tenantId());
        state.update("update xero_tenant set connection_id = null");
        // a reconnect: Xero lists both again, the organisation chosen before stays chosen
        String callback = consent(authorizeUrl());
        JsonNode status = json.readTree(browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(status.path("organisation").path("tenantId").asText()).isEqualTo(sandbox.tenantId());
    }

    @Test
    void aCallbackWithAStateNeverIssuedOrADeclinedConsentIsRefused() throws Exception {
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/xero/callback?code=stolen&state=made-up")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json.readTree(forged.body()).path("error").asText()).contains("Unknown, used or expired state");

        String state = query(authorizeUrl()).get("state");
        HttpResponse<String> declined = browser.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/xero/callback?error=access_denied&state=" + state)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declined.statusCode()).isEqualTo(400);
        assertThat(declined.body()).contains("access_denied");
        assertThat(asViewer().getForObject("/api/xero/connection", Map.class)).containsEntry("status", "NOT_CONNECTED");
    }

    @Test
    void twoNodesAndTwoThreadsOfEachRefreshOnceAndShareTheOneValidToken() throws Exception {
        connectTo(sandbox.tenantId());
        expireStoredAccessToken();
        long refreshesBefore = sandbox.tokenRequests("refresh_token");
        // the refresh takes a while, so every caller arrives while the first holds the lock
        sandbox.faults().on("POST", "^/connect/token$").delay(Duration.ofMillis(700));
        XeroTokens otherNode = new XeroTokens(settings, HttpClient.newHttpClient(), new ObjectMapper(), Clock.systemUTC(),
                new AuthorisedTokens(new XeroAuthorisations(state, cipher, settings),
                        new XeroIdentity(settings, HttpClient.newHttpClient(), new ObjectMapper()), transaction, events));

        List<XeroTokens> callers = List.of(tokens, tokens, otherNode, otherNode);
        CyclicBarrier together = new CyclicBarrier(callers.size());
        ExecutorService threads = Executors.newFixedThreadPool(callers.size());
        List<Future<String>> answers = new ArrayList<>();
        for (XeroTokens node : callers) {
            answers.add(threads.submit((Callable<String>) () -> {
                together.await(10, TimeUnit.SECONDS);
                return node.accessToken();
            }));
        }
        List<String> accessTokens = new ArrayList<>();
        for (Future<String> answer : answers) {
            accessTokens.add(answer.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(sandbox.tokenRequests("refresh_token") - refreshesBefore).as("refresh calls").isEqualTo(1);
        assertThat(accessTokens).as("every caller got the one new token").containsOnly(accessTokens.get(0));
        assertThat(sandbox.validRefreshTokens()).as("valid refresh tokens at Xero").isEqualTo(1);
        assertThat(sandbox.isValidRefreshToken(storedRefreshToken())).as("the stored one is the valid one").isTrue();
        HttpResponse<String> organisation = browser.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/Organisation"))
                .header("Authorization", "Bearer " + accessTokens.get(0)).header("xero-tenant-id", sandbox.tenantId())
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(organisation.statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedRefreshTokenStopsTheSyncsWithTheReasonAndOneAlertUntilReconnected() throws Exception {
        connectTo(sandbox.tenantId());
        sandbox.revokeRefreshTokens();
        sandbox.expireAccessTokens();
        expireStoredAccessToken();

        Map<String, Object> first = syncToEnd();
        assertThat(first).containsEntry("status", "FAILED");
        assertThat((String) first.get("message")).contains("reconnect needed").contains("invalid_grant")
                .contains("/api/xero/connect");
        Map<String, Object> status = asViewer().getForObject("/api/xero/connection", Map.class);
        assertThat(status).containsEntry("status", "RECONNECT_NEEDED").containsEntry("connect", "/api/xero/connect");
        assertThat((String) status.get("message")).contains("invalid_grant");
        long refreshes = sandbox.tokenRequests("refresh_token");
        long apiCalls = sandbox.apiCalls();

        Map<String, Object> second = syncToEnd();
        assertThat(second).containsEntry("status", "FAILED");
        assertThat((String) second.get("message")).as("fails at once, naming the cause").contains("reconnect needed");
        assertThat(sandbox.tokenRequests("refresh_token")).as("no refresh tried again: no loop").isEqualTo(refreshes);
        assertThat(sandbox.apiCalls()).as("no call reached Xero's API").isEqualTo(apiCalls);
        assertThat(state.queryForList("select condition_key from alert_outbox where kind = 'ALERT'", String.class))
                .as("one alert while it lasts").containsExactly("reconnect-needed");

        connectTo(sandbox.tenantId());
        assertThat(asViewer().getForObject("/api/xero/connection", Map.class)).containsEntry("status", "CONNECTED");
        assertThat(state.queryForObject("select count(*) from alert_condition where condition_key = 'reconnect-needed'",
                Integer.class)).as("a reconnect clears the condition").isZero();
        Map<String, Object> after = syncToEnd();
        assertThat(after.get("status")).as(String.valueOf(after.get("message"))).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
    }

    @Test
    void anAccessTokenXeroRefusesBeforeItsTimeIsRefreshedAtOnceAndARevokedAppIsFoundOutInTheSameRun() throws Exception {
        connectTo(sandbox.tenantId());
        sandbox.revokeRefreshTokens(); // the user removed FieldSync in Xero: its tokens stop working
        sandbox.expireAccessTokens();

        Map<String, Object> first = syncToEnd();
        assertThat(first).containsEntry("status", "FAILED");
        assertThat((String) first.get("message")).as("the 401 is answered by a refresh, which Xero refuses")
                .contains("reconnect needed").contains("invalid_grant");
        assertThat(asViewer().getForObject("/api/xero/connection", Map.class)).containsEntry("status", "RECONNECT_NEEDED");
    }

    /** The dance, choosing {@code tenantId} when Xero lists several. */
    private void connectTo(String tenantId) throws Exception {
        String callback = consent(authorizeUrl());
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        if (!"CONNECTED".equals(json.readTree(back.body()).path("status").asText())) {
            assertThat(asOperator().postForEntity("/api/xero/connections/" + tenantId + "/select", null, Map.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    private String authorizeUrl() throws Exception {
        Map<String, Object> answer = asOperator().getForObject("/api/xero/connect?redirect=false", Map.class);
        return (String) answer.get("authorizeUrl");
    }

    /** The browser at Xero's consent page (the sandbox says yes): Xero's redirect, pointed at this test's port. */
    private String consent(String authorizeUrl) throws Exception {
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(302);
        String location = consent.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=");
        return location.replace("http://localhost:8080", "http://127.0.0.1:" + port);
    }

    private HttpResponse<String> operatorGet(String path) throws Exception {
        String login = Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + login).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String storedRefreshToken() {
        return authorisations.refreshToken(authorisations.find().orElseThrow());
    }

    private void expireStoredAccessToken() {
        state.update("update xero_authorisation set access_expires_at = ?", Timestamp.from(Instant.now().minusSeconds(60)));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
