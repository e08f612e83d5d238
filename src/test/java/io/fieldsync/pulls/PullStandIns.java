package io.fieldsync.pulls;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Exchange;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Stand-ins for the beans the pull-from-xero template calls (xeroPull, pullDecisions), by the names
 * and methods the YAML uses, each writing its call to the journal; the entity's SQL goes to mock
 * endpoints. A pulled record is a map whose {@code action} (create, update or none) is the decision
 * pullDecisions hands back for it; an insert answers with generated key 100 + its number.
 */
public final class PullStandIns {

    public static final long RUN_ID = 7L;

    private final Deque<List<Map<String, Object>>> pages = new ArrayDeque<>();
    private RouteHarness harness;

    public RouteHarness.Builder routes(String... files) {
        String[] all = new String[files.length + 1];
        all[0] = "pull-from-xero";
        System.arraycopy(files, 0, all, 1, files.length);
        return RouteHarness.routes(all).bean("xeroPull", new XeroPull())
                .bean("runSteps", io.fieldsync.testing.RunStandIns.runSteps(this::note)).bean("pullDecisions", new Decisions()).mockAndSkip("sql:*");
    }

    public RouteHarness started(RouteHarness.Builder routes) throws Exception {
        harness = routes.start();
        // the rows a select finds: the written row by its id, none for the others
        harness.mocks().stream().filter(mock -> RouteHarness.mocked(mock).startsWith("sql:select")).forEach(select ->
                harness.answer(select, exchange -> {
                    Map<?, ?> decision = exchange.getProperty("decision", Map.class);
                    exchange.getMessage().setBody(decision == null || !RouteHarness.mocked(select).contains("decision[localId]")
                            ? List.of() : List.of(Map.of("id", decision.get("localId"))));
                }));
        return harness;
    }

    /** Answers the insert: the generated key of the new row, as camel-sql hands it back. */
    public void insertsReturnKeys(String insertFragment) {
        harness.answer(harness.mockContaining("sql:", insertFragment), exchange -> {
            Map<?, ?> values = exchange.getMessage().getBody(Map.class);
            exchange.getMessage().setHeader("CamelSqlGeneratedKeyRows", List.of(Map.of("GENERATED_KEY", 100 + ((Number) values.get("n")).longValue())));
        });
    }

    /** The database refuses the update of a row (a unique key, a too long value). */
    public void updatesFailFor(String updateFragment, long localId) {
        harness.answer(harness.mockContaining("sql:", updateFragment), exchange -> {
            Map<?, ?> decision = exchange.getProperty("decision", Map.class);
            if (Long.valueOf(localId).equals(decision.get("localId"))) {
                throw new DataIntegrityViolationException("Duplicate entry");
            }
        });
    }

    public PullStandIns page(Map<String, Object>... records) {
        pages.add(List.of(records));
        return this;
    }

    /** A pulled Xero record numbered n, which pullDecisions decides as the action says (for an update: of local row localId). */
    public static Map<String, Object> record(int n, String action, Long localId) {
        Map<String, Object> record = new HashMap<>();
        record.put("n", n);
        record.put("action", action);
        record.put("localId", localId);
        return record;
    }

    public Exchange pull(String step) {
        return harness.send("direct:" + step, e -> e.setProperty("syncRunId", RUN_ID));
    }

    private void note(String call) {
        harness.note(call);
    }

    private static List<Object> numbers(List<Map<String, Object>> records) {
        return records.stream().map(record -> record.get("n")).toList();
    }

    public class XeroPull {
        public void start(String entity, Exchange exchange) {
            note("xeroPull.start " + entity);
            exchange.setProperty("morePages", true);
            exchange.setProperty("pullSince", "2026-12-01T00:00:00Z");
        }

        public List<Map<String, Object>> nextPage(String entity, Exchange exchange) {
            List<Map<String, Object>> page = pages.isEmpty() ? List.of() : pages.poll();
            note("xeroPull.nextPage " + entity + " " + numbers(page));
            exchange.setProperty("morePages", !pages.isEmpty());
            return page;
        }

        public void commit(String entity, Exchange exchange) {
            note("xeroPull.commit " + entity);
        }
    }

    public class Decisions {
        public void lookFor(String entity, List<Map<String, Object>> pulled, Exchange exchange) {
            note("pullDecisions.lookFor " + entity + " " + numbers(pulled));
            exchange.setProperty("linkedIds", List.of(-1L));
            exchange.setProperty("numbers", numbers(pulled).stream().map(String::valueOf).toList());
        }

        public List<Map<String, Object>> decide(String entity, long runId, List<Map<String, Object>> pulled, List<Map<String, Object>> rows,
                                                String pullSince) {
            note("pullDecisions.decide " + entity + " run " + runId + " " + numbers(pulled) + " since " + pullSince);
            return pulled.stream().filter(record -> !"none".equals(record.get("action"))).map(record -> {
                Map<String, Object> decision = new HashMap<>();
                decision.put("action", record.get("action"));
                decision.put("localId", record.get("localId"));
                decision.put("values", Map.of("n", record.get("n")));
                return decision;
            }).toList();
        }

        public Map<String, Object> created(Map<String, Object> decision, List<Map<String, Object>> keys) {
            Map<String, Object> created = new HashMap<>(decision);
            created.put("localId", ((Number) keys.get(0).get("GENERATED_KEY")).longValue());
            note("pullDecisions.created " + created.get("localId"));
            return created;
        }

        public void written(long runId, Map<String, Object> decision, List<Map<String, Object>> rows) {
            note("pullDecisions.written " + decision.get("action") + " " + decision.get("localId"));
        }

        public void failed(long runId, Map<String, Object> decision, Exception error) {
            note("pullDecisions.failed " + decision.get("localId") + " " + error.getClass().getSimpleName());
        }

        public List<Long> linkedLocalIds(String entity) {
            note("pullDecisions.linkedLocalIds " + entity);
            return List.of(1L, 2L);
        }
    }
}
