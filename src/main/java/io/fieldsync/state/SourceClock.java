package io.fieldsync.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.sql.DataSource;

import io.fieldsync.config.SourceDatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The field-service database's time: its DATETIME columns hold wall-clock times of the zone its
 * server (or {@code fieldsync.source.time-zone}) keeps, at microsecond precision. FieldSync's own
 * times are instants; every comparison of the two goes through here, so there is one convention.
 * Keyset positions are handed to SQL as text with all six fraction digits: MySQL Connector/J cuts
 * {@code Timestamp} parameters to whole seconds on MariaDB (it reads its version as 5.5.5), and a
 * literal is compared at the column's own precision by MySQL, MariaDB and H2 alike.
 */
@Component
public class SourceClock {

    private static final Logger log = LoggerFactory.getLogger(SourceClock.class);
    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final DataSource source;
    private volatile ZoneId zone;

    public SourceClock(@Qualifier("sourceDataSource") DataSource source, SourceDatabaseSettings settings) {
        this.source = source;
        String configuredZone = settings.getTimeZone();
        try {
            this.zone = StringUtils.hasText(configuredZone) ? ZoneId.of(configuredZone.trim()) : null;
        } catch (DateTimeException e) {
            throw new IllegalStateException("fieldsync.source.time-zone=" + configuredZone
                    + " is not a time zone: use an id such as Australia/Sydney or an offset such as +10:00");
        }
    }

    /** The zone the field-service database's times are in: the setting, or else the server's own. */
    public ZoneId zone() {
        ZoneId known = zone;
        if (known == null) {
            synchronized (this) {
                if (zone == null) {
                    zone = serverZone();
                    log.info("Field-service times are read in time zone {} (the database server's;"
                            + " fieldsync.source.time-zone sets another)", zone);
                }
                known = zone;
            }
        }
        return known;
    }

    /** A DATETIME value as the driver returned it, as a wall-clock time (null for NULL or a zero date). */
    public static LocalDateTime localTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toLocalDateTime();
        }
        throw new IllegalArgumentException("not a date and time: " + value + " (" + value.getClass().getSimpleName() + ")");
    }

    /** A field-service time as the instant it was, in FieldSync's terms. */
    public Instant toInstant(Object columnValue) {
        LocalDateTime local = localTime(columnValue);
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    /** One of FieldSync's instants as the field-service database would write it. */
    public LocalDateTime toLocal(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone());
    }

    /** A wall-clock time as a SQL literal with all its microseconds, for keyset parameters. */
    public static String sqlLiteral(LocalDateTime local) {
        return SQL_DATETIME.format(local);
    }

    /** The inverse of {@link #sqlLiteral}. */
    public static LocalDateTime parseSqlLiteral(String text) {
        return LocalDateTime.parse(text, SQL_DATETIME);
    }

    private ZoneId serverZone() {
        try (Connection connection = source.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product != null && product.toLowerCase(Locale.ROOT).contains("h2")) {
                return ZoneId.systemDefault(); // embedded: the server is this JVM
            }
            try (Statement statement = connection.createStatement();
                 ResultSet zones = statement.executeQuery("select @@global.time_zone, @@system_time_zone,"
                         + " timestampdiff(second, utc_timestamp(), now())")) {
                zones.next();
                String global = zones.getString(1);
                String system = zones.getString(2);
                int offsetSeconds = zones.getInt(3);
                ZoneId named = zoneNamed("SYSTEM".equalsIgnoreCase(global) ? system : global);
                // a name that does not give the server's offset now is not the zone the server means
                if (named != null && named.getRules().getOffset(Instant.now()).getTotalSeconds() == offsetSeconds) {
                    return named;
                }
                return ZoneOffset.ofTotalSeconds(offsetSeconds);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The field-service database's time zone cannot be read (set fieldsync.source.time-zone): "
                    + e.getMessage(), e);
        }
    }

    private static ZoneId zoneNamed(String name) {
        if (!StringUtils.hasText(name)) {
            return null;
        }
        try {
            return ZoneId.of(name.trim(), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null; // "AEDT", "CET" and other abbreviations Java does not know: the offset decides
        }
    }
}
