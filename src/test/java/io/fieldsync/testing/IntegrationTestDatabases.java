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

    public static final String STATE = "fieldsync_it_state";
    public static final String SOURCE = "fieldsync_it_source";
    public static final SampleDataSize SIZE = new SampleDataSize(30, 120, 12);

    private static boolean prepared;

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
