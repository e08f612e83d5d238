package io.fieldsync.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.fieldsync.testing.ScriptedOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.demo.SampleData;
import io.fieldsync.demo.SampleDataSize;
import io.fieldsync.sandbox.SandboxSettings;
import io.fieldsync.sandbox.XeroSandbox;
import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/fieldsync.jar}, production: started from an unrelated directory on
 * MariaDB and a Xero (this JVM's sandbox), it runs on the routes and mappings it carries: healthy,
 * logged in, and a sync runs to its end. It carries nothing of the demo or the sandbox (no WireMock,
 * contract validator or H2 either); asked for the demo, or with no field-service database or no
 * state store configured, it refuses to start with one line; its settings are read from
 * {@code config/application.yml} in the directory it is started from. The demo: {@code DemoIT}.
 */
class PackagedJarIT {

    private static final String PASSWORD = "jar-test-secret";

    @TempDir
    Path elsewhere;

    private ConnectorProcess connector;
    private final ScriptedOperator operator = new ScriptedOperator(PASSWORD);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws InterruptedException {
        if (connector != null) {
            connector.close();
        }
    }

    /** What must stay out of the production jar: classes (in its own classes or any library's) and files. */
    private static final List<String> DEMO_ONLY = List.of(
            "io/fieldsync/demo/", "io/fieldsync/sandbox/",          // the demo and the Xero sandbox
            "com/github/tomakehurst/wiremock/", "org/wiremock/",    // WireMock
            "com/atlassian/oai/validator/",                         // the contract validator
            "org/h2/",                                              // H2
            "BOOT-INF/classes/sandbox/", "BOOT-INF/classes/xero/",  // the sandbox's seed files and Xero's contract
            "BOOT-INF/classes/application-demo.yml");

    @Test
    void jarCarriesNothingOfTheDemoTheSandboxWireMockTheContractValidatorOrH2() throws IOException {
        List<String> found = new ArrayList<>();
        int libraries = 0;
        try (JarFile jar = new JarFile(Path.of("target/fieldsync.jar").toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                demoOnly("", entry.getName(), found);
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    libraries++;
                    try (InputStream bytes = jar.getInputStream(entry); JarInputStream library = new JarInputStream(bytes)) {
                        for (JarEntry inner = library.getNextJarEntry(); inner != null; inner = library.getNextJarEntry()) {
                            demoOnly(entry.getName() + "!/", inner.getName(), found);
                        }
                    }
                }
            }
        }
        assertThat(libraries).as("libraries looked into").isGreaterThan(100);
        assertThat(found).as("demo-only classes and files in target/fieldsync.jar").isEmpty();
    }

    private static void demoOnly(String in, String name, List<String> found) {
        String path = name.startsWith("BOOT-INF/classes/") && name.endsWith(".class") ? name.substring("BOOT-INF/classes/".length()) : name;
        if (DEMO_ONLY.stream().anyMatch(path::startsWith)
                || name.matches("BOOT-INF/lib/(h2|wiremock|swagger-request-validator)[^/]*\\.jar")) {
            found.add(in + name);
        }
    }

    @Test
    void jarSyncsOnMariaDbFromAnyDirectoryWithItsShippedRoutesAndMappings() throws Exception {
        String state = IntegrationTestDatabases.database("jar_state");
        String source = IntegrationTestDatabases.database("jar_source");
        MariaDb.recreate(state);
        MariaDb.recreate(source);
        try (HikariDataSource fsm = new HikariDataSource()) {
            fsm.setJdbcUrl(MariaDb.url(source));
            fsm.setUsername(MariaDb.USERNAME);
            fsm.setPassword(MariaDb.PASSWORD);
            FieldServiceSchema.create(fsm);
            new SampleData(new SampleDataSize(10, 20, 3)).writeTo(fsm);
        }
        try (XeroSandbox xero = new XeroSandbox(SandboxSettings.defaults())) {
            xero.start();
            connector = ConnectorProcess.start(elsewhere, List.of(
                    "--spring.datasource.url=" + MariaDb.url(state),
                    "--spring.datasource.username=" + MariaDb.USERNAME,
                    "--spring.datasource.password=" + MariaDb.PASSWORD,
                    "--fieldsync.source.url=" + MariaDb.url(source),
                    "--fieldsync.source.username=" + MariaDb.USERNAME,
                    "--fieldsync.source.password=" + MariaDb.PASSWORD,
                    "--fieldsync.xero.client-id=" + xero.settings().clientId(),
                    "--fieldsync.xero.client-secret=" + xero.settings().clientSecret(),
                    "--fieldsync.xero.api-url=" + xero.apiUrl(),
                    "--fieldsync.xero.identity-url=" + xero.identityUrl(),
                    "--fieldsync.xero.connections-url=" + xero.connectionsUrl(),
                    "--spring.security.user.password=" + PASSWORD));
            String base = connector.baseUrl();

            JsonNode first = awaitFinished(base, startSync(base));
            assertThat(first.path("requestedBy").asText()).isEqualTo("operator");
            assertThat(first.path("status").asText()).isIn("SUCCEEDED", "COMPLETED_WITH_ERRORS");
            assertThat(first.path("counts").path("contact").path("synced").asInt()).isPositive();

            JsonNode second = awaitFinished(base, startSync(base));
            assertThat(second.path("status").asText()).isEqualTo("SUCCEEDED");
            // nothing changed since the first sync: nothing is sent again
            assertThat(second.path("counts").path("contact").path("synced").asInt()).isZero();
            assertThat(connector.log()).containsPattern("Compiled \\d+ mapping templates from classpath:mappings/");
            assertThat(connector.log()).doesNotContain("FIELDSYNC DEMO");
            // the jar logs through the masking layout: neither the Xero app's client secret nor the operator's password
            assertThat(connector.log()).doesNotContain(xero.settings().clientSecret()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void jarAskedForTheDemoRefusesToStartWithOneLine() throws Exception {
        ConnectorProcess.Exit exit = ConnectorProcess.runToExit(elsewhere, List.of("--spring.profiles.active=demo"));

        assertThat(exit.code()).as(exit.log()).isNotZero();
        assertThat(exit.log().lines().filter(line -> line.startsWith("FieldSync cannot start: ")))
                .singleElement().asString().contains("set fieldsync.source.url").contains("mvn spring-boot:run");
        assertThat(exit.log()).doesNotContain("FIELDSYNC DEMO");
    }

    @Test
    void jarWithoutAStateStoreRefusesToStartWithOneLine() throws Exception {
        String source = IntegrationTestDatabases.database("jar_no_state_source");
        MariaDb.recreate(source);
        ConnectorProcess.Exit exit = ConnectorProcess.runToExit(elsewhere, List.of(
                "--fieldsync.source.url=" + MariaDb.url(source),
                "--fieldsync.source.username=" + MariaDb.USERNAME,
                "--fieldsync.source.password=" + MariaDb.PASSWORD));

        assertThat(exit.code()).as(exit.log()).isNotZero();
        assertThat(exit.log().lines().filter(line -> line.startsWith("FieldSync cannot start: ")))
                .singleElement().asString().contains("set spring.datasource.url");
    }

    private long startSync(String base) throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + "/api/syncs"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        return json.readTree(started.body()).path("id").asLong();
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
        String state = IntegrationTestDatabases.database("jar_config_state");
        MariaDb.recreate(database);
        MariaDb.recreate(state);
        Files.createDirectory(elsewhere.resolve("config"));
        Files.writeString(elsewhere.resolve("config/application.yml"), """
                fieldsync:
                  source:
                    url: %s
                    username: %s
                    password: "%s"
                spring:
                  datasource:
                    url: %s
                    username: %s
                    password: "%s"
                  security:
                    user:
                      password: %s
                """.formatted(MariaDb.url(database), MariaDb.USERNAME, MariaDb.PASSWORD,
                MariaDb.url(state), MariaDb.USERNAME, MariaDb.PASSWORD, PASSWORD));

        connector = ConnectorProcess.start(elsewhere, List.of());

        HttpResponse<String> syncs = send(HttpRequest.newBuilder(URI.create(connector.baseUrl() + "/api/syncs")).GET());
        assertThat(syncs.statusCode()).as("the operator password from config/application.yml").isEqualTo(200);
        assertThat(connector.log()).doesNotContain("FIELDSYNC DEMO");
    }

    private JsonNode awaitFinished(String base, long runId) throws Exception {
        return operator.awaitFinished(base, runId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return operator.send(request);
    }
}
