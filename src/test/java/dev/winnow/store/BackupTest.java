package dev.winnow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.record.Record;
import dev.winnow.screen.Verdict;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backup → restore into an empty database, across both kinds, keeps every row of every table. */
class BackupTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(TestDb.SQLITE, TestDb.SQLITE, false),
                Arguments.of(TestDb.SQLITE, TestDb.POSTGRESQL, false),
                Arguments.of(TestDb.SQLITE, TestDb.POSTGRESQL, true),
                Arguments.of(TestDb.POSTGRESQL, TestDb.SQLITE, false),
                Arguments.of(TestDb.POSTGRESQL, TestDb.POSTGRESQL, false));
    }

    /** Fills every kind of column: ids, text, JSON, booleans, doubles, bytes, nulls. */
    static void populate(Database db) {
        db.useTransaction(h -> {
            Project p = ProjectStore.insert(h, "p", "Early palliative care", ProjectKind.SCOPING, "it's \"quoted\"");
            long ana = UserStore.insert(h, "ana", "Ana", "$argon2id$x", true).id();
            long ben = UserStore.insert(h, "ben", null, null, false).id();
            UserStore.addMember(h, p.id(), ana, "owner");
            UserStore.addMember(h, p.id(), ben, "reviewer");
            long source = h.createQuery("insert into source (project_id, name, platform, kind, search_string, created_at) "
                    + "values (:p, 'MEDLINE', 'Ovid', 'database', '1. palliative care/', :now) returning id")
                    .bind("p", p.id()).bind("now", Clock.now()).mapTo(Long.class).one();
            long file = h.createQuery("insert into import_file (project_id, source_id, file_name, sha256, size_bytes, format, "
                    + "record_count, imported_at) values (:p, :s, 'a.ris', 'abc', 10, 'ris', 1, :now) returning id")
                    .bind("p", p.id()).bind("s", source).bind("now", Clock.now()).mapTo(Long.class).one();
            Record r = Record.builder().title("Ünïcode — title").year(2020).doi("10.1/x").build();
            long rec = h.createQuery("insert into source_record (project_id, source_id, import_file_id, position, raw_text, "
                    + "fields, title, year, created_at) values (:p, :s, :f, 1, 'TY  - JOUR\nER  -', :fields, :t, 2020, :now) "
                    + "returning id").bind("p", p.id()).bind("s", source).bind("f", file)
                    .bind("fields", RecordJson.write(r)).bind("t", r.title()).bind("now", Clock.now())
                    .mapTo(Long.class).one();
            long study = StudyStore.insert(h, p.id(), r).id();
            h.createUpdate("insert into study_link (source_record_id, study_id, rule, evidence, linked_at) "
                    + "values (:r, :s, 'single', '{}', :now)").bind("r", rec).bind("s", study).bind("now", Clock.now()).execute();
            long stage = StageStore.ensure(h, p.id(), "title-abstract").id();
            h.createUpdate("insert into pilot_round (stage_id, number, sample, target, created_at) "
                    + "values (:s, 1, '[1]', 0.75, :now)").bind("s", stage).bind("now", Clock.now()).execute();
            DecisionStore.append(h, new DecisionStore.NewDecision(stage, study, ana, Verdict.INCLUDE, List.of("r"),
                    Map.of(), "n", 3, "screen", null, "k1"));
            DecisionStore.append(h, new DecisionStore.NewDecision(stage, study, ben, Verdict.EXCLUDE, null, null, null,
                    null, "screen", null, null));
            h.createUpdate("insert into resolution (stage_id, study_id, user_id, verdict, method, resolved_at) "
                    + "values (:s, :t, :u, 'include', 'consensus', :now)").bind("s", stage).bind("t", study).bind("u", ana)
                    .bind("now", Clock.now()).execute();
            h.createUpdate("insert into full_text (project_id, study_id, status, content, created_at) "
                    + "values (:p, :t, 'retrieved', :c, :now)").bind("p", p.id()).bind("t", study)
                    .bind("c", new byte[] {0, 1, 2, (byte) 255}).bind("now", Clock.now()).execute();
            h.createUpdate("insert into login_attempt (username, success, at) values ('ana', false, :now)")
                    .bind("now", Clock.now()).execute();
            AuditStore.record(h, p.id(), ana, "ana", "project.create", "project p", Map.of("title", "x"));
        });
    }

    /** Every table's rows, values normalised (booleans and numbers compare across databases). */
    static Map<String, List<List<Object>>> contents(Database db) throws Exception {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            for (String t : Backup.tables(c)) {
                List<List<Object>> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + t)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new java.util.TreeMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof Boolean b) {
                                v = b ? 1L : 0L;
                            } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                                v = ((Number) v).longValue();
                            } else if (v instanceof byte[] b) {
                                v = java.util.HexFormat.of().formatHex(b);
                            } else if (v instanceof Float || v instanceof Double) {
                                v = ((Number) v).doubleValue();
                            }
                            row.put(md.getColumnName(i).toLowerCase(), v);
                        }
                        rows.add(new ArrayList<>(row.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
                    }
                }
                rows.sort(java.util.Comparator.comparing(Object::toString));
                out.put(t, rows);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} → {1} (portable: {2})")
    @MethodSource("pairs")
    void roundTripKeepsEveryRow(TestDb from, TestDb to, boolean portable) throws Exception {
        Path file = tmp.resolve("backup.bin");
        Map<String, List<List<Object>>> before;
        try (Database src = from.fresh()) {
            populate(src);
            before = contents(src);
            Backup.Summary s = portable ? Backup.writePortable(src, file) : Backup.write(src, file);
            assertThat(s.totalRows()).isGreaterThan(15);
        }
        try (Database dst = to.fresh()) {
            Backup.Summary restored = Backup.restore(file, dst);
            assertThat(restored.rowsPerTable()).containsEntry("decision", 2L).containsEntry("audit_event", 1L);
            assertThat(contents(dst)).isEqualTo(before);
            // ids continue after the restored ones
            Project next = dst.inTransaction(h -> ProjectStore.insert(h, "q", "Next", ProjectKind.SCOPING, null));
            assertThat(next.id()).isGreaterThan(before.get("project").size());
            // the restored log is still append-only
            assertThatThrownBy(() -> dst.useTransaction(h -> h.createUpdate("delete from decision").execute()))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void restoreRefusesADatabaseThatHoldsData() {
        Path file = tmp.resolve("b.db");
        try (Database src = TestDb.SQLITE.fresh()) {
            populate(src);
            Backup.write(src, file);
        }
        try (Database dst = TestDb.SQLITE.fresh()) {
            dst.useTransaction(h -> ProjectStore.insert(h, "mine", "Mine", ProjectKind.SCOPING, null));
            assertThatThrownBy(() -> Backup.restore(file, dst)).isInstanceOf(UserError.class)
                    .hasMessageContaining("not empty");
            assertThat(dst.withHandle(ProjectStore::list)).hasSize(1);
        }
    }

    @Test
    void restoreRefusesFilesThatAreNoBackup() throws Exception {
        Path junk = tmp.resolve("junk.txt");
        Files.writeString(junk, "TY  - JOUR\nER  - \n");
        try (Database dst = TestDb.SQLITE.fresh()) {
            assertThatThrownBy(() -> Backup.restore(junk, dst)).isInstanceOf(UserError.class)
                    .hasMessageContaining("not a Winnow backup");
            assertThatThrownBy(() -> Backup.restore(tmp.resolve("missing"), dst)).hasMessageContaining("no such file");
        }
    }

    @Test
    void aFailedRestoreLeavesTheTargetEmpty() throws Exception {
        Path file = tmp.resolve("b.zip");
        try (Database src = TestDb.SQLITE.fresh()) {
            populate(src);
            Backup.writePortable(src, file);
        }
        // cut the zip in half: restore must fail and leave nothing behind
        byte[] bytes = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (Database dst = TestDb.SQLITE.fresh()) {
            assertThatThrownBy(() -> Backup.restore(cut, dst)).isInstanceOf(RuntimeException.class);
            assertThat(dst.withHandle(ProjectStore::list)).isEmpty();
        }
    }
}
