package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fieldsync.security.CrossSiteRequests;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Another site's page the operator visits, while the browser holds their Basic login, cannot
 * change anything: neither a form POST nor a fetch (both carry the credentials, neither can carry
 * FieldSync's header without a CORS preflight FieldSync refuses). Scripts with the header work.
 */
class CrossSiteRequestsIT extends MariaDbIntegrationTest {

    private static final String ATTACKER = "https://attacker.example";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void everyStateChangingEndpointRefusesACrossSiteFormPostAndFetch() {
        List<Call> calls = stateChangingCalls();
        assertThat(calls).as("state-changing endpoints found")
                .anySatisfy(c -> assertThat(c.path()).isEqualTo("/api/syncs"))
                .anySatisfy(c -> assertThat(c.path()).isEqualTo("/api/matching/items/remove-unmatched"))
                .anySatisfy(c -> assertThat(c.path()).isEqualTo("/api/xero/connections/other-tenant/select"))
                .anySatisfy(c -> assertThat(c.path()).isEqualTo("/api/settings"));

        for (Call call : calls) {
            if (call.method() == HttpMethod.POST) {
                ResponseEntity<String> form = http.exchange(call.path(), HttpMethod.POST,
                        new HttpEntity<>("confirm=true&dryRun=false", crossSite("application/x-www-form-urlencoded", "navigate")), String.class);
                assertThat(form.getStatusCode()).as("form POST to %s", call.path()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(form.getBody()).as("form POST to %s", call.path()).contains(CrossSiteRequests.HEADER);
            }
            // fetch(url, {method, credentials: "include", mode: "no-cors", body}) with a text body: no preflight
            ResponseEntity<String> fetch = http.exchange(call.path() + "?confirm=true", call.method(),
                    new HttpEntity<>("{}", crossSite("text/plain", "no-cors")), String.class);
            assertThat(fetch.getStatusCode()).as("fetch %s %s", call.method(), call.path()).isEqualTo(HttpStatus.FORBIDDEN);
        }

        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).as("runs started").isZero();
        assertThat(state.queryForObject("select count(*) from settings_change", Integer.class)).as("settings changed").isZero();
        assertThat(state.queryForObject("select count(*) from record_status", Integer.class)).as("records marked").isZero();
    }

    @Test
    void aScriptWithTheHeaderStartsASync() {
        ResponseEntity<Map> started = asOperator().postForEntity("/api/syncs", null, Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitEnd(((Number) started.getBody().get("id")).longValue());
    }

    @Test
    void theHeaderFromAnotherSiteIsRefusedToo() {
        // a browser sends it cross-site only after a CORS preflight FieldSync does not grant; were it sent, it still fails
        HttpHeaders headers = crossSite("application/json", "cors");
        headers.set(CrossSiteRequests.HEADER, CrossSiteRequests.VALUE);

        ResponseEntity<String> answer = http.exchange("/api/syncs", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).isZero();
    }

    @Test
    void aCorsPreflightFromAnotherSiteIsNotGranted() {
        HttpHeaders preflight = new HttpHeaders();
        preflight.setOrigin(ATTACKER);
        preflight.set("Access-Control-Request-Method", "POST");
        preflight.set("Access-Control-Request-Headers", CrossSiteRequests.HEADER.toLowerCase());

        ResponseEntity<String> answer = http.exchange("/api/syncs", HttpMethod.OPTIONS, new HttpEntity<>(preflight), String.class);

        assertThat(answer.getHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(answer.getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    void hawtiosJolokiaPostsCarryTheCsrfTokenItReadsFromItsCookie() {
        // Hawtio's Jolokia client sends the XSRF-TOKEN cookie's value as X-XSRF-TOKEN
        ResponseEntity<String> console = http.exchange("/actuator/hawtio/", HttpMethod.GET,
                new HttpEntity<>(basicLogin()), String.class);
        assertThat(console.getStatusCode()).isEqualTo(HttpStatus.OK);
        String cookie = console.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));

        HttpHeaders hawtio = basicLogin();
        hawtio.set(HttpHeaders.CONTENT_TYPE, "application/json");
        hawtio.set(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token);
        hawtio.set("X-XSRF-TOKEN", token);
        ResponseEntity<Map> version = http.exchange("/actuator/hawtio/jolokia", HttpMethod.POST,
                new HttpEntity<>(Map.of("type", "version"), hawtio), Map.class);
        assertThat(version.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(version.getBody()).containsEntry("status", 200);

        HttpHeaders noToken = basicLogin();
        noToken.set(HttpHeaders.CONTENT_TYPE, "application/json");
        noToken.set(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token);
        assertThat(http.exchange("/actuator/hawtio/jolokia", HttpMethod.POST,
                new HttpEntity<>(Map.of("type", "version"), noToken), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Every non-GET operator API call (but Xero's signed webhook), with sample path values, and the actuator's writes. */
    private List<Call> stateChangingCalls() {
        List<Call> calls = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.equals("/api/xero/webhooks")) {
                    continue;
                }
                for (RequestMethod verb : methods) {
                    if (verb != RequestMethod.GET && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS) {
                        calls.add(new Call(HttpMethod.valueOf(verb.name()), sample(pattern)));
                    }
                }
            }
        });
        calls.add(new Call(HttpMethod.POST, "/actuator/jolokia"));
        calls.add(new Call(HttpMethod.POST, "/actuator/hawtio/jolokia"));
        calls.add(new Call(HttpMethod.POST, "/actuator/camelroutes/sync-run/stop"));
        return calls;
    }

    private static String sample(String pattern) {
        return pattern.replace("{entity}", "contact").replace("{kind}", "items").replace("{tenantId}", "other-tenant")
                .replaceAll("\\{[^}]*\\}", "1");
    }

    private HttpHeaders crossSite(String contentType, String mode) {
        HttpHeaders headers = basicLogin();
        headers.setOrigin(ATTACKER);
        headers.set("Referer", ATTACKER + "/cute-cats.html");
        headers.set("Sec-Fetch-Site", "cross-site");
        headers.set("Sec-Fetch-Mode", mode);
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return headers;
    }

    /** The credentials a browser resends by itself once the operator logged in. */
    private static HttpHeaders basicLogin() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private record Call(HttpMethod method, String path) {
    }
}
