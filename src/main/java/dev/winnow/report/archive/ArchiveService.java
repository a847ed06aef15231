package dev.winnow.report.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.Slugs;
import dev.winnow.report.ReportService;
import dev.winnow.report.flow.FlowCalculator;
import dev.winnow.report.render.PrismaData;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Clock;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.ProjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * A project as one file that another Winnow can import: a zip holding {@code manifest.json}, the
 * people referred to ({@code users.json}: names only, never password hashes), one JSON-lines file
 * per table ({@code tables/NAME.jsonl}: protocol versions, sources, import files with their hashes,
 * source records with their raw text, studies and links, stages, decisions, resolutions, full texts,
 * charting, audit events, and any table later migrations add), and the PRISMA numbers at export
 * time ({@code report/prisma.json}). Importing gives every row a new id and re-links the
 * references; the whole import is one transaction.
 */
public final class ArchiveService {
    public static final String FORMAT = "winnow-archive";
    public static final int VERSION = 1;

    /** Columns whose JSON holds a list of ids of another table, re-linked on import. */
    private static final Map<String, String> ID_LISTS = Map.of("pilot_round.sample", "study");

    private final Database db;

    public ArchiveService(Database db) {
        this.db = db;
    }

    /** What an import did. */
    public record Imported(Project project, Map<String, Integer> rows, boolean prismaMatches,
                           dev.winnow.dedup.DedupService.Summary dedup) {
    }

    public void export(Project p, OutputStream out, String actor) {
        db.useTransaction(h -> {
            try {
                write(h, p, out);
            } catch (IOException e) {
                throw new UserError("cannot write the archive: " + e.getMessage(), e);
            }
        });
        db.useTransaction(h -> AuditStore.record(h, p.id(), null, actor, "archive.export", "project " + p.key(), null));
    }

    private static void write(Handle h, Project p, OutputStream raw) throws IOException {
        Schema schema = Schema.read(h);
        ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8);
        List<Map<String, Object>> tableInfo = new ArrayList<>();
        java.util.Set<Long> userIds = new java.util.TreeSet<>();
        for (String name : schema.order) {
            Schema.Table t = schema.tables.get(name);
            String scope = schema.scope(name);
            if (scope == null) {
                continue;
            }
            String order = t.primaryKey().isEmpty() ? "1" : String.join(", ", t.primaryKey());
            MessageDigest sha = sha256();
            zip.putNextEntry(new ZipEntry("tables/" + name + ".jsonl"));
            int[] rows = {0};
            h.createQuery("select * from " + name + " where " + scope + " order by " + order).bind("p", p.id())
                    .scanResultSet((supplier, ctx) -> {
                        try (ResultSet rs = supplier.get()) {
                            while (rs.next()) {
                                Map<String, Object> row = row(rs, t);
                                for (Schema.ForeignKey fk : t.foreignKeys()) {
                                    if (fk.table().equals("app_user") && row.get(fk.column()) != null) {
                                        userIds.add(((Number) row.get(fk.column())).longValue());
                                    }
                                }
                                byte[] line = (Json.write(row) + "\n").getBytes(StandardCharsets.UTF_8);
                                sha.update(line);
                                zip.write(line);
                                rows[0]++;
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return null;
                    });
            zip.closeEntry();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", name);
            info.put("rows", rows[0]);
            info.put("sha256", HexFormat.of().formatHex(sha.digest()));
            tableInfo.add(info);
        }
        List<Map<String, Object>> users = new ArrayList<>();
        for (long id : userIds) {
            h.createQuery("select id, username, display_name from app_user where id = :id").bind("id", id)
                    .map((rs, ctx) -> {
                        Map<String, Object> u = new LinkedHashMap<>();
                        u.put("id", rs.getLong(1));
                        u.put("username", rs.getString(2));
                        u.put("display_name", rs.getString(3));
                        return u;
                    }).findOne().ifPresent(users::add);
        }
        entry(zip, "users.json", Json.pretty(users));
        entry(zip, "report/prisma.json", Json.pretty(PrismaData.json(FlowCalculator.compute(ReportService.facts(h, p.id())))));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("winnow", String.valueOf(ArchiveService.class.getPackage().getImplementationVersion()));
        manifest.put("exported_at", Clock.now());
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("key", p.key());
        project.put("title", p.title());
        project.put("kind", p.kind().label());
        project.put("description", p.description());
        project.put("created_at", p.createdAt());
        manifest.put("project", project);
        manifest.put("tables", tableInfo);
        entry(zip, "manifest.json", Json.pretty(manifest));
        zip.finish();
    }

    private static Map<String, Object> row(ResultSet rs, Schema.Table t) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Schema.Column c : t.columns()) {
            Object v = switch (c.type()) {
                case BOOL -> rs.getBoolean(c.name());
                case INT -> rs.getLong(c.name());
                case REAL -> rs.getDouble(c.name());
                case BYTES -> {
                    byte[] b = rs.getBytes(c.name());
                    yield b == null ? null : Base64.getEncoder().encodeToString(b);
                }
                case TEXT -> rs.getString(c.name());
            };
            row.put(c.name(), rs.wasNull() ? null : v);
        }
        return row;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    // ---- import

    /**
     * Imports an archive as a new project.
     *
     * @param key the new project's key; null keeps the archived key
     */
    public Imported importArchive(InputStream in, String fileName, String key, String actor) {
        Map<String, byte[]> entries = readZip(in, fileName);
        JsonNode manifest = json(entries, "manifest.json", fileName);
        if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("version").asInt() != VERSION) {
            throw new UserError(fileName + ": not a Winnow archive of version " + VERSION + " (manifest.json says "
                    + manifest.path("format").asText("?") + " " + manifest.path("version").asText("?") + ")");
        }
        JsonNode proj = manifest.path("project");
        String newKey = key != null ? key : proj.path("key").asText();
        if (!Slugs.isKey(newKey)) {
            throw new UserError("'" + newKey + "' is not a project key: use lower-case letters, digits and hyphens");
        }
        for (JsonNode t : manifest.path("tables")) {
            byte[] data = entries.get("tables/" + t.path("name").asText() + ".jsonl");
            if (data == null) {
                throw new UserError(fileName + ": table " + t.path("name").asText() + " is listed but missing");
            }
            if (!HexFormat.of().formatHex(sha256().digest(data)).equals(t.path("sha256").asText())) {
                throw new UserError(fileName + ": tables/" + t.path("name").asText() + ".jsonl does not match its "
                        + "SHA-256 in manifest.json (the archive was changed or damaged)");
            }
        }
        Imported result = db.inTransaction(h -> {
            if (ProjectStore.keyExists(h, newKey)) {
                throw new UserError("a project with key '" + newKey + "' already exists here: import with --key NEWKEY");
            }
            Project p = ProjectStore.insert(h, newKey, proj.path("title").asText(),
                    ProjectKind.parse(proj.path("kind").asText("scoping")),
                    proj.path("description").isNull() ? null : proj.path("description").asText(null));
            Map<Long, Long> users = importUsers(h, json(entries, "users.json", fileName));
            Schema schema = Schema.read(h);
            Map<String, Map<Long, Long>> ids = new HashMap<>();
            ids.put("app_user", users);
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<String> listed = new ArrayList<>();
            manifest.path("tables").forEach(t -> listed.add(t.path("name").asText()));
            for (String name : listed) {
                if (!schema.tables.containsKey(name)) {
                    throw new UserError(fileName + ": the archive holds table '" + name + "', which this Winnow does "
                            + "not have (was it exported by a newer version?)");
                }
            }
            for (String name : schema.order) {
                if (!listed.contains(name)) {
                    continue;
                }
                Schema.Table t = schema.tables.get(name);
                int n = 0;
                for (String line : new String(entries.get("tables/" + name + ".jsonl"), StandardCharsets.UTF_8)
                        .split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    insert(h, t, (ObjectNode) Json.read(line, JsonNode.class), p.id(), ids, fileName);
                    n++;
                }
                counts.put(name, n);
            }
            String archived = entries.containsKey("report/prisma.json")
                    ? Json.read(new String(entries.get("report/prisma.json"), StandardCharsets.UTF_8), JsonNode.class)
                    .toString() : null;
            String now = Json.read(Json.write(PrismaData.json(FlowCalculator.compute(ReportService.facts(h, p.id())))),
                    JsonNode.class).toString();
            AuditStore.record(h, p.id(), null, actor, "archive.import", "file " + fileName,
                    Map.of("from_project", proj.path("key").asText(), "rows", counts));
            return new Imported(p, counts, now.equals(archived), null);
        });
        // as after every import: records the archive holds without a study (it was exported before
        // deduplication, or by hand-added records) are linked now; linked records stay as archived
        var dedup = new dev.winnow.dedup.DedupService(db).run(result.project(),
                new dev.winnow.importing.ImportService.Actor(null, actor));
        return new Imported(result.project(), result.rows(), result.prismaMatches(), dedup);
    }

    private static Map<Long, Long> importUsers(Handle h, JsonNode users) {
        Map<Long, Long> map = new HashMap<>();
        for (JsonNode u : users) {
            String name = u.path("username").asText();
            Long id = h.createQuery("select id from app_user where username = :u").bind("u", name)
                    .mapTo(Long.class).findOne().orElse(null);
            if (id == null) {
                // a person known by name only: no password, so nobody can sign in as them until an admin sets one
                id = h.createQuery("insert into app_user (username, display_name, password_hash, is_admin, created_at) "
                                + "values (:u, :d, null, false, :now) returning id")
                        .bind("u", name).bind("d", u.path("display_name").isNull() ? null
                                : u.path("display_name").asText()).bind("now", Clock.now())
                        .mapTo(Long.class).one();
            }
            map.put(u.path("id").asLong(), id);
        }
        return map;
    }

    private static void insert(Handle h, Schema.Table t, ObjectNode row, long projectId,
                               Map<String, Map<Long, Long>> ids, String fileName) {
        List<String> cols = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Long oldId = null;
        for (Schema.Column c : t.columns()) {
            if (!row.has(c.name())) {
                continue;
            }
            JsonNode v = row.get(c.name());
            if (t.generatedId() && c.name().equals("id")) {
                oldId = v.asLong();
                continue;
            }
            Object value = value(c, v);
            Schema.ForeignKey fk = t.foreignKey(c.name());
            if (fk != null && value != null) {
                if (fk.table().equals("project")) {
                    value = projectId;
                } else {
                    Long mapped = ids.getOrDefault(fk.table(), Map.of()).get(((Number) value).longValue());
                    if (mapped == null) {
                        throw new UserError(fileName + ": " + t.name() + "." + c.name() + " refers to " + fk.table()
                                + " " + value + ", which the archive does not hold");
                    }
                    value = mapped;
                }
            }
            String list = ID_LISTS.get(t.name() + "." + c.name());
            if (list != null && value instanceof String s) {
                value = relink(s, ids.getOrDefault(list, Map.of()));
            }
            if (c.name().equals("idempotency_key")) {
                value = null; // a client's retry key means nothing in another database, and must stay unique
            }
            cols.add(c.name());
            values.put(c.name(), value);
        }
        String sql = "insert into " + t.name() + " (" + String.join(", ", cols) + ") values ("
                + String.join(", ", cols.stream().map(c -> ":" + c).toList()) + ")";
        if (t.generatedId()) {
            Query q = h.createQuery(sql + " returning id");
            bindAll(q, t, cols, values);
            long newId = q.mapTo(Long.class).one();
            ids.computeIfAbsent(t.name(), k -> new HashMap<>()).put(oldId, newId);
        } else {
            Update u = h.createUpdate(sql);
            bindAll(u, t, cols, values);
            u.execute();
        }
    }

    private static void bindAll(SqlStatement<?> st, Schema.Table t, List<String> cols, Map<String, Object> values) {
        for (String c : cols) {
            Object v = values.get(c);
            if (v == null) {
                st.bindNull(c, sqlType(t.column(c).type()));
            } else {
                st.bindByType(c, v, v.getClass());
            }
        }
    }

    private static Object value(Schema.Column c, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (c.type()) {
            case BOOL -> v.isBoolean() ? v.asBoolean() : v.asInt() != 0;
            case INT -> v.asLong();
            case REAL -> v.asDouble();
            case BYTES -> Base64.getDecoder().decode(v.asText());
            case TEXT -> v.isTextual() ? v.asText() : v.toString();
        };
    }

    private static int sqlType(Schema.Type t) {
        return switch (t) {
            case BOOL -> Types.BOOLEAN;
            case INT -> Types.BIGINT;
            case REAL -> Types.DOUBLE;
            case BYTES -> Types.BINARY;
            case TEXT -> Types.VARCHAR;
        };
    }

    private static String relink(String json, Map<Long, Long> ids) {
        try {
            List<Object> list = Json.read(json, new TypeReference<List<Object>>() { });
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(o instanceof Number n && ids.containsKey(n.longValue()) ? ids.get(n.longValue()) : o);
            }
            return Json.write(out);
        } catch (RuntimeException e) {
            return json;
        }
    }

    private static Map<String, byte[]> readZip(InputStream in, String fileName) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                zip.transferTo(b);
                entries.put(e.getName(), b.toByteArray());
            }
        } catch (IOException e) {
            throw new UserError(fileName + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        if (!entries.containsKey("manifest.json")) {
            throw new UserError(fileName + ": not a Winnow archive (no manifest.json inside)");
        }
        return entries;
    }

    private static JsonNode json(Map<String, byte[]> entries, String name, String fileName) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new UserError(fileName + ": " + name + " is missing from the archive");
        }
        try {
            return Json.MAPPER.readTree(b);
        } catch (IOException e) {
            throw new UserError(fileName + ": " + name + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
