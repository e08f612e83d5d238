package io.fieldsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.ScriptedOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as {@code mvn spring-boot:run} starts it (the test classpath with src/demo, the profile
 * demo), in a JVM of its own started from an unrelated directory: it says it is the demo, syncs once
 * by itself against the in-process sandbox, and its log masks the sandbox's secret and the login.
 * The production jar has no demo ({@code PackagedJarIT}).
 */
class DemoIT {

    private static final String PASSWORD = "demo-test-secret";

    @TempDir
    Path elsewhere;

    private ConnectorProcess demo;
    private final ScriptedOperator operator = new ScriptedOperator(PASSWORD);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws InterruptedException {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void demoRunsEverythingEmbeddedAndSyncsOnceByItself() throws Exception {
        demo = ConnectorProcess.startDemo(elsewhere, List.of("--spring.security.user.password=" + PASSWORD));
        String base = demo.baseUrl();

        // it says so: a banner in the log and a health component
        assertThat(demo.log()).contains("FIELDSYNC DEMO: not connected to your field-service database");
        JsonNode health = json.readTree(send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET()).body());
        assertThat(health.path("components").path("demo").path("details").path("demo").asBoolean()).as("%s", health).isTrue();

        // the demo syncs once by itself as soon as it is up
        JsonNode demoRun = awaitFinished(base, 1);
        assertThat(demoRun.path("requestedBy").asText()).isEqualTo("demo");
        assertThat(demoRun.path("status").asText()).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
        int contacts = demoRun.path("counts").path("contact").path("synced").asInt();
        assertThat(contacts).isPositive();

        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + "/api/syncs"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode run = awaitFinished(base, json.readTree(started.body()).path("id").asLong());
        assertThat(run.path("requestedBy").asText()).isEqualTo("operator");
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        // nothing changed since the demo's own sync: nothing is sent again
        assertThat(run.path("counts").path("contact").path("synced").asInt()).isZero();
        assertThat(demo.log()).containsPattern("Compiled \\d+ mapping templates from classpath:mappings/");
        // the demo logs through the masking layout too: neither the sandbox's client secret nor the operator's password
        assertThat(demo.log()).doesNotContain("sandbox-secret").doesNotContain(PASSWORD);
    }

    private JsonNode awaitFinished(String base, long runId) throws Exception {
        return operator.awaitFinished(base, runId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return operator.send(request);
    }
}
