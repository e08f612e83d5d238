package io.fieldsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fieldsync.sandbox.SandboxSettings;
import io.fieldsync.sandbox.XeroSandbox;

/**
 * The Xero sandbox in a JVM of its own, so that the benchmark's connector shares the two cores
 * with it as it would share them with nothing (Xero is elsewhere) but the sandbox's work is not
 * counted as the connector's. {@link #main} starts it and answers one line per command on stdin:
 * {@code calls} gives the API calls received so far; closing stdin stops it.
 */
final class XeroDoubleProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;
    private final String baseUrl;

    private XeroDoubleProcess(Process process) throws IOException {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        String ready = answers.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the Xero double did not start: " + ready);
        }
        this.baseUrl = ready.substring("READY ".length());
    }

    /**
     * Starts the double with Xero's limits as given (in flight, calls per window, window, calls a
     * day); {@code checkContract} false: the lean double, which does all the sandbox does but check
     * each request against Xero's OpenAPI contract (the tests do that; here it would cost the
     * connector's two cores more than the connector itself).
     */
    static XeroDoubleProcess start(Path workDir, String heap, int concurrent, int perWindow, Duration window, int perDay,
                                   boolean checkContract) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), XeroDoubleProcess.class.getName(),
                String.valueOf(concurrent), String.valueOf(perWindow), window.toString(), String.valueOf(perDay),
                String.valueOf(checkContract)));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(workDir.resolve("xero-double.log").toFile()).start();
        return new XeroDoubleProcess(process);
    }

    String apiUrl() {
        return baseUrl + "/api.xro/2.0";
    }

    String identityUrl() {
        return baseUrl;
    }

    String connectionsUrl() {
        return baseUrl + "/connections";
    }

    long pid() {
        return process.pid();
    }

    /** API calls the double has received. */
    long calls() throws IOException {
        commands.println("calls");
        return Long.parseLong(answers.readLine().trim());
    }

    @Override
    public void close() throws InterruptedException {
        commands.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        // stdout is the benchmark's line protocol; the sandbox's log goes to stderr
        java.io.PrintStream protocol = System.out;
        System.setOut(System.err);
        SandboxSettings defaults = SandboxSettings.defaults();
        SandboxSettings settings = new SandboxSettings(0, defaults.clientId(), defaults.clientSecret(), defaults.tenantId(),
                Integer.parseInt(args[0]), Integer.parseInt(args[1]), Duration.parse(args[2]), Integer.parseInt(args[3]));
        try (XeroSandbox sandbox = new XeroSandbox(settings)) {
            if (args.length > 4 && !Boolean.parseBoolean(args[4])) {
                sandbox.skipContractChecks();
            }
            sandbox.start();
            protocol.println("READY " + sandbox.baseUrl());
            protocol.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                if ("calls".equals(command.trim())) {
                    protocol.println(sandbox.apiCalls());
                    protocol.flush();
                }
            }
        }
        System.exit(0);
    }
}
