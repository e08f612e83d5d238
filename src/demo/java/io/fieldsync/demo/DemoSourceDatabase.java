package io.fieldsync.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.fieldsync.config.EmbeddedSourceDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's field-service database: embedded H2 in MySQL mode, created from the project's copy
 * of the reference schema and filled with generated sample data. Used only when
 * {@code fieldsync.source.url} is empty and the demo was asked for ({@code fieldsync.demo.enabled}).
 */
@Component
public class DemoSourceDatabase implements EmbeddedSourceDatabase, DisposableBean {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private static final Logger log = LoggerFactory.getLogger(DemoSourceDatabase.class);

    private final SampleDataSize size;
    // one in-memory database per application context, dropped when the context closes
    private final String url = "jdbc:h2:mem:fieldservice-" + INSTANCES.incrementAndGet()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private volatile boolean loaded;
    private final boolean askedFor;

    public DemoSourceDatabase(@Value("${fieldsync.demo.enabled:false}") boolean askedFor,
                              @Value("${fieldsync.demo.customers:40}") int customers,
                              @Value("${fieldsync.demo.invoices:300}") int invoices,
                              @Value("${fieldsync.demo.purchase-orders:25}") int purchaseOrders) {
        this.size = new SampleDataSize(customers, invoices, purchaseOrders);
        this.askedFor = askedFor;
    }

    /** Whether the demo was asked for: without, no field-service database configured stops the start. */
    @Override
    public boolean askedFor() {
        return askedFor;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void load(DataSource dataSource) {
        this.loaded = true;
        long started = System.nanoTime();
        FieldServiceSchema.create(dataSource);
        SampleData.Counts counts = new SampleData(size).writeTo(dataSource);
        log.info("Demo field-service database {} loaded in {} ms: {}", url,
                (System.nanoTime() - started) / 1_000_000, counts);
    }

    /** Drops the in-memory database; runs after the pool has closed, so it opens its own connection. */
    @Override
    public void destroy() throws SQLException {
        if (loaded) {
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
