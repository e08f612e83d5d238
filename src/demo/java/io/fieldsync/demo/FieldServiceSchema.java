package io.fieldsync.demo;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The reference field-service schema ({@code classpath:fieldservice/schema.sql}), loaded as it stands
 * into an empty database: H2 2.x in MODE=MySQL, MariaDB 10.11+ or MySQL 8.
 */
public final class FieldServiceSchema {

    public static final String LOCATION = "fieldservice/schema.sql";

    /** Every table of the schema, parents before children: the order to fill them in. */
    public static final List<String> TABLES = List.of(
            "tax_codes", "customers", "sites", "vendors", "materials", "technicians", "jobs",
            "invoices", "invoice_lines", "payments", "purchase_orders", "purchase_order_lines",
            "attachments");

    private FieldServiceSchema() {
    }

    /** Creates the schema's tables and indexes. The database must not hold them yet. */
    public static void create(DataSource dataSource) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(LOCATION));
        populator.setSqlScriptEncoding("UTF-8");
        populator.execute(dataSource);
    }

    /** Drops the schema's tables, children first, so a throwaway database can be loaded again. */
    public static void drop(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (int i = TABLES.size() - 1; i >= 0; i--) {
            jdbc.execute("DROP TABLE IF EXISTS " + TABLES.get(i));
        }
    }
}
