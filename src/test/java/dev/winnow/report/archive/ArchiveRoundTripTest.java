package dev.winnow.report.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.report.ReportFixture;
import dev.winnow.report.ReportService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export a project, import it into an empty database, and get the same report. */
class ArchiveRoundTripTest {

    static byte[] export(Database db, Project p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArchiveService(db).export(p, out, "test");
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anImportedArchiveGivesTheSamePrismaJsonAndTheSameRows(TestDb kind) {
        // exported from the other kind of database, imported into this kind: the archive is database-neutral
        TestDb from = kind == TestDb.SQLITE ? TestDb.POSTGRESQL : TestDb.SQLITE;
        byte[] archive;
        byte[] prisma;
        String checklist;
        try (Database source = from.fresh()) {
            ReportFixture.Built b = ReportFixture.build(source, "palliative");
            prisma = new ReportService(source).prisma(b.project(), ReportService.Format.JSON);
            checklist = new dev.winnow.report.checklist.ChecklistService(source).markdown(b.project());
            archive = export(source, b.project());
        }
        try (Database target = kind.fresh()) {
            ArchiveService.Imported imported = new ArchiveService(target)
                    .importArchive(new ByteArrayInputStream(archive), "palliative.zip", null, "test");
            assertThat(imported.project().key()).isEqualTo("palliative");
            assertThat(imported.prismaMatches()).isTrue();
            assertThat(imported.rows()).containsEntry("source", 3).containsEntry("import_file", 2)
                    .containsEntry("source_record", 10).containsEntry("study", 8).containsEntry("study_link", 10)
                    .containsEntry("decision", 19).containsEntry("resolution", 2).containsEntry("full_text", 5)
                    .containsEntry("chart_entry", 2).containsEntry("protocol_version", 1)
                    .containsEntry("membership", 2).containsEntry("dedup_pair", 1);
            assertThat(new String(new ReportService(target).prisma(imported.project(), ReportService.Format.JSON)))
                    .isEqualTo(new String(prisma));
            assertThat(new dev.winnow.report.checklist.ChecklistService(target).markdown(imported.project()))
                    .isEqualTo(checklist);
            // full-text bytes survive (base64 in the archive)
            byte[] pdf = target.withHandle(h -> h.createQuery("select content from full_text where content is not null "
                    + "order by id limit 1").mapTo(byte[].class).one());
            assertThat(pdf).containsExactly('%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff);

            // the same archive again needs a new key; then both projects coexist with their own rows
            assertThatThrownBy(() -> new ArchiveService(target).importArchive(new ByteArrayInputStream(archive),
                    "palliative.zip", null, "test")).isInstanceOf(UserError.class).hasMessageContaining("--key");
            ArchiveService.Imported copy = new ArchiveService(target)
                    .importArchive(new ByteArrayInputStream(archive), "palliative.zip", "palliative-copy", "test");
            assertThat(new String(new ReportService(target).prisma(copy.project(), ReportService.Format.JSON)))
                    .isEqualTo(new String(prisma));
            // and the archive of the copy round-trips too
            ArchiveService.Imported again = new ArchiveService(kind.fresh())
                    .importArchive(new ByteArrayInputStream(export(target, copy.project())), "copy.zip", null, "t");
            assertThat(again.prismaMatches()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aDamagedArchiveIsRefusedAndImportsNothing(TestDb kind) throws Exception {
        byte[] archive;
        try (Database source = TestDb.SQLITE.fresh()) {
            archive = export(source, ReportFixture.build(source, "p").project());
        }
        // change one decision's verdict inside the zip, keep the manifest
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
             ZipOutputStream out = new ZipOutputStream(changed)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("tables/decision.jsonl")) {
                    data = new String(data).replaceFirst("\"include\"", "\"exclude\"").getBytes();
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        try (Database target = kind.fresh()) {
            assertThatThrownBy(() -> new ArchiveService(target).importArchive(
                    new ByteArrayInputStream(changed.toByteArray()), "p.zip", null, "test"))
                    .isInstanceOf(UserError.class)
                    .hasMessage("p.zip: tables/decision.jsonl does not match its SHA-256 in manifest.json "
                            + "(the archive was changed or damaged)");
            assertThatThrownBy(() -> new ArchiveService(target).importArchive(
                    new ByteArrayInputStream("not a zip".getBytes()), "x.zip", null, "test"))
                    .isInstanceOf(UserError.class).hasMessageContaining("x.zip: not a Winnow archive");
            assertThat(target.<List<String>>withHandle(h -> h.createQuery("select key from project")
                    .mapTo(String.class).list())).isEmpty();
        }
    }
}
