package io.fieldsync.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens one connection at start-up so a wrong URL, host or password stops the connector at once
 * with the setting to fix, instead of surfacing as a stack trace in the middle of the first sync.
 */
final class DatabaseReachability {

    private DatabaseReachability() {
    }

    /** Builds the pool and opens one connection; any failure names the setting. */
    static HikariDataSource open(String setting, String url, Supplier<HikariDataSource> pool) {
        HikariDataSource dataSource = null;
        try {
            dataSource = pool.get();
            try (Connection ignored = dataSource.getConnection()) {
                return dataSource;
            }
        } catch (SQLException | RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw new DatabaseUnreachableException(setting, url, e);
        }
    }
}
