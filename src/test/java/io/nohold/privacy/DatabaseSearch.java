package io.nohold.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

/**
 * A full-text search of every row of NoHold's tables and of all of the engine's tables (runtime, history, byte
 * arrays with serialized values and deployments, comments, the operation log): where does a text occur?
 */
final class DatabaseSearch {

    private static final Set<String> NOHOLD = Set.of("customer", "contact", "support_case", "case_event", "notification",
            "customer_event", "directory_audit");

    private DatabaseSearch() {
    }

    /** "table.column: text" for every value holding one of the texts, compared case-insensitively. */
    static List<String> find(DataSource dataSource, List<String> texts) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    String lower = table.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("act_") || NOHOLD.contains(lower)) {
                        tables.add(table);
                    }
                }
            }
            if (tables.size() < 20) {
                throw new IllegalStateException("the engine's tables were not found: " + tables);
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            String value = text(rows.getObject(column));
                            if (value == null) {
                                continue;
                            }
                            String lower = value.toLowerCase(Locale.ROOT);
                            for (String text : texts) {
                                if (lower.contains(text.toLowerCase(Locale.ROOT))) {
                                    hits.add(table + "." + meta.getColumnName(column) + ": " + text);
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static String text(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }

}
