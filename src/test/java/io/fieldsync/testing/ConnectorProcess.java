package io.fieldsync.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Another instance of the connector in its own JVM ({@code java -jar target/fieldsync.jar}), as
 * a second node or a process to kill. Its output goes to a log file the failures quote.
 */
public final class ConnectorProcess implements AutoCloseable {

    /** A JVM's start on a busy two-core build machine, several at once, can take well over a minute. */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private ConnectorProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** A test's node runs briefly: the quick compiler alone starts it far sooner on a busy machine. */
    private static final List<String> TEST_NODE_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    /** Starts the packaged jar with these {@code --name=value} arguments on a free port and waits until it is healthy. */
    public static ConnectorProcess start(Path workDir, List<String> arguments) throws Exception {
        return start(workDir, TEST_NODE_JVM, arguments);
    }

    /** The same, in a JVM with these options instead of a test node's (a benchmark runs the JVM as a user does). */
    public static ConnectorProcess start(Path workDir, List<String> jvmOptions, List<String> arguments) throws Exception {
        ConnectorProcess connector = launch(workDir, jvmOptions, jar(), arguments);
        connector.awaitHealthy();
        return connector;
    }

    /**
     * The demo as {@code mvn spring-boot:run} starts it: the application's main class on this JVM's
     * classpath (the test classpath, which holds src/demo and its test-scoped H2, WireMock and
     * contract validator), the profile {@code demo}, and these arguments; waits until it is healthy.
     */
    public static ConnectorProcess startDemo(Path workDir, List<String> arguments) throws Exception {
        List<String> demo = new ArrayList<>(List.of("--spring.profiles.active=demo"));
        demo.addAll(arguments);
        ConnectorProcess connector = launch(workDir, TEST_NODE_JVM,
                List.of("-cp", System.getProperty("java.class.path"), "io.fieldsync.FieldSyncApplication"), demo);
        connector.awaitHealthy();
        return connector;
    }

    /** What a start that is meant to fail ended with. */
    public record Exit(int code, String log) {
    }

    /** Starts the packaged jar in {@code workDir} and waits, at most {@link #STARTUP}, for it to stop by itself. */
    public static Exit runToExit(Path workDir, List<String> arguments) throws Exception {
        ConnectorProcess connector = launch(workDir, TEST_NODE_JVM, jar(), arguments);
        if (!connector.process.waitFor(STARTUP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            connector.close();
            throw new AssertionError("still running after " + STARTUP + "; log:\n" + connector.log());
        }
        return new Exit(connector.process.exitValue(), connector.log());
    }

    private static List<String> jar() {
        // another build's jar (a benchmark's "before") with -Dconnector.jar
        Path jar = Path.of(System.getProperty("connector.jar", "target/fieldsync.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after mvn package");
        }
        return List.of("-jar", jar.toString());
    }

    /** {@code what}: {@code -jar} and the jar, or {@code -cp}, a classpath and the main class. */
    private static ConnectorProcess launch(Path workDir, List<String> jvmOptions, List<String> what, List<String> arguments)
            throws IOException {
        int port = freePort();
        Path log = workDir.resolve("connector-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(what);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ConnectorProcess(process, log, port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Like kill -9: no shutdown hooks, nothing finished or cleaned up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the connector process stopped; log:\n" + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        close();
        throw new AssertionError("not healthy within " + STARTUP + "; log:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
