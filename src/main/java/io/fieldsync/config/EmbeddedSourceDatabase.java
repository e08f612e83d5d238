package io.fieldsync.config;

import javax.sql.DataSource;

/**
 * The field-service database used when {@code fieldsync.source.url} is empty (the demo implements it,
 * on the demo's classpath only), so the data sources need not know the demo. The production jar has none.
 */
public interface EmbeddedSourceDatabase {

    /** Whether it was asked for: without, no field-service database configured stops the start. */
    boolean askedFor();

    String url();

    /** Creates its tables and fills them, once the pool on {@link #url()} is open. */
    void load(DataSource dataSource);
}
