package io.fieldsync.config;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens one connection at start-up so a wrong URL, host or password stops the connector at once
 * with the setting to fix, instead of surfacing as a stack trace in the middle of the first sync.
 */
final class DatabaseReachability {

    private DatabaseReachability() {
    }

    static HikariDataSource verify(HikariDataSource dataSource, String setting) {
        try (Connection ignored = dataSource.getConnection()) {
            return dataSource;
        } catch (SQLException | RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnreachableException(setting, dataSource.getJdbcUrl(), e);
        }
    }
}
