package io.fieldsync.testing;

import java.net.URI;
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
    private static final String PARAMETERS = "?allowPublicKeyRetrieval=true&useSSL=false&connectionTimeZone=UTC";

    private MariaDb() {
    }

    public static String url(String database) {
        return BASE_URL + "/" + database + PARAMETERS;
    }

    /** The URL of a database reached through a local port (a {@link TcpProxy}) instead of the server's own. */
    public static String urlThrough(TcpProxy proxy, String database) {
        return "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + database + PARAMETERS;
    }

    /** A proxy in front of the server, for tests that take a database away. */
    public static TcpProxy proxy() {
        URI server = URI.create(BASE_URL.substring("jdbc:".length()));
        return TcpProxy.to(server.getHost(), server.getPort() < 0 ? 3306 : server.getPort());
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

    /** One statement on the server as the tests' user (an account, a server setting). */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url(""), USERNAME, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A small pool on one database as the tests' user; the caller closes it. */
    public static com.zaxxer.hikari.HikariDataSource dataSource(String database) {
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(url(database));
        dataSource.setUsername(USERNAME);
        dataSource.setPassword(PASSWORD);
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }
}
