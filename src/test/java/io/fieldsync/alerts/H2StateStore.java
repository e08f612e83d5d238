package io.fieldsync.alerts;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh embedded state store migrated by the real Flyway scripts, as the demo runs it: for unit tests of the alert tables. */
final class H2StateStore {

    private H2StateStore() {
    }

    static JdbcTemplate migrated() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/state").load().migrate();
        return new JdbcTemplate(h2);
    }
}
