package io.fieldsync.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Sample books of an Australian plumbing, electrical and pool-service business, written into a
 * field-service database that holds the reference schema and no rows. Deterministic: the same size
 * and day always give the same rows, ids included. Everything is dated within the 90 days before
 * {@code today} and nothing on or after it.
 */
public final class SampleData {

    /** The seed of every choice the generator makes. */
    public static final long SEED = 20_240_701L;

    private final SampleDataSize size;
    private final LocalDate today;

    /** Default size, dated up to the start of today. */
    public SampleData() {
        this(SampleDataSize.DEFAULT);
    }

    /** Dated up to the start of today: loads on the same day give identical rows. */
    public SampleData(SampleDataSize size) {
        this(size, LocalDate.now());
    }

    /** Dated within the 90 days before {@code today}; fixing the day fixes every row. */
    public SampleData(SampleDataSize size, LocalDate today) {
        this.size = size;
        this.today = today;
    }

    public SampleDataSize size() {
        return size;
    }

    /** Inserts the sample rows in one transaction, parents first; rolls back on any failure. */
    public Counts writeTo(DataSource dataSource) {
        List<Table> tables = new SampleRows(size, today, SEED).build();
        String table = null;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (Table t : tables) {
                    table = t.name();
                    t.insertInto(connection);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("write sample data into " + table, null, e);
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t.name(), t.size()));
        return new Counts(rows);
    }

    /** Rows written per table, in insert order. */
    public record Counts(Map<String, Integer> rowsPerTable) {

        public Counts {
            rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
        }

        public int of(String table) {
            return rowsPerTable.getOrDefault(table, 0);
        }

        public int total() {
            return rowsPerTable.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return rowsPerTable.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
