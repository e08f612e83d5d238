package io.fieldsync.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.database.*}: how long either database (the field-service one and the state
 * store) may keep a run waiting. Without them a query on a half-open socket (a fail-over, a
 * dropped route) waits for good: the heartbeat comes from another thread, so the run never looks
 * stale and every later sync gets 409.
 *
 * @param connectTimeout how long opening a TCP connection to a MySQL/MariaDB server may take
 * @param socketTimeout  how long a MySQL/MariaDB connection may wait for any answer from the
 *                       server; longer than queryTimeout, so a slow query is cancelled by the
 *                       server first and only a silent socket ends here
 * @param queryTimeout   how long one statement may run (camel-sql, JdbcTemplate and JPA queries)
 */
@Validated
@ConfigurationProperties("fieldsync.database")
public record DatabaseTimeouts(@NotNull Duration connectTimeout,
                               @NotNull Duration socketTimeout,
                               @NotNull Duration queryTimeout) {

    /** The limit a wait that ended with no answer from the server reached, for a person to read ("30 s"). */
    public static String inWords(Duration limit) {
        long seconds = limit.toSeconds();
        return seconds > 0 && limit.toMillis() % 1000 == 0 ? seconds + " s" : limit.toMillis() + " ms";
    }

    /** Whether a JDBC URL reaches a MySQL/MariaDB server through Connector/J's socket properties. */
    static boolean isMysqlProtocol(String url) {
        return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
    }

    /**
     * A JdbcTemplate on a pool the auto-configured one does not use (the field-service database),
     * with the same query timeout.
     */
    public org.springframework.jdbc.core.JdbcTemplate jdbcTemplate(javax.sql.DataSource dataSource) {
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setQueryTimeout(querySeconds());
        return template;
    }

    int querySeconds() {
        return (int) Math.max(1, queryTimeout.toSeconds());
    }
}
