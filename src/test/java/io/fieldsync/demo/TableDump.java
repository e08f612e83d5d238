package io.fieldsync.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Every row of the field-service tables in a form that compares equal across H2 and MariaDB. */
final class TableDump {

    private TableDump() {
    }

    /** Asserts both databases hold the same rows, naming the first row that differs. */
    static void assertSameRows(DataSource expected, DataSource actual) throws SQLException {
        Map<String, List<List<Object>>> want = of(expected);
        Map<String, List<List<Object>>> got = of(actual);
        for (String table : want.keySet()) {
            List<List<Object>> wantRows = want.get(table);
            List<List<Object>> gotRows = got.get(table);
            for (int r = 0; r < Math.min(wantRows.size(), gotRows.size()); r++) {
                org.assertj.core.api.Assertions.assertThat(gotRows.get(r)).as(table + " row " + (r + 1))
                        .isEqualTo(wantRows.get(r));
            }
            org.assertj.core.api.Assertions.assertThat(gotRows).as(table + " rows").hasSameSizeAs(wantRows);
        }
    }

    static Map<String, List<List<Object>>> of(DataSource dataSource) throws SQLException {
        Map<String, List<List<Object>>> dump = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : FieldServiceSchema.TABLES) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.add(meta.getColumnLabel(c).toLowerCase() + "=" + value(rs, c, meta.getColumnType(c)));
                        }
                        rows.add(row);
                    }
                }
                dump.put(table, rows);
            }
        }
        return dump;
    }

    private static Object value(ResultSet rs, int c, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT, Types.TINYINT -> rs.getBoolean(c);
            case Types.TIMESTAMP -> rs.getObject(c, LocalDateTime.class);
            case Types.DATE -> rs.getObject(c, LocalDate.class);
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(c) == null ? null : rs.getBigDecimal(c).toPlainString();
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                    rs.getBytes(c) == null ? null : HexFormat.of().formatHex(rs.getBytes(c));
            default -> rs.getString(c);
        };
        return rs.wasNull() ? null : value;
    }
}
