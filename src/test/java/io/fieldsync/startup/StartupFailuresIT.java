package io.fieldsync.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.fieldsync.FieldSyncApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Settings an operator can get wrong stop start-up with one line saying what to fix. Each case
 * starts the real application (embedded databases, small demo data) with one thing broken.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresIT {

    @TempDir
    Path folder;

    @Test
    void noFieldServiceDatabaseOutsideTheDemoSaysWhatToSet(CapturedOutput output) {
        String reason = failToStartWithoutDemo(output);

        assertThat(reason).contains("no field-service database configured").contains("fieldsync.source.url")
                .contains("FIELDSYNC_SOURCE_URL").contains("mvn spring-boot:run");
    }

    @Test
    void unreachableFieldServiceDatabaseNamesTheSetting(CapturedOutput output) {
        String reason = failToStart(output, "--fieldsync.source.url=jdbc:mysql://127.0.0.1:1/fieldservice",
                "--fieldsync.source.username=sync");

        assertThat(reason).contains("fieldsync.source.url=jdbc:mysql://127.0.0.1:1/fieldservice cannot be used")
                .contains("Connection refused");
    }

    @Test
    void malformedStateStoreUrlNamesTheSetting(CapturedOutput output) {
        String reason = failToStart(output, "--spring.datasource.url=jdbc:mysq://localhost/state");

        assertThat(reason).contains("spring.datasource.url=jdbc:mysq://localhost/state cannot be used");
    }

    @Test
    void databasePasswordNeverAppearsInTheMessage(CapturedOutput output) {
        String reason = failToStart(output, "--fieldsync.source.url=jdbc:mysql://127.0.0.1:1/fsm?password=hunter2");

        assertThat(reason).contains("password=***");
        assertThat(output.getAll()).doesNotContain("hunter2");
    }

    @Test
    void missingRouteFileNamesTheRouteThatNeedsIt(CapturedOutput output) throws IOException {
        Path routes = copyOfShippedRoutes();
        Files.delete(routes.resolve("deliver-to-xero.camel.yaml"));

        String reason = failToStart(output, "--fieldsync.routes-location=file:" + routes);

        assertThat(reason).contains("push-to-xero.camel.yaml: route send-batch")
                .contains("sends to direct:deliver-to-xero but no route consumes it");
    }

    @Test
    void aRouteCallingABeanMethodWithArgumentsItDoesNotTakeIsNamedWithItsFile(CapturedOutput output) throws IOException {
        // Camel itself refuses a method name a bean lacks; how many arguments a route passes it checks only when called
        Path routes = copyOfShippedRoutes();
        Path template = routes.resolve("push-to-xero.camel.yaml");
        Files.writeString(template, Files.readString(template)
                .replace("method: attempting(${exchangeProperty.entity}, ${exchangeProperty.syncRunId}, ${exchangeProperty.batch})",
                        "method: attempting(${exchangeProperty.entity}, ${exchangeProperty.batch})"));

        String reason = failToStart(output, "--fieldsync.routes-location=file:" + routes);

        assertThat(reason).contains("push-to-xero.camel.yaml: route send-batch calls recordOutcomes.attempting with 2 arguments; recordOutcomes takes [3]");
    }

    @Test
    void emptyRoutesFolderIsRefused(CapturedOutput output) throws IOException {
        Path routes = Files.createDirectory(folder.resolve("empty-routes"));

        String reason = failToStart(output, "--fieldsync.routes-location=file:" + routes);

        assertThat(reason).contains("no routes were loaded from file:" + routes);
    }

    @Test
    void brokenRouteFileIsNamedWithItsProblem(CapturedOutput output) throws IOException {
        Path routes = copyOfShippedRoutes();
        Files.writeString(routes.resolve("sync-run.camel.yaml"), """
                - route:
                    id: sync-run
                    from:
                      uri: direct:sync-run
                      steps:
                        - tooo: direct:push-contacts
                """);

        String reason = failToStart(output, "--fieldsync.routes-location=file:" + routes);

        assertThat(reason).contains("sync-run.camel.yaml").contains("tooo");
    }

    @Test
    void invalidMappingTemplateIsNamedWithItsLine(CapturedOutput output) throws IOException {
        Path mappings = Files.createDirectory(folder.resolve("mappings"));
        Files.writeString(mappings.resolve("contact.to-xero.jsonata"), "{\n  \"Name\": company_name,\n  \"X\": (\n}");

        String reason = failToStart(output, "--fieldsync.mappings-location=file:" + mappings);

        assertThat(reason).contains("contact.to-xero.jsonata is not valid JSONata at line 4");
    }

    /** Starts the demo (small data), expects it to fail, and returns the one-line reason it printed. */
    private String failToStart(CapturedOutput output, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--fieldsync.demo.enabled=true", "--fieldsync.demo.customers=3",
                "--fieldsync.demo.invoices=5", "--fieldsync.demo.purchase-orders=2"));
        args.addAll(List.of(settings));
        return reasonItFailed(output, args);
    }

    /** As production starts: no demo asked for. */
    private String failToStartWithoutDemo(CapturedOutput output, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(List.of(settings));
        return reasonItFailed(output, args);
    }

    private String reasonItFailed(CapturedOutput output, List<String> args) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(FieldSyncApplication.class)
                .run(args.toArray(String[]::new)).close()).isNotNull();

        List<String> reasons = output.getAll().lines().filter(line -> line.startsWith("FieldSync cannot start: ")).toList();
        assertThat(reasons).as("one line saying what to fix").hasSize(1);
        assertThat(output.getAll()).as("no stack trace").doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
        return reasons.get(0);
    }

    private Path copyOfShippedRoutes() throws IOException {
        Path copy = Files.createDirectory(folder.resolve("routes"));
        try (Stream<Path> shipped = Files.list(Path.of("routes"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
