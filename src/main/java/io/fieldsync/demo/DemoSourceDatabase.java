package io.fieldsync.demo;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's field-service database: embedded H2 in MySQL mode, created from the project's copy
 * of the reference schema and filled with generated sample data. Used only when
 * {@code fieldsync.source.url} is empty.
 */
@Component
public class DemoSourceDatabase {

    public static final String URL =
            "jdbc:h2:mem:fieldservice;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    private static final Logger log = LoggerFactory.getLogger(DemoSourceDatabase.class);

    private final SampleDataSize size;

    public DemoSourceDatabase(@Value("${fieldsync.demo.customers:40}") int customers,
                              @Value("${fieldsync.demo.invoices:300}") int invoices,
                              @Value("${fieldsync.demo.purchase-orders:25}") int purchaseOrders) {
        this.size = new SampleDataSize(customers, invoices, purchaseOrders);
    }

    public void load(DataSource dataSource) {
        long started = System.nanoTime();
        FieldServiceSchema.create(dataSource);
        SampleData.Counts counts = new SampleData(size).writeTo(dataSource);
        log.info("Demo field-service database {} loaded in {} ms: {}", URL,
                (System.nanoTime() - started) / 1_000_000, counts);
    }
}
