package io.fieldsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.fieldsync.testing.MariaDbIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Jolokia (and so Hawtio) reads every MBean but runs only the operations an operator needs:
 * FieldSync's start-sync and a route's start, stop, suspend and resume. Camel's context cannot be
 * made to send to any endpoint ({@code sql:}, {@code bean:environment}), and no MBean or actuator
 * endpoint gives away a configured secret.
 */
class JolokiaPolicyIT extends MariaDbIntegrationTest {

    private static final String CAMEL = "org.apache.camel:context=fieldsync,type=context,name=\"fieldsync\"";
    private static final String READ_SECRET = "bean:environment?method=getProperty('spring.security.user.password')";

    @BeforeEach
    void freshStart() {
        startFresh();
    }

    @Test
    void camelsContextSendsAndRequestsNothingForTheOperator() {
        for (Map<String, Object> exec : List.<Map<String, Object>>of(
                Map.of("type", "exec", "mbean", CAMEL, "operation", "sendBody(java.lang.String,java.lang.Object)",
                        "arguments", List.of("direct:sync-run", "")),
                Map.of("type", "exec", "mbean", CAMEL, "operation", "sendStringBody(java.lang.String,java.lang.String)",
                        "arguments", List.of("direct:sync-run", "")),
                Map.of("type", "exec", "mbean", CAMEL, "operation", "requestBody(java.lang.String,java.lang.Object)",
                        "arguments", List.of(READ_SECRET, "")),
                Map.of("type", "exec", "mbean", CAMEL, "operation", "requestStringBody(java.lang.String,java.lang.String)",
                        "arguments", List.of(READ_SECRET, "")),
                Map.of("type", "exec", "mbean", CAMEL, "operation", "createEndpoint(java.lang.String)",
                        "arguments", List.of("bean:environment")))) {
            Map<String, Object> answer = jolokia(exec);

            assertThat(answer).as("%s", exec.get("operation")).containsEntry("status", 403);
            assertThat(String.valueOf(answer)).doesNotContain(OPERATOR_PASSWORD);
        }
        assertThat(state.queryForObject("select count(*) from sync_run", Integer.class)).as("runs started").isZero();
    }

    @Test
    void anEndpointsOperationsAreRefusedBeanEndpointsIncluded() {
        List<String> endpoints = searchValues("org.apache.camel:context=fieldsync,type=endpoints,*");
        assertThat(endpoints).isNotEmpty();
        for (String endpoint : endpoints) {
            assertThat(jolokia(Map.of("type", "exec", "mbean", endpoint, "operation", "stop()"))).as(endpoint).containsEntry("status", 403);
        }
        // a bean: endpoint where one is registered, as the exploit would create it
        assertThat(jolokia(Map.of("type", "exec", "mbean",
                "org.apache.camel:context=fieldsync,type=endpoints,name=\"bean://environment\\?method=getProperty\"",
                "operation", "start()"))).containsEntry("status", 403);
    }

    @Test
    void routeStatisticsAreReadAndARouteIsSuspendedAndResumed() {
        String route = "org.apache.camel:context=fieldsync,type=routes,name=\"sync-watchdog\"";
        Map<String, Object> read = jolokia(Map.of("type", "read", "mbean", route, "attribute", List.of("ExchangesTotal", "State")));
        assertThat(read).containsEntry("status", 200);

        assertThat(jolokia(Map.of("type", "exec", "mbean", route, "operation", "suspend()"))).containsEntry("status", 200);
        assertThat(jolokia(Map.of("type", "exec", "mbean", route, "operation", "resume()"))).containsEntry("status", 200);
        assertThat(String.valueOf(jolokia(Map.of("type", "read", "mbean", route, "attribute", List.of("State"))).get("value")))
                .contains("State=Started");
    }

    @Test
    void nothingIsWrittenThroughJolokia() {
        Map<String, Object> write = jolokia(Map.of("type", "write", "mbean", "io.fieldsync:type=Syncs,name=control",
                "attribute", "RunningSyncId", "value", 1));
        assertThat(write).containsEntry("status", 403);
    }

    @Test
    void noMBeanOrActuatorEndpointGivesAwayASecret() {
        // the command line (sun.java.command) and -D settings are where secrets passed as arguments live
        assertThat(jolokia(Map.of("type", "read", "mbean", "java.lang:type=Runtime", "attribute", "SystemProperties")))
                .containsEntry("status", 403);
        assertThat(jolokia(Map.of("type", "read", "mbean", "java.lang:type=Runtime", "attribute", "InputArguments")))
                .containsEntry("status", 403);
        for (String domain : List.of("io.fieldsync:*", "org.springframework.boot:*", "org.apache.camel:type=context,*",
                "org.apache.camel:type=services,*", "org.apache.camel:type=components,*", "com.zaxxer.hikari:*", "hawtio:*")) {
            ResponseEntity<String> read = asOperator().postForEntity("/actuator/jolokia", Map.of("type", "read", "mbean", domain), String.class);
            assertThat(read.getBody()).as(domain).doesNotContain(OPERATOR_PASSWORD).doesNotContain(VIEWER_PASSWORD)
                    .doesNotContain(sandbox.settings().clientSecret());
        }
        for (String endpoint : List.of("/actuator/env", "/actuator/env/spring.security.user.password", "/actuator/configprops",
                "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump", "/actuator/info", "/actuator/health")) {
            ResponseEntity<String> answer = asOperator().getForEntity(endpoint, String.class);
            assertThat(String.valueOf(answer.getBody())).as(endpoint).doesNotContain(OPERATOR_PASSWORD)
                    .doesNotContain(VIEWER_PASSWORD).doesNotContain(sandbox.settings().clientSecret());
        }
        assertThat(asOperator().getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asOperator().getForEntity("/actuator/configprops", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asOperator().getForEntity("/actuator/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jolokia(Map<String, Object> request) {
        ResponseEntity<Map> answer = asOperator().postForEntity("/actuator/jolokia", request, Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> searchValues(String pattern) {
        return (List<String>) jolokia(Map.of("type", "search", "mbean", pattern)).get("value");
    }
}
