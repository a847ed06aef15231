package dev.winnow.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.winnow.UserError;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Whole-database backups. {@link #write} takes a consistent snapshot while Winnow keeps serving:
 * for SQLite an online copy of the database file ({@code VACUUM INTO}), for PostgreSQL a portable
 * dump (a zip of one JSON-lines file per table, read in one repeatable-read transaction).
 * {@link #restore} loads either kind into an EMPTY database of either kind, so a team can move
 * from the embedded SQLite file to PostgreSQL.
 */
public final class Backup {
    /** Marks a portable dump. */
    static final String MANIFEST = "winnow-backup.json";
    static final String FORMAT = "winnow-backup";
    private static final String HISTORY = "flyway_schema_history";

    private Backup() {
    }

    /** What a backup or restore did. */
    public record Summary(String kind, Map<String, Long> rowsPerTable) {
        public long totalRows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes a snapshot of the whole database to {@code out} (replaced atomically if it exists). */
    public static Summary write(Database db, Path out) {
        return atomically(out, tmp -> db.dialect() == Database.Dialect.SQLITE ? sqliteSnapshot(db, tmp) : dump(db, tmp));
    }

    /** Writes a portable dump (zip of JSON lines) whatever the database. */
    public static Summary writePortable(Database db, Path out) {
        return atomically(out, tmp -> dump(db, tmp));
    }

    private interface Writing {
        Summary to(Path tmp) throws IOException, SQLException;
    }

    /** Writes beside {@code out} first and moves the finished file into place: a reader never sees half a backup. */
    private static Summary atomically(Path out, Writing writing) {
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try {
            Files.deleteIfExists(tmp);
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Summary s = writing.to(tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } catch (IOException e) {
            throw new UserError("cannot write the backup " + out + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("backup failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    private static Summary sqliteSnapshot(Database db, Path tmp) throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("vacuum into '" + tmp.toString().replace("'", "''") + "'");
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String t : tables(c)) {
                counts.put(t, count(c, t));
            }
            return new Summary("sqlite-file", counts);
        }
    }

    /** A portable dump: manifest + one JSON-lines entry per table, in foreign-key order. */
    static Summary dump(Database db, Path out) throws IOException, SQLException {
        try (Connection c = db.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            if (db.dialect() == Database.Dialect.POSTGRESQL) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            }
            try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(out));
                 ZipOutputStream zip = new ZipOutputStream(fo)) {
                List<String> order = foreignKeyOrder(c);
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String table : order) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
                    counts.put(table, writeTable(c, table, zip));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", FORMAT);
                manifest.put("formatVersion", 1);
                manifest.put("schemaVersion", schemaVersion(c));
                manifest.put("from", db.dialect().name().toLowerCase(Locale.ROOT));
                manifest.put("createdAt", Clock.now());
                manifest.put("tables", counts);
                zip.write(Json.pretty(manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
                c.commit();
                return new Summary("portable-dump", counts);
            } finally {
                c.setReadOnly(false);
                c.setAutoCommit(auto);
            }
        }
    }

    private static long writeTable(Connection c, String table, OutputStream zip) throws SQLException, IOException {
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(new NonClosing(zip));
        long n = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select * from " + quote(table) + orderBy(c, table))) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                g.writeStartObject();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    g.writeFieldName(md.getColumnName(i).toLowerCase(Locale.ROOT));
                    Object v = rs.getObject(i);
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof byte[] b) {
                        g.writeStartObject();
                        g.writeStringField("$base64", Base64.getEncoder().encodeToString(b));
                        g.writeEndObject();
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else if (v instanceof Number num) {
                        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
                            g.writeNumber(num.doubleValue());
                        } else {
                            g.writeNumber(num.longValue());
                        }
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
                g.writeRaw('\n');
                n++;
            }
        }
        g.flush();
        return n;
    }

    private static String orderBy(Connection c, String table) throws SQLException {
        List<String> pk = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, schema(c), table)) {
            while (rs.next()) {
                pk.add(quote(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)));
            }
        }
        return pk.isEmpty() ? "" : " order by " + String.join(", ", pk);
    }

    /**
     * Restores a backup (an SQLite snapshot or a portable dump) into {@code target}, which must
     * hold no data. All of it is restored in one transaction, or none of it.
     */
    public static Summary restore(Path file, Database target) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        String kind = sniff(file);
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try {
                requireEmpty(c);
                Summary s = switch (kind) {
                    case "sqlite-file" -> restoreFromSqlite(file, c, target.dialect());
                    case "portable-dump" -> restoreFromDump(file, c, target.dialect());
                    default -> throw new UserError(file + ": not a Winnow backup (expected an SQLite database "
                            + "file or a zip written by 'winnow backup')");
                };
                if (target.dialect() == Database.Dialect.POSTGRESQL) {
                    resetSequences(c, s.rowsPerTable().keySet());
                }
                c.commit();
                return s;
            } catch (RuntimeException | SQLException | IOException e) {
                c.rollback();
                throw e;
            }
        } catch (UserError e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreException("restore failed, nothing was restored: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the backup: " + e.getMessage(), e);
        }
    }

    static String sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (s.startsWith("SQLite format 3")) {
                return "sqlite-file";
            }
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return "portable-dump";
            }
            return "unknown";
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Summary restoreFromSqlite(Path file, Connection target, Database.Dialect dialect)
            throws SQLException {
        String url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro";
        try (Connection src = java.sql.DriverManager.getConnection(url)) {
            checkSchemaVersion(schemaVersion(src), schemaVersion(target));
            Map<String, Long> counts = new LinkedHashMap<>();
            List<String> present = tables(src);
            for (String table : foreignKeyOrder(target)) {
                if (!present.contains(table)) {
                    counts.put(table, 0L);
                    continue;
                }
                try (Statement st = src.createStatement();
                     ResultSet rs = st.executeQuery("select * from " + quote(table))) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
                    }
                    Inserter ins = new Inserter(target, table, cols);
                    long n = 0;
                    while (rs.next()) {
                        Object[] row = new Object[cols.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        ins.add(row);
                        n++;
                    }
                    ins.finish();
                    counts.put(table, n);
                }
            }
            return new Summary("sqlite-file", counts);
        }
    }

    private static Summary restoreFromDump(Path file, Connection target, Database.Dialect dialect)
            throws IOException, SQLException {
        Map<String, Object> manifest = null;
        // first pass: the manifest (written last)
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(MANIFEST)) {
                    manifest = Json.MAPPER.readValue(zip.readAllBytes(),
                            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
                }
            }
        }
        if (manifest == null || !FORMAT.equals(manifest.get("format"))) {
            throw new UserError(file + ": not a Winnow backup (no " + MANIFEST + " inside)");
        }
        Object v = manifest.get("schemaVersion");
        checkSchemaVersion(v == null ? null : v.toString(), schemaVersion(target));
        Set<String> targetTables = new LinkedHashSet<>(tables(target));
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!name.startsWith("tables/") || !name.endsWith(".jsonl")) {
                    continue;
                }
                String table = name.substring("tables/".length(), name.length() - ".jsonl".length());
                if (!targetTables.contains(table)) {
                    throw new UserError(file + ": the backup has a table '" + table + "' this Winnow does not know");
                }
                counts.put(table, loadTable(new NonClosingIn(zip), target, table));
            }
        }
        return new Summary("portable-dump", counts);
    }

    private static long loadTable(InputStream in, Connection target, String table) throws IOException, SQLException {
        long n = 0;
        Inserter ins = null;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> row = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String col = p.currentName();
                    JsonToken t = p.nextToken();
                    row.put(col, switch (t) {
                        case VALUE_NULL -> null;
                        case VALUE_TRUE -> Boolean.TRUE;
                        case VALUE_FALSE -> Boolean.FALSE;
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                        case START_OBJECT -> {
                            byte[] bytes = null;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                p.nextToken();
                                bytes = Base64.getDecoder().decode(p.getText());
                            }
                            yield bytes;
                        }
                        default -> p.getText();
                    });
                }
                if (ins == null) {
                    ins = new Inserter(target, table, new ArrayList<>(row.keySet()));
                }
                ins.add(row.values().toArray());
                n++;
            }
        }
        if (ins != null) {
            ins.finish();
        }
        return n;
    }

    /** Batched inserts that convert values to the target column's type (0/1 ↔ boolean, etc.). */
    private static final class Inserter {
        private final PreparedStatement ps;
        private final int[] types;
        private int pending;

        Inserter(Connection c, String table, List<String> cols) throws SQLException {
            Map<String, Integer> colTypes = columnTypes(c, table);
            types = new int[cols.size()];
            List<String> quoted = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                Integer t = colTypes.get(cols.get(i));
                if (t == null) {
                    throw new UserError("the backup's table " + table + " has a column '" + cols.get(i)
                            + "' this Winnow does not know");
                }
                types[i] = t;
                quoted.add(quote(cols.get(i)));
            }
            ps = c.prepareStatement("insert into " + quote(table) + " (" + String.join(", ", quoted) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")");
        }

        void add(Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                Object v = convert(row[i], types[i]);
                if (v == null) {
                    ps.setNull(i + 1, types[i]);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.addBatch();
            if (++pending == 500) {
                ps.executeBatch();
                pending = 0;
            }
        }

        void finish() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
            }
            ps.close();
        }

        private static Object convert(Object v, int type) {
            if (v == null) {
                return null;
            }
            return switch (type) {
                case Types.BOOLEAN, Types.BIT -> v instanceof Boolean b ? b
                        : v instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(v.toString());
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> v instanceof Number n ? (Object) n.longValue()
                        : v instanceof Boolean b ? (b ? 1L : 0L) : Long.parseLong(v.toString());
                case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC, Types.DECIMAL ->
                        v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> v instanceof byte[] ? v
                        : v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                default -> v instanceof byte[] ? v : v.toString();
            };
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select * from " + quote(table) + " where 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int t = md.getColumnType(i);
                String name = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                if (name.startsWith("bool")) {
                    t = Types.BOOLEAN;
                } else if (name.equals("blob") || name.equals("bytea")) {
                    t = Types.BLOB;
                }
                out.put(md.getColumnName(i).toLowerCase(Locale.ROOT), t);
            }
        }
        return out;
    }

    private static void requireEmpty(Connection c) throws SQLException {
        for (String t : tables(c)) {
            if (count(c, t) > 0) {
                throw new UserError("the target database is not empty (table " + t + " has rows): restore only "
                        + "into an empty database");
            }
        }
    }

    private static void resetSequences(Connection c, Set<String> tables) throws SQLException {
        for (String t : tables) {
            if (!columnTypes(c, t).containsKey("id")) {
                continue;
            }
            String sequence;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select pg_get_serial_sequence('" + t + "', 'id')")) {
                sequence = rs.next() ? rs.getString(1) : null;
            }
            if (sequence != null) {
                try (Statement st = c.createStatement()) {
                    st.execute("select setval('" + sequence + "', coalesce((select max(id) from " + quote(t)
                            + "), 0) + 1, false)");
                }
            }
        }
    }

    private static void checkSchemaVersion(String backup, String target) {
        if (backup == null || target == null) {
            return;
        }
        if (compareVersions(backup, target) > 0) {
            throw new UserError("the backup comes from a newer Winnow (schema " + backup + ") than this one (schema "
                    + target + "): upgrade Winnow first");
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    static String schemaVersion(Connection c) throws SQLException {
        if (!tablesIncludingHistory(c).contains(HISTORY)) {
            return null;
        }
        List<String> versions = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version from " + HISTORY + " where success = "
                     + (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite") ? "1" : "true")
                     + " and version is not null")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions.stream().max(Backup::compareVersions).orElse(null);
    }

    /** Winnow's tables (not Flyway's), parents before children. */
    static List<String> foreignKeyOrder(Connection c) throws SQLException {
        List<String> all = tables(c);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData md = c.getMetaData();
        for (String t : all) {
            Set<String> ps = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, schema(c), t)) {
                while (rs.next()) {
                    String p = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!p.equals(t)) {
                        ps.add(p);
                    }
                }
            }
            parents.put(t, ps);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < all.size()) {
            boolean progressed = false;
            for (String t : all) {
                if (!done.contains(t) && done.containsAll(parents.get(t))) {
                    order.add(t);
                    done.add(t);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new StoreException("the tables' foreign keys form a cycle: " + parents);
            }
        }
        return order;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>(tablesIncludingHistory(c));
        out.remove(HISTORY);
        return out;
    }

    private static List<String> tablesIncludingHistory(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_")) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String schema(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? c.getSchema() : null;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new StoreException("unexpected table or column name '" + identifier + "'");
        }
        return "\"" + identifier + "\"";
    }

    /** Lets a zip entry be written by a JSON generator without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NonClosingIn extends java.io.FilterInputStream {
        NonClosingIn(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}
