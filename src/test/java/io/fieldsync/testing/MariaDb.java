package io.fieldsync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB (or MySQL) server the integration tests use, at {@code test.mysql.url}
 * (default 127.0.0.1:3306, root, empty password; .ci/run makes sure it is up).
 */
public final class MariaDb {

    public static final String BASE_URL = System.getProperty("test.mysql.url", "jdbc:mysql://127.0.0.1:3306");
    public static final String USERNAME = System.getProperty("test.mysql.username", "root");
    public static final String PASSWORD = System.getProperty("test.mysql.password", "");

    private MariaDb() {
    }

    public static String url(String database) {
        return BASE_URL + "/" + database + "?allowPublicKeyRetrieval=true&useSSL=false&connectionTimeZone=UTC";
    }

    /** Drops and creates a database, so a test run starts from nothing. */
    public static void recreate(String database) {
        try (Connection connection = DriverManager.getConnection(url(""), USERNAME, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + BASE_URL + " is needed for the integration tests"
                    + " (start it, or run .ci/run): " + e.getMessage(), e);
        }
    }
}
