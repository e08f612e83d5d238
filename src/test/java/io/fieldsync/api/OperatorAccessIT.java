package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.security.CrossSiteRequests;
import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who may see what: health is open, everything else needs the operator login. */
class OperatorAccessIT extends MariaDbIntegrationTest {

    @Test
    void healthIsOpenAndUp() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
    }

    @Test
    void hawtioAndTheApiAnswer401WithoutLogin() {
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/jolokia/version", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/syncs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // with the header a script sends: the missing login is what is refused
        org.springframework.http.HttpHeaders script = new org.springframework.http.HttpHeaders();
        script.set(CrossSiteRequests.HEADER, CrossSiteRequests.VALUE);
        assertThat(http.exchange("/api/syncs", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(null, script), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(http.withBasicAuth(OPERATOR, "guess").getForEntity("/api/syncs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void hawtioOpensForTheOperator() {
        ResponseEntity<String> console = asOperator().getForEntity("/actuator/hawtio/", String.class);

        assertThat(console.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(console.getBody()).containsIgnoringCase("hawtio");
    }

    @Test
    void hawtioSeesEveryRouteWithItsStatistics() {
        // Hawtio's Camel view reads the route MBeans through Jolokia; this is the same call.
        Map<?, ?> search = asOperator().getForObject("/actuator/jolokia/search/org.apache.camel:type=routes,*", Map.class);
        @SuppressWarnings("unchecked")
        List<String> routes = (List<String>) search.get("value");
        assertThat(routes).anyMatch(name -> name.contains("name=\"sync-run\""))
                .anyMatch(name -> name.contains("name=\"push-contacts\""))
                .anyMatch(name -> name.contains("name=\"deliver-to-xero\""));

        @SuppressWarnings("unchecked")
        Map<String, Object> stats = asOperator().getForObject(
                "/actuator/jolokia/read/org.apache.camel:context=fieldsync,type=routes,name=\"sync-run\"/ExchangesTotal,State",
                Map.class);
        assertThat(stats.get("status")).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) stats.get("value");
        assertThat(value).containsEntry("State", "Started").containsKey("ExchangesTotal");
    }

    @Test
    void apiErrorsAreJsonWithoutStackTraces() {
        ResponseEntity<Map> missing = asOperator().getForEntity("/api/syncs/999999", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("error", "No sync 999999");

        ResponseEntity<Map> badEntity = asOperator().postForEntity("/api/syncs", Map.of("entities", List.of("widget")), Map.class);
        assertThat(badEntity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEntity.getBody()).containsEntry("field", "entities");
        assertThat(badEntity.getBody().get("error").toString()).contains("Unknown entity 'widget'");
    }
}
