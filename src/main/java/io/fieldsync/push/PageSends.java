package io.fieldsync.push;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.settings.SyncProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Lets a push read, map and plan its next page while the page before it is delivered: the last
 * step of push-page hands the page's batches to {@link #send}, which first waits for the page
 * still in flight (its failure becomes this page's), commits that page's position if the loop
 * asked for it, then starts this page's batches (route send-page) on a thread of its own and
 * returns. One page at most is in flight per push, so positions are committed in page order and
 * each only once every outcome of its page is written; the push's end ({@link #settle}) waits for
 * the last. Two pages in flight never hold one record: the changed rows' pages are apart by
 * keyset, and the records looked at again, which may also have changed, are delivered before the
 * changed rows are read (the template settles in between); a record sent twice at once could be
 * created twice in Xero.
 * With {@code fieldsync.sync.overlap-pages=false} (the default for now), each page is delivered
 * before send returns.
 */
@Component("pageSends")
public class PageSends implements DisposableBean {

    static final String IN_FLIGHT = "pageInFlight";

    private final BooleanSupplier overlap;
    private ProducerTemplate camel;
    private ExecutorService pages;

    /** A page's delivery under way, and the position to commit once it has ended well (none for a page looked at again). */
    private static final class InFlight {
        private final CompletableFuture<Exchange> delivery;
        private volatile PushPosition commitAfter;

        private InFlight(CompletableFuture<Exchange> delivery) {
            this.delivery = delivery;
        }
    }

    @Autowired
    public PageSends(LiveSettings settings) {
        this(() -> settings.current(SyncProperties.class).overlapPages());
    }

    /** @param overlap whether a page's delivery may still run when send returns (read at each page) */
    public PageSends(BooleanSupplier overlap) {
        this.overlap = overlap;
    }

    /** push-page's last step: the page before is settled, then this page's batches (the body) go. */
    public void send(Exchange exchange) throws Exception {
        settle(exchange);
        ProducerTemplate producer = producer(exchange.getContext());
        Exchange page = ownExchange(exchange, exchange.getProperties());
        page.getMessage().setBody(exchange.getMessage().getBody());
        InFlight inFlight = new InFlight(CompletableFuture.supplyAsync(() -> producer.send("direct:send-page", page), pages));
        exchange.setProperty(IN_FLIGHT, inFlight);
        if (!overlap.getAsBoolean()) {
            settle(exchange);
        }
    }

    /** The page loop's commit of its position: at once when no page is in flight, else once that page is delivered. */
    public void commitWhenSent(Exchange exchange) throws Exception {
        PushPosition position = exchange.getProperty("cursor", PushPosition.class);
        InFlight inFlight = exchange.getProperty(IN_FLIGHT, InFlight.class);
        if (inFlight == null) {
            commit(exchange, position);
        } else {
            inFlight.commitAfter = position;
        }
    }

    /** Waits for the page in flight, if any: its failure is thrown here; delivered well, its position is committed. */
    public void settle(Exchange exchange) throws Exception {
        InFlight inFlight = exchange.removeProperty(IN_FLIGHT) instanceof InFlight pending ? pending : null;
        if (inFlight == null) {
            return;
        }
        Exchange delivered = awaited(inFlight);
        if (delivered.getException() != null) {
            throw delivered.getException();
        }
        if (inFlight.commitAfter != null) {
            commit(exchange, inFlight.commitAfter);
        }
    }

    /** After a failure of the push itself: waits for a page still in flight without committing it; the first failure stands. */
    public void abandon(Exchange exchange) {
        if (exchange.removeProperty(IN_FLIGHT) instanceof InFlight inFlight) {
            try {
                awaited(inFlight);
            } catch (Exception alreadyFailing) {
                // the push's own failure is the one reported
            }
        }
    }

    /** The pushCursor bean's commit, as the page loop called it before pages overlapped. */
    private void commit(Exchange exchange, PushPosition position) throws Exception {
        Map<String, Object> properties = new HashMap<>(exchange.getProperties());
        properties.put("cursor", position);
        Exchange commit = producer(exchange.getContext()).send("bean:pushCursor?method=commit", ownExchange(exchange, properties));
        if (commit.getException() != null) {
            throw commit.getException();
        }
    }

    /**
     * An exchange of its own (its own unit of work: a copy would share the loop's), with these
     * properties, counted as the push route's in Camel's metrics (a meter without the route's tag
     * would clash with the route's own).
     */
    private static Exchange ownExchange(Exchange of, Map<String, Object> properties) {
        Exchange own = ExchangeBuilder.anExchange(of.getContext()).build();
        own.getProperties().putAll(properties);
        own.getExchangeExtension().setFromRouteId(of.getFromRouteId());
        return own;
    }

    private synchronized ProducerTemplate producer(CamelContext context) {
        if (camel == null) {
            camel = context.createProducerTemplate();
            pages = context.getExecutorServiceManager().newCachedThreadPool(this, "page-sends");
        }
        return camel;
    }

    private static Exchange awaited(InFlight inFlight) throws Exception {
        try {
            return inFlight.delivery.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public synchronized void destroy() {
        if (pages != null) {
            pages.shutdownNow();
        }
    }
}
