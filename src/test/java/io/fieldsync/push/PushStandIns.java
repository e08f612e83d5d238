package io.fieldsync.push;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import io.fieldsync.state.KeysetPosition;
import io.fieldsync.testing.RouteHarness;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * Stand-ins for the beans the push-to-xero template and the entities' prepare routes call, by the
 * names and methods the YAML uses, each writing its call to the harness's journal. The cursor
 * keeps pages of {@link #PAGE_SIZE}: a shorter page is the last. Documents are the rows as they
 * are; a page is screened, mapped and planned as one batch of its rows' ids; Xero answers every element OK.
 */
public final class PushStandIns {

    public static final int PAGE_SIZE = 2;
    public static final long RUN_ID = 7L;
    private static final LocalDateTime BEGINNING = LocalDateTime.of(1970, 1, 1, 0, 0);

    private RouteHarness harness;
    private final Deque<List<Long>> revisitPages = new ArrayDeque<>();
    /** contacts renamed after a batch: Xero refused them for a name another contact has. */
    private final Deque<List<String>> renamedAfterBatch = new ArrayDeque<>();
    private final ExecutorService xeroCallThreads = Executors.newSingleThreadExecutor();

    /**
     * The push-to-xero template and the entity's files, with the stand-ins bound; the SQL and
     * deliver-to-xero are mocks (Xero's delivery has DeliverToXeroRouteTest of its own).
     */
    public static RouteHarness.Builder routes(PushStandIns standIns, String... files) {
        String[] all = new String[files.length + 1];
        all[0] = "push-to-xero";
        System.arraycopy(files, 0, all, 1, files.length);
        return standIns.bindTo(RouteHarness.routes(all)).mockAndSkip("sql:*", "direct:deliver-to-xero");
    }

    RouteHarness.Builder bindTo(RouteHarness.Builder routes) {
        return routes
                .bean("pushCursor", new Cursor())
                .bean("runSteps", io.fieldsync.testing.RunStandIns.runSteps(this::note))
                // one page after the other, so that the journal's order is the route's (PageSendsRouteTest overlaps them)
                .bean("pageSends", new PageSends(() -> false))
                .bean("revisitRetirement", new Retirement())
                .bean("pushDocuments", new Documents())
                .bean("pushedEntities", new Entities())
                .bean("pushPlanner", new Planner())
                .bean("pushMapping", new Mapping())
                .bean("xeroPayloads", new Payloads())
                .bean("xeroAnswers", new Answers())
                .bean("contactNames", new Names())
                .bean("recordOutcomes", new Outcomes())
                .bean("xeroCallThreads", xeroCallThreads);
    }

    /** push-to-xero instantiated for an entity of the tests' own ("thing", route push-things), its SQL named plainly. */
    public static void pushThings(org.apache.camel.CamelContext camel) throws Exception {
        org.apache.camel.builder.TemplatedRouteBuilder.builder(camel, "push-to-xero")
                .routeId("push-things")
                .parameter("name", "push-things")
                .parameter("entity", "thing")
                .parameter("mapping", "thing.to-xero")
                .parameter("collection", "Things")
                .parameter("select", "select page of things")
                .parameter("selectByIds", "select things by id")
                .add();
    }

    public RouteHarness started(RouteHarness.Builder routes) throws Exception {
        harness = routes.start();
        harness.camel().getEndpoints().stream()
                .filter(endpoint -> endpoint instanceof MockEndpoint && endpoint.getEndpointUri().startsWith("mock://sql:"))
                .forEach(sql -> pages(harness, (MockEndpoint) sql, List.of()));
        harness.answer("direct:deliver-to-xero", e -> {
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            e.getMessage().setBody("{\"Status\":\"OK\"}");
        });
        return harness;
    }

    public PushStandIns revisits(Long... ids) {
        revisitPages.add(List.of(ids));
        return this;
    }

    public PushStandIns renamesAfterBatch(String... renamed) {
        renamedAfterBatch.add(List.of(renamed));
        return this;
    }

    /** Answers the mock sql endpoint whose query starts so with these pages, then with empty pages. */
    public static void pages(RouteHarness routes, String sql, List<List<Map<String, Object>>> pages) {
        pages(routes, routes.mock(sql), pages);
    }

    public static void pages(RouteHarness routes, MockEndpoint sql, List<List<Map<String, Object>>> pages) {
        Deque<List<Map<String, Object>>> left = new ArrayDeque<>(pages);
        routes.answer(sql, e -> e.getMessage().setBody(left.isEmpty() ? List.of() : left.poll()));
    }

    /** The keyset select of the push of a table: the query that reads after the cursor's position. */
    public MockEndpoint keysetSelect(String... fragments) {
        return harness.mockContaining(with(fragments, "sql:", "${exchangeProperty.cursor.afterId}"));
    }

    /** The select of the records looked at again, by id. */
    public MockEndpoint revisitSelect(String... fragments) {
        return harness.mockContaining(with(fragments, "sql:", "${exchangeProperty.cursor.revisitIds}"));
    }

    private static String[] with(String[] fragments, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of(fragments));
        return all.toArray(String[]::new);
    }

    /** A query's text, as the route file writes it. */
    public static String sql(MockEndpoint mock) {
        return RouteHarness.mocked(mock).substring("sql:".length());
    }

    /** What a query selects: its text up to its first where. */
    public static String selectList(MockEndpoint mock) {
        String sql = sql(mock);
        return sql.substring(0, sql.indexOf(" where "));
    }

    /**
     * The keyset condition on a table's (updated_at, id), columns named with the table's alias (e.g.
     * {@code "i."}): a range on updated_at first, which the (updated_at, id) index serves, then the tie on id.
     */
    public static String afterCursor(String alias) {
        String after = ":#${exchangeProperty.cursor.afterUpdatedAt}";
        return alias + "updated_at >= " + after + " and (" + alias + "updated_at > " + after + " or (" + alias + "updated_at = "
                + after + " and " + alias + "id > :#${exchangeProperty.cursor.afterId}))";
    }

    /** The keyset order and page size. */
    public static String pageOrder(String alias) {
        return "order by " + alias + "updated_at, " + alias + "id limit :#${exchangeProperty.cursor.pageSize}";
    }

    /** The last exchange that reached Xero (deliver-to-xero). */
    public Exchange delivered() {
        List<Exchange> received = harness.mock("direct:deliver-to-xero").getReceivedExchanges();
        return received.get(received.size() - 1);
    }

    /** Rows with these ids, as camel-sql's SelectList hands them over. */
    public static List<Map<String, Object>> rows(long... ids) {
        return LongStream.of(ids).mapToObj(id -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            return row;
        }).toList();
    }

    /** Sends a push step's trigger as sync-run does: the run id on the exchange. */
    public Exchange push(String step) {
        return harness.send("direct:" + step, e -> e.setProperty("syncRunId", RUN_ID));
    }

    public void close() {
        harness.close();
        xeroCallThreads.shutdownNow();
    }

    private void note(String call) {
        harness.note(call);
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("id")).toList();
    }

    /** The push's position as PushCursor gives it, moved as the stand-in pages say. */
    public class Cursor {
        public PushPosition start(String entity) {
            note("pushCursor.start " + entity);
            return new PushPosition(entity, new KeysetPosition(BEGINNING, 0L), PAGE_SIZE, true, null, List.of(entity), 0L,
                    List.of(PushPosition.NO_REVISITS), true, new HashMap<>());
        }

        public PushPosition revisitAlso(String entity, @ExchangeProperty("cursor") PushPosition cursor) {
            note("pushCursor.revisitAlso " + entity);
            return cursor.revisitingAlso(entity);
        }

        public PushPosition nextRevisits(@ExchangeProperty("cursor") PushPosition cursor) {
            List<Long> page = revisitPages.isEmpty() ? List.of() : revisitPages.poll();
            note("pushCursor.nextRevisits " + page);
            return cursor.revisiting(page, page.size() >= PAGE_SIZE);
        }

        public PushPosition advance(@Body List<Map<String, Object>> page, @ExchangeProperty("cursor") PushPosition cursor) {
            note("pushCursor.advance " + ids(page));
            if (page.isEmpty()) {
                return cursor.lastPage();
            }
            long lastId = ((Number) page.get(page.size() - 1).get("id")).longValue();
            return cursor.after(new KeysetPosition(BEGINNING, lastId), page.size() >= PAGE_SIZE);
        }

        public void commit(@ExchangeProperty("cursor") PushPosition cursor, @ExchangeProperty("syncRunId") Long runId) {
            note("pushCursor.commit " + cursor.entity());
        }
    }

    public class Retirement {
        public void retireAbsent(@Body List<Map<String, Object>> rows, @ExchangeProperty("cursor") PushPosition cursor,
                                 @ExchangeProperty("syncRunId") long runId) {
            note("revisitRetirement.retireAbsent " + ids(rows));
        }
    }

    public class Documents {
        public List<Object> pageIds(List<Map<String, Object>> rows) {
            return ids(rows);
        }
    }

    /** The entities' own beans, reached by name: a document is its row as it is. */
    public class Entities {
        public List<Map<String, Object>> documents(String entity, List<Map<String, Object>> rows) {
            note("pushedEntities.documents " + entity + " " + ids(rows));
            return rows;
        }

        public List<Map<String, Object>> documents(String entity, List<Map<String, Object>> rows,
                                                   List<Map<String, Object>> lines) {
            note("pushedEntities.documents " + entity + " " + ids(rows) + " lines " + ids(lines));
            return rows;
        }
    }

    /** PushPage's shape, as far as the route passes it on: the entity, the run and the documents going on. */
    public record Page(String entity, long runId, List<Map<String, Object>> documents) {
    }

    public class Planner {
        public Page screen(@ExchangeProperty("entity") String entity, @ExchangeProperty("syncRunId") long runId,
                           @ExchangeProperty("revisited") Map<?, ?> revisited, @Body List<Map<String, Object>> documents) {
            note("pushPlanner.screen " + entity + " run " + runId + " " + ids(documents));
            return new Page(entity, runId, documents);
        }

        public List<List<String>> plan(@ExchangeProperty("mapping") String mapping,
                                       @ExchangeProperty("xeroCollection") String collection, @Body Page page) {
            note("pushPlanner.plan " + collection + " " + ids(page.documents()));
            List<String> batch = new ArrayList<>();
            page.documents().forEach(document -> batch.add(page.entity() + "-" + document.get("id")));
            return batch.isEmpty() ? List.of() : List.of(batch);
        }
    }

    public class Mapping {
        public Page toXero(@ExchangeProperty("mapping") String mapping, @Body Page page) {
            note("pushMapping.toXero " + mapping + " " + ids(page.documents()));
            return page;
        }
    }

    public class Payloads {
        public String batch(String collection, List<String> batch) {
            note("xeroPayloads.batch " + collection + " " + batch);
            return "{\"" + collection + "\":" + batch.size() + "}";
        }
    }

    public class Answers {
        public List<String> elements(String collection, int status, String body, int batchSize) {
            note("xeroAnswers.elements " + collection + " " + status + " " + batchSize);
            return java.util.Collections.nCopies(batchSize, "OK");
        }
    }

    /** ContactNames.Settled's shape: the batch, its results, and the contacts to send again renamed. */
    public record Settled(List<String> batch, List<String> results, List<String> renamed) {
    }

    public class Names {
        public Settled settle(String entity, List<String> batch, List<String> results) {
            List<String> renamed = renamedAfterBatch.isEmpty() ? List.of() : renamedAfterBatch.poll();
            note("contactNames.settle " + entity + " " + batch + (renamed.isEmpty() ? "" : " renamed " + renamed));
            return new Settled(batch, results, renamed);
        }
    }

    public class Outcomes {
        public void attempting(String entity, long runId, List<String> batch) {
            note("recordOutcomes.attempting " + entity + " " + batch);
        }

        public void save(String entity, long runId, List<String> batch, List<String> results) {
            note("recordOutcomes.save " + entity + " " + batch + " " + results);
        }
    }
}
