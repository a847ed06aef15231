package dev.winnow.report.archive;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The project's tables as the database describes them (JDBC metadata, so tables added by later
 * migrations are archived too): columns with a coarse type, primary key, foreign keys, and the
 * order in which they can be inserted (a table after every table it refers to).
 */
final class Schema {
    /** Tables that are not project data: sign-in state, migrations, and the two handled apart. */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "web_session", "login_attempt", "app_user",
            "project");

    enum Type { BOOL, INT, REAL, BYTES, TEXT }

    record Column(String name, Type type, boolean nullable) {
    }

    record ForeignKey(String column, String table, String refColumn) {
    }

    record Table(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        ForeignKey foreignKey(String column) {
            return foreignKeys.stream().filter(f -> f.column().equals(column)).findFirst().orElse(null);
        }

        /** True when the key is a generated id: one integer column "id" that refers to nothing. */
        boolean generatedId() {
            return primaryKey.equals(List.of("id")) && foreignKey("id") == null;
        }
    }

    final Map<String, Table> tables;
    /** Insertion order: every table after the tables it refers to. */
    final List<String> order;

    private Schema(Map<String, Table> tables, List<String> order) {
        this.tables = tables;
        this.order = order;
    }

    static Schema read(Handle h) {
        try {
            Connection c = h.getConnection();
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            boolean sqlite = md.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
            String pattern = sqlite ? null : schema;
            Map<String, Table> tables = new TreeMap<>();
            try (ResultSet rs = md.getTables(null, pattern, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith("sqlite_")) {
                        tables.put(name, null);
                    }
                }
            }
            for (String name : List.copyOf(tables.keySet())) {
                List<Column> cols = new ArrayList<>();
                try (ResultSet rs = md.getColumns(null, pattern, name, "%")) {
                    while (rs.next()) {
                        cols.add(new Column(rs.getString("COLUMN_NAME"), type(rs.getString("TYPE_NAME")),
                                !"NO".equals(rs.getString("IS_NULLABLE"))));
                    }
                }
                Map<Integer, String> pk = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(null, pattern, name)) {
                    while (rs.next()) {
                        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    }
                }
                List<ForeignKey> fks = new ArrayList<>();
                try (ResultSet rs = md.getImportedKeys(null, pattern, name)) {
                    while (rs.next()) {
                        fks.add(new ForeignKey(rs.getString("FKCOLUMN_NAME"),
                                rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT), rs.getString("PKCOLUMN_NAME")));
                    }
                }
                tables.put(name, new Table(name, cols, List.copyOf(pk.values()), fks));
            }
            return new Schema(tables, order(tables));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's tables: " + e.getMessage(), e);
        }
    }

    static Type type(String typeName) {
        String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (t.contains("bool")) {
            return Type.BOOL;
        }
        if (t.contains("int") || t.contains("serial")) {
            return Type.INT;
        }
        if (t.contains("real") || t.contains("float") || t.contains("double") || t.contains("numeric")) {
            return Type.REAL;
        }
        if (t.contains("blob") || t.contains("bytea") || t.contains("binary")) {
            return Type.BYTES;
        }
        return Type.TEXT;
    }

    private static List<String> order(Map<String, Table> tables) {
        List<String> out = new ArrayList<>();
        Map<String, Boolean> state = new LinkedHashMap<>();
        for (String t : tables.keySet()) {
            visit(t, tables, state, out);
        }
        return out;
    }

    private static void visit(String t, Map<String, Table> tables, Map<String, Boolean> state, List<String> out) {
        if (Boolean.TRUE.equals(state.get(t))) {
            return;
        }
        if (Boolean.FALSE.equals(state.get(t))) {
            throw new IllegalStateException("the tables refer to each other in a cycle at " + t);
        }
        state.put(t, false);
        for (ForeignKey fk : tables.get(t).foreignKeys()) {
            if (tables.containsKey(fk.table()) && !fk.table().equals(t)) {
                visit(fk.table(), tables, state, out);
            }
        }
        state.put(t, true);
        out.add(t);
    }

    /**
     * SQL selecting the key of the rows of {@code table} that belong to the project (parameter
     * {@code :p}), or null when the table has no path to a project.
     */
    String scope(String table) {
        Table t = tables.get(table);
        if (t.column("project_id") != null && t.foreignKey("project_id") != null) {
            return "project_id = :p";
        }
        // through a required reference: a nullable one (decision.pilot_round_id) would miss rows
        for (ForeignKey fk : t.foreignKeys()) {
            if (tables.containsKey(fk.table()) && !fk.table().equals(table) && !t.column(fk.column()).nullable()) {
                String parent = scope(fk.table());
                if (parent != null) {
                    return fk.column() + " in (select " + fk.refColumn() + " from " + fk.table() + " where " + parent
                            + ")";
                }
            }
        }
        return null;
    }
}
