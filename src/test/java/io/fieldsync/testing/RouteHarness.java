package io.fieldsync.testing;

import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.function.ThrowingConsumer;

/**
 * Route files of routes/ in a bare Camel context, as the application loads them but without
 * Spring, databases, Xero or mail: the beans the routes call are stand-ins the test binds, the
 * endpoints that would reach out are mocks put in by {@link AdviceWith}. Every exchange a mock
 * receives is written to {@link #journal()} as {@code to <uri>}, and stand-ins write their calls
 * to it too, so a test reads the order of a route's steps from one list.
 */
public final class RouteHarness implements AutoCloseable {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    /** Answers of mocks a toD makes only when it first goes there. */
    private final Map<String, Processor> laterAnswers = new ConcurrentHashMap<>();
    private ProducerTemplate producer;

    private RouteHarness() {
    }

    /** The named route files (without .camel.yaml), to be started with {@link Builder#start()}. */
    public static Builder routes(String... files) {
        return new Builder(List.of(files));
    }

    public static final class Builder {
        private final List<String> files;
        private final Properties properties = new Properties();
        private final Map<String, Object> beans = new LinkedHashMap<>();
        private final Map<String, List<ThrowingConsumer<AdviceWithRouteBuilder, Exception>>> advice = new LinkedHashMap<>();
        private final List<String> mockedAndSkipped = new ArrayList<>();
        private final List<ThrowingConsumer<CamelContext, Exception>> extraRoutes = new ArrayList<>();

        private Builder(List<String> files) {
            this.files = files;
        }

        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Builder bean(String name, Object bean) {
            beans.put(name, bean);
            return this;
        }

        /** Endpoints matching these patterns (e.g. {@code sql:*}) become {@code mock:<uri>} and the real ones are not called. */
        public Builder mockAndSkip(String... patterns) {
            mockedAndSkipped.addAll(List.of(patterns));
            return this;
        }

        public Builder advise(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> change) {
            advice.computeIfAbsent(routeId, id -> new ArrayList<>()).add(change);
            return this;
        }

        /** Routes of the test's own, added after the files (e.g. a caller that takes a route configuration). */
        public Builder with(ThrowingConsumer<CamelContext, Exception> addRoutes) {
            extraRoutes.add(addRoutes);
            return this;
        }

        public RouteHarness start() throws Exception {
            RouteHarness harness = new RouteHarness();
            DefaultCamelContext camel = harness.camel;
            camel.getPropertiesComponent().setInitialProperties(properties);
            beans.forEach((name, bean) -> camel.getRegistry().bind(name, bean));
            if (!beans.containsKey("dataSource")) {
                // camel-sql endpoints want a DataSource to be created; the mocks stand in for them, so nothing asks it for a connection
                camel.getRegistry().bind("dataSource", DataSource.class, noDatabase());
            }
            // every mock writes what it receives to the journal, also those made as a toD goes somewhere new
            camel.addLifecycleStrategy(new LifecycleStrategySupport() {
                @Override
                public void onEndpointAdd(Endpoint endpoint) {
                    if (endpoint instanceof MockEndpoint mock) {
                        harness.answer(mock, harness.laterAnswers.entrySet().stream()
                                .filter(later -> mocked(mock).startsWith(later.getKey()))
                                .map(Map.Entry::getValue).findFirst().orElse(exchange -> { }));
                    }
                }
            });
            for (String file : files) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(
                        PluginHelper.getResourceLoader(camel).resolveResource("file:routes/" + file + ".camel.yaml"));
            }
            for (ThrowingConsumer<CamelContext, Exception> routes : extraRoutes) {
                routes.accept(camel);
            }
            if (!mockedAndSkipped.isEmpty()) {
                // mocking endpoints holds for the whole context; AdviceWith only wants a route to hang it on
                String anyRoute = camel.getRouteDefinitions().get(0).getRouteId();
                AdviceWith.adviceWith(camel, anyRoute, a -> a.mockEndpointsAndSkip(mockedAndSkipped.toArray(String[]::new)));
            }
            for (var routeAdvice : advice.entrySet()) {
                AdviceWith.adviceWith(camel, routeAdvice.getKey(), a -> {
                    for (var change : routeAdvice.getValue()) {
                        change.accept(a);
                    }
                });
            }
            camel.start();
            harness.producer = camel.createProducerTemplate();
            return harness;
        }
    }

    public CamelContext camel() {
        return camel;
    }

    /** What mocks received ({@code to <uri>}) and what stand-ins wrote, in order. */
    public List<String> journal() {
        return journal;
    }

    /** Writes a stand-in's call to the journal. */
    public void note(String step) {
        journal.add(step);
    }

    /** The journal's entries that start with a prefix, e.g. {@code "to sql:"} or {@code "deadLetters"}. */
    public List<String> journal(String prefix) {
        synchronized (journal) {
            return journal.stream().filter(entry -> entry.startsWith(prefix)).toList();
        }
    }

    /**
     * What a mock endpoint does with what it receives (sets the body a query would answer, throws
     * the failure of a call), after writing {@code to <uri>} to the journal. Every mock writes to
     * the journal from the start, its message unchanged.
     */
    public void answer(String uriStart, Processor answer) {
        if (mocks().stream().anyMatch(mock -> mocked(mock).startsWith(uriStart))) {
            answer(mock(uriStart), answer);
        } else {
            laterAnswers.put(uriStart, answer); // a toD's mock, made when the route first goes there
        }
    }

    public void answer(MockEndpoint mock, Processor answer) {
        mock.whenAnyExchangeReceived(exchange -> {
            journal.add("to " + sentTo(exchange, mock));
            answer.process(exchange);
        });
    }

    public List<MockEndpoint> mocks() {
        return camel.getEndpoints().stream().filter(MockEndpoint.class::isInstance).map(MockEndpoint.class::cast).toList();
    }

    /** The one mock endpoint whose URI (after {@code mock://}) starts with the given text, e.g. {@code "sql:select * from customers"}. */
    public MockEndpoint mock(String uriStart) {
        return one(mocks().stream().filter(mock -> mocked(mock).startsWith(uriStart)).toList(), uriStart);
    }

    /** The one mock endpoint whose URI contains all the fragments, e.g. {@code "sql:", "from invoices", "exchangeProperty.afterId"}. */
    public MockEndpoint mockContaining(String... fragments) {
        return one(mocks().stream().filter(mock -> List.of(fragments).stream().allMatch(mocked(mock)::contains)).toList(),
                String.join(" ... ", fragments));
    }

    /**
     * Where an exchange a mock received was sent: the URI as the route wrote it, without its
     * options; an HTTP URL whole (a toD to HTTP keeps one endpoint per host and the path in the
     * CamelHttpPath header, so the mock's own name keeps only the host).
     */
    public static String sentTo(Exchange received, MockEndpoint mock) {
        String intercepted = received.getProperty(Exchange.INTERCEPTED_ENDPOINT, String.class);
        if (intercepted != null && intercepted.startsWith("http")) {
            return readable(intercepted).replaceFirst("\\?.*", "") + received.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        }
        return mocked(mock);
    }

    /** The URI a mock stands in for, as the route file writes it (whitespace collapsed), e.g. {@code sql:select ...}. */
    public static String mocked(MockEndpoint mock) {
        return readable(mock.getEndpointUri()).replaceFirst("^mock://", "");
    }

    private MockEndpoint one(List<MockEndpoint> found, String described) {
        if (found.size() != 1) {
            throw new AssertionError("expected one mock endpoint for " + described + ", found " + found.size() + " among "
                    + mocks().stream().map(RouteHarness::mocked).toList());
        }
        return found.get(0);
    }

    /** Sends to a route's endpoint, the exchange prepared by the test, and hands back the exchange as the route left it. */
    public Exchange send(String uri, Consumer<Exchange> prepare) {
        return producer.send(uri, ExchangePattern.InOut, prepare::accept);
    }

    /** An endpoint URI as written in the route, whitespace collapsed: Camel keeps it URL-encoded (a SQL query's spaces as %20). */
    public static String readable(String uri) {
        return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    private static DataSource noDatabase() {
        return (DataSource) Proxy.newProxyInstance(RouteHarness.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "no database (a route test)";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("a route test has no database: " + method.getName());
                });
    }

    @Override
    public void close() {
        camel.stop();
    }
}
