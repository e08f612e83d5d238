package io.fieldsync.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.fieldsync.security.CrossSiteRequests;
import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import java.nio.file.Files;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/fieldsync.jar} started from an unrelated directory runs the demo, when
 * asked for, on the routes and mappings it carries: healthy, logged in, and a sync runs to its end.
 * Not asked for and with no field-service database configured it refuses to start; its settings
 * are read from {@code config/application.yml} in the directory it is started from.
 */
class PackagedJarIT {

    private static final String PASSWORD = "jar-test-secret";

    @TempDir
    Path elsewhere;

    private ConnectorProcess connector;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws InterruptedException {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void jarRunsTheDemoFromAnyDirectoryWithItsShippedRoutesAndMappings() throws Exception {
        connector = ConnectorProcess.start(elsewhere, List.of("--spring.profiles.active=demo", "--spring.security.user.password=" + PASSWORD));
        String base = connector.baseUrl();

        // it says so: a banner in the log and a health component
        assertThat(connector.log()).contains("FIELDSYNC DEMO: not connected to your field-service database");
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
        assertThat(connector.log()).containsPattern("Compiled \\d+ mapping templates from classpath:mappings/");
        // the jar logs through the masking layout too: neither the sandbox's client secret nor the operator's password
        assertThat(connector.log()).doesNotContain("sandbox-secret").doesNotContain(PASSWORD);
    }

    @Test
    void jarWithoutAFieldServiceDatabaseRefusesToStartWithOneLine() throws Exception {
        ConnectorProcess.Exit exit = ConnectorProcess.runToExit(elsewhere, List.of());

        assertThat(exit.code()).as(exit.log()).isNotZero();
        assertThat(exit.log().lines().filter(line -> line.startsWith("FieldSync cannot start: ")))
                .singleElement().asString().contains("set fieldsync.source.url");
        assertThat(exit.log()).doesNotContain("FIELDSYNC DEMO").doesNotContain("operator login for this run");
    }

    @Test
    void jarReadsConfigApplicationYmlInTheDirectoryItIsStartedFrom() throws Exception {
        String database = IntegrationTestDatabases.database("jar_config_source");
        MariaDb.recreate(database);
        Files.createDirectory(elsewhere.resolve("config"));
        Files.writeString(elsewhere.resolve("config/application.yml"), """
                fieldsync:
                  source:
                    url: %s
                    username: %s
                    password: "%s"
                  demo:
                    sync-at-start: false
                spring:
                  security:
                    user:
                      password: %s
                """.formatted(MariaDb.url(database), MariaDb.USERNAME, MariaDb.PASSWORD, PASSWORD));

        connector = ConnectorProcess.start(elsewhere, List.of());

        HttpResponse<String> syncs = send(HttpRequest.newBuilder(URI.create(connector.baseUrl() + "/api/syncs")).GET());
        assertThat(syncs.statusCode()).as("the operator password from config/application.yml").isEqualTo(200);
        assertThat(connector.log()).doesNotContain("FIELDSYNC DEMO");
    }

    private JsonNode awaitFinished(String base, long runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = json.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/syncs/" + runId)).GET()).body());
            String status = run.path("status").asText();
            if (!status.isEmpty() && !"RUNNING".equals(status)) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("sync " + runId + " still running after 60 s");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        String login = Base64.getEncoder().encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        // as a script: the login and the header that marks it as no other site's page
        return http.send(request.header("Authorization", "Basic " + login).header(CrossSiteRequests.HEADER, CrossSiteRequests.VALUE)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
