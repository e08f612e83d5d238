package io.fieldsync.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.fieldsync.demo.FieldServiceSchema;
import io.fieldsync.demo.SampleData;
import io.fieldsync.demo.SampleDataSize;

/**
 * The two MariaDB databases of the integration tests: a state store left empty for Flyway, and
 * a field-service database created from the reference schema and filled with the sample data.
 * Made once per test JVM; the tests share them as they share the Spring context.
 */
public final class IntegrationTestDatabases {

    /** {@code test.db.prefix} lets two checkouts run their integration tests on one server at once. */
    private static final String PREFIX = System.getProperty("test.db.prefix", "fieldsync_it");
    public static final String STATE = PREFIX + "_state";
    public static final String SOURCE = PREFIX + "_source";
    public static final SampleDataSize SIZE = new SampleDataSize(30, 120, 12);

    private static boolean prepared;

    /** Another database of this checkout's test run, e.g. {@code database("messy_source")}: a test's own FSM. */
    public static String database(String suffix) {
        return PREFIX + "_" + suffix;
    }

    private IntegrationTestDatabases() {
    }

    public static synchronized void prepareOnce() {
        if (prepared) {
            return;
        }
        MariaDb.recreate(STATE);
        MariaDb.recreate(SOURCE);
        try (HikariDataSource source = new HikariDataSource()) {
            source.setJdbcUrl(MariaDb.url(SOURCE));
            source.setUsername(MariaDb.USERNAME);
            source.setPassword(MariaDb.PASSWORD);
            FieldServiceSchema.create(source);
            new SampleData(SIZE).writeTo(source);
        }
        prepared = true;
    }
}
