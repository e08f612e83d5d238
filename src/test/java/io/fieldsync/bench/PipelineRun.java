package io.fieldsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.testing.ConnectorProcess;
import io.fieldsync.testing.IntegrationTestDatabases;
import io.fieldsync.testing.MariaDb;
import io.fieldsync.testing.ScriptedOperator;
import io.fieldsync.testing.messy.MessyFieldService;
import io.fieldsync.testing.messy.MessySize;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One sync as a user runs it, measured from outside: the messy field-service data written into
 * MariaDB, the packaged jar started in its own JVM ({@code -Xmx512m}, a GC log), the Xero sandbox
 * in a third JVM, one manual sync through the operator API until it ends. What the connector costs
 * is read from the operating system ({@code /proc}: CPU, peak RSS), its GC log (bytes allocated,
 * heap), MariaDB's per-user statistics (statements, server CPU: the connector logs in as a user of
 * its own) and server status (commits, data fsyncs), the double (API calls) and the connector's own metrics (429s received).
 */
final class PipelineRun {

    /** The MariaDB user the benchmark's connector logs in as, so its statements are told from everyone else's. */
    private static final String DB_USER = "fieldsync_bench";
    private static final String DB_PASSWORD = "bench-only";
    private static final String OPERATOR_PASSWORD = "benchmark-operator";
    /** -Dbench.lean-double=true: the double does not check requests against Xero's contract (the connector's cost alone). */
    private static final boolean LEAN_DOUBLE = Boolean.getBoolean("bench.lean-double");
    /** -Dbench.reuse-source=true: a source database of the same size from an earlier run is pushed again, not written again. */
    private static final boolean REUSE_SOURCE = Boolean.getBoolean("bench.reuse-source");
    /** Xero's limits the double enforces and the governor keeps to. */
    record Limits(String name, int concurrent, int perWindow, Duration window, int perDay) {
        static final Limits NONE = new Limits("no limits", 5, 1_000_000, Duration.ofMinutes(1), 100_000_000);

        /** Xero's own limits with a window of this length: 5 in flight, 60 a window, a day that does not bind. */
        static Limits xeroPer(Duration window) {
            return new Limits("Xero's limits, " + window.toSeconds() + "-s window", 5, 60, window, 100_000_000);
        }

        boolean bind() {
            return perWindow < 1_000_000;
        }
    }

    /** What one run measured. */
    record Figures(MessySize size, Limits limits, boolean leanDouble, String runStatus, Map<String, Integer> expected,
                   Map<String, Map<String, Integer>> outcomes, double seconds, long connectorCpuMs, long doubleCpuMs,
                   long allocatedBytes, long peakHeapBytes, long peakLiveHeapBytes, long retainedHeapBytes, long peakRssBytes,
                   long statements, long dbCpuMs, long commits, long logFsyncs, long calls, long rateLimited) {

        int records() {
            return expected.values().stream().mapToInt(Integer::intValue).sum();
        }

        int withOutcome() {
            return outcomes.values().stream().flatMap(byStatus -> byStatus.values().stream()).mapToInt(Integer::intValue).sum();
        }

        double recordsPerSecond() {
            return records() / seconds;
        }

        /** The least time Xero's window allows for these calls: every full window but the last waited out. */
        double floorSeconds() {
            return limits.bind() ? Math.max(0, Math.ceil((double) calls / limits.perWindow) - 1) * limits.window.toSeconds() : 0;
        }
    }

    private final Path workDir;
    private final ObjectMapper json = new ObjectMapper();
    private final ScriptedOperator operator = new ScriptedOperator(OPERATOR_PASSWORD);

    PipelineRun(Path workDir) {
        this.workDir = workDir;
    }

    Figures run(MessySize size, Limits limits, String doubleHeap, Duration timeout) throws Exception {
        String sourceDb = IntegrationTestDatabases.database("bench_source_" + size.name());
        String stateDb = IntegrationTestDatabases.database("bench_state_" + size.name());
        MariaDb.recreate(stateDb);
        Map<String, Integer> expected = writeSource(size, sourceDb);
        ensureBenchmarkUser();
        try (XeroDoubleProcess xero = XeroDoubleProcess.start(workDir, doubleHeap, limits.concurrent(), limits.perWindow(),
                limits.window(), limits.perDay(), !LEAN_DOUBLE)) {
            Path gcLog = workDir.resolve("gc-" + size.name() + ".log").toAbsolutePath();
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog));
            // e.g. -XX:StartFlightRecording=filename=/tmp/sync.jfr to see where the time goes
            jvm.addAll(List.of(System.getProperty("bench.connector-jvm", "").split(" ")).stream().filter(o -> !o.isBlank()).toList());
            ConnectorProcess connector = ConnectorProcess.start(workDir, jvm, List.of(
                    "--spring.datasource.url=" + MariaDb.url(stateDb),
                    "--spring.datasource.username=" + DB_USER,
                    "--spring.datasource.password=" + DB_PASSWORD,
                    "--fieldsync.source.url=" + MariaDb.url(sourceDb),
                    "--fieldsync.source.username=" + DB_USER,
                    "--fieldsync.source.password=" + DB_PASSWORD,
                    "--fieldsync.xero.client-id=sandbox-client",
                    "--fieldsync.xero.client-secret=sandbox-secret",
                    "--fieldsync.xero.api-url=" + xero.apiUrl(),
                    "--fieldsync.xero.identity-url=" + xero.identityUrl(),
                    "--fieldsync.xero.connections-url=" + xero.connectionsUrl(),
                    "--fieldsync.xero.limits.concurrent=" + limits.concurrent(),
                    "--fieldsync.xero.limits.per-window=" + limits.perWindow(),
                    "--fieldsync.xero.limits.window=" + limits.window(),
                    "--fieldsync.xero.limits.per-day=" + limits.perDay(),
                    "--spring.security.user.password=" + OPERATOR_PASSWORD,
                    // the measured figures are with pages overlapping (-Dbench.overlap-pages=false: one after the other)
                    "--fieldsync.sync.overlap-pages=" + System.getProperty("bench.overlap-pages", "true")));
            try {
                String base = connector.baseUrl();
                long gcLogStart = Files.size(gcLog);
                long cpuBefore = cpuMillis(connector.pid());
                long doubleCpuBefore = cpuMillis(xero.pid());
                Map<String, Long> dbBefore = statementsOf(DB_USER);
                long callsBefore = xero.calls();
                long limitedBefore = rateLimited(base);

                Instant started = Instant.now();
                JsonNode run = awaitEnd(base, startSync(base), timeout);
                double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;

                long cpu = cpuMillis(connector.pid()) - cpuBefore;
                long doubleCpu = cpuMillis(xero.pid()) - doubleCpuBefore;
                Map<String, Long> dbAfter = statementsOf(DB_USER);
                long calls = xero.calls() - callsBefore;
                long limited = rateLimited(base) - limitedBefore;
                long peakRss = peakRssBytes(connector.pid());
                long retained = retainedAfterFullGc(connector.pid());
                GcFigures gc = GcFigures.of(Files.readString(gcLog), gcLogStart);
                return new Figures(size, limits, LEAN_DOUBLE, run.path("status").asText(), expected, outcomes(stateDb), seconds, cpu, doubleCpu,
                        gc.allocated, gc.peakHeap, gc.peakLive, retained, peakRss,
                        delta(dbBefore, dbAfter, "statements"), delta(dbBefore, dbAfter, "dbCpuMicros") / 1000,
                        delta(dbBefore, dbAfter, "Com_commit"), delta(dbBefore, dbAfter, "Innodb_data_fsyncs"),
                        calls, limited);
            } finally {
                connector.close();
            }
        }
    }

    private Map<String, Integer> writeSource(MessySize size, String database) {
        Map<String, Integer> kept = REUSE_SOURCE ? existingSource(size, database) : null;
        if (kept != null) {
            return kept;
        }
        MariaDb.recreate(database);
        try (HikariDataSource source = new HikariDataSource()) {
            // the loader's inserts go as multi-row statements: a million rows load in minutes, not an hour
            source.setJdbcUrl(MariaDb.url(database) + "&rewriteBatchedStatements=true");
            source.setUsername(MariaDb.USERNAME);
            source.setPassword(MariaDb.PASSWORD);
            FieldServiceSchema.create(source);
            new MessyFieldService(size).writeTo(source);
            JdbcTemplate rows = new JdbcTemplate(source);
            return recordsOf(rows);
        }
    }

    /**
     * The records of a source database an earlier run of the same size wrote, or null when there is
     * none. A push reads the field-service database and leaves it as it was (the import finds no
     * payments of Xero's own in this data), so a million rows need not be written again for each run.
     */
    private static Map<String, Integer> existingSource(MessySize size, String database) {
        try (HikariDataSource source = MariaDb.dataSource(database)) {
            JdbcTemplate rows = new JdbcTemplate(source);
            if (rows.queryForObject("select count(*) from invoices", Integer.class) != size.invoices()
                    || rows.queryForObject("select count(*) from payments where source = 'xero'", Integer.class) != 0) {
                return null;
            }
            return recordsOf(rows);
        } catch (RuntimeException noSuchDatabase) {
            return null;
        }
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String figure) {
        return after.getOrDefault(figure, 0L) - before.getOrDefault(figure, 0L);
    }

    /** The records the push gives an outcome, per entity, in a source database. */
    private static Map<String, Integer> recordsOf(JdbcTemplate source) {
        Map<String, Integer> records = new LinkedHashMap<>();
        MessyFieldService.PUSHED_ROWS.forEach((entity, from) ->
                records.put(entity, source.queryForObject("select count(*) " + from, Integer.class)));
        return records;
    }

    private static Map<String, Map<String, Integer>> outcomes(String stateDb) {
        try (HikariDataSource state = MariaDb.dataSource(stateDb)) {
            Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
            new JdbcTemplate(state).query("select entity, status, count(*) n from record_status group by entity, status"
                    + " order by entity, status", row -> {
                outcomes.computeIfAbsent(row.getString("entity"), e -> new LinkedHashMap<>())
                        .put(row.getString("status"), row.getInt("n"));
            });
            return outcomes;
        }
    }

    /** A MariaDB user of the connector's own, and MariaDB's per-user statistics on (MariaDB's userstat). */
    private static void ensureBenchmarkUser() {
        MariaDb.execute("create user if not exists '" + DB_USER + "'@'%' identified by '" + DB_PASSWORD + "'");
        MariaDb.execute("alter user '" + DB_USER + "'@'%' identified by '" + DB_PASSWORD + "'");
        MariaDb.execute("grant all on *.* to '" + DB_USER + "'@'%'");
        MariaDb.execute("set global userstat = 1");
    }

    /**
     * The connector's statements and the server's CPU for them (its own user's statistics), and the
     * server's transactions committed and data fsyncs (server-wide: run the benchmark alone;
     * an autocommitted statement is an fsync but not a COMMIT).
     */
    private static Map<String, Long> statementsOf(String user) {
        try (HikariDataSource server = MariaDb.dataSource("information_schema")) {
            JdbcTemplate jdbc = new JdbcTemplate(server);
            Map<String, Long> figures = new LinkedHashMap<>(Map.of("statements", 0L, "dbCpuMicros", 0L));
            jdbc.queryForList("select select_commands + update_commands + other_commands statements,"
                    + " round(cpu_time * 1000000) dbCpuMicros from information_schema.user_statistics where user = ?", user)
                    .forEach(row -> row.forEach((name, value) -> figures.put(name, ((Number) value).longValue())));
            jdbc.queryForList("show global status where variable_name in ('Com_commit', 'Innodb_data_fsyncs')")
                    .forEach(row -> figures.put(String.valueOf(row.get("Variable_name")),
                            Long.parseLong(String.valueOf(row.get("Value")))));
            return figures;
        }
    }

    private long startSync(String base) throws Exception {
        var started = operator.send(HttpRequest.newBuilder(URI.create(base + "/api/syncs")).POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the sync did not start: " + started.statusCode() + " " + started.body());
        }
        return json.readTree(started.body()).path("id").asLong();
    }

    private JsonNode awaitEnd(String base, long runId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode run;
        do {
            Thread.sleep(1000);
            run = json.readTree(operator.send(HttpRequest.newBuilder(URI.create(base + "/api/syncs/" + runId)).GET()).body());
        } while ("RUNNING".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        return run;
    }

    /** 429s the connector received, from its Prometheus metrics. */
    private long rateLimited(String base) throws Exception {
        String metrics = operator.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).GET()).body();
        return Math.round(metrics.lines().filter(line -> line.startsWith("fieldsync_xero_rate_limited_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
    }

    /** User plus system CPU time of a process, from /proc (Linux clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * The heap the process holds once the run has ended, after a full collection (jcmd GC.run): what
     * a run leaves behind. A map that grew with the run would show here, where a young collection's
     * "after" still counts old garbage not yet collected.
     */
    static long retainedAfterFullGc(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String heap = new String(info.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        info.waitFor();
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        return used.find() ? Long.parseLong(used.group(1)) << 10 : -1;
    }

    /** The most resident memory the process has had (VmHWM). */
    static long peakRssBytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
    }

    /**
     * Heap figures from the GC log's pauses after {@code from} (a byte offset): bytes allocated (what
     * each pause found used less what the previous one left), the most used at a pause, the most live
     * after one.
     */
    record GcFigures(long allocated, long peakHeap, long peakLive) {
        private static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

        static GcFigures of(String log, long from) {
            long left = -1;
            long allocated = 0;
            long peak = 0;
            long live = 0;
            int offset = 0;
            for (String line : log.split("\n")) {
                boolean during = offset >= from;
                offset += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
                Matcher pause = PAUSE.matcher(line);
                if (!pause.find()) {
                    continue;
                }
                long before = bytes(pause.group(1), pause.group(2));
                long after = bytes(pause.group(3), pause.group(4));
                if (during) {
                    allocated += Math.max(0, before - Math.max(left, 0));
                    peak = Math.max(peak, before);
                    live = Math.max(live, after);
                }
                left = after;
            }
            return new GcFigures(allocated, peak, live);
        }

        private static long bytes(String amount, String unit) {
            long n = Long.parseLong(amount);
            return switch (unit) {
                case "K" -> n << 10;
                case "M" -> n << 20;
                default -> n << 30;
            };
        }
    }
}
