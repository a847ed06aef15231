package dev.winnow.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.ingest.ParseException;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.ImportStore;
import dev.winnow.store.Json;
import dev.winnow.store.SourceRecordStore;
import dev.winnow.store.SourceStore;
import dev.winnow.testing.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importing files into a project, on SQLite and PostgreSQL. */
class ImportServiceTest {
    @TempDir
    Path dir;

    static final ImportService.Actor ANA = new ImportService.Actor(null, "cli:ana");

    static Project project(Database db) {
        return new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
    }

    /** A CSV export of {@code n} records; row {@code brokenAt} (1-based, 0 for none) opens a quote it never closes. */
    static String csv(int n, int brokenAt) {
        StringBuilder sb = new StringBuilder("ID,Title,Authors,Year,DOI,Abstract,Times cited\n");
        for (int i = 1; i <= n; i++) {
            if (i == brokenAt) {
                sb.append("r").append(i).append(",\"Broken title,Smith J,2020,,,\n");
                continue;
            }
            sb.append("r").append(i).append(",\"Record ").append(i).append(", a study\",\"Smith, J; Lee, K\",")
                    .append(2000 + i % 20).append(',').append(i % 3 == 0 ? "" : "10.1000/r" + i).append(',')
                    .append(i % 2 == 0 ? "" : "\"An abstract\nover two lines\"").append(',').append(i).append('\n');
        }
        return sb.toString();
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static long count(Database db, String table) {
        return db.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void storesEveryRecordWithItsProvenance(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            Path file = write("medline.csv", csv(7, 0));
            SourceSpec spec = new SourceSpec("MEDLINE", "Ovid", SourceKind.DATABASE, null, "2023-04-20", "exp Palliative Care/");
            ImportReport r = new ImportService(db).importFile(p, spec, file, ImportService.Options.DEFAULT, ANA);

            assertThat(r.records()).isEqualTo(7);
            assertThat(r.format()).isEqualTo("csv");
            assertThat(r.encoding()).isEqualTo("UTF-8");
            String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(r.sha256()).isEqualTo(sha);

            long size = Files.size(file);
            db.useTransaction(h -> {
                Source s = SourceStore.find(h, p.id(), "MEDLINE", "Ovid").orElseThrow();
                assertThat(s.kind()).isEqualTo(SourceKind.DATABASE);
                assertThat(s.searchedOn()).isEqualTo("2023-04-20");
                assertThat(s.searchString()).isEqualTo("exp Palliative Care/");

                ImportStore.ImportFile f = ImportStore.list(h, p.id()).get(0);
                assertThat(f.fileName()).isEqualTo("medline.csv");
                assertThat(f.sha256()).isEqualTo(sha);
                assertThat(f.sizeBytes()).isEqualTo(size);
                assertThat(f.recordCount()).isEqualTo(7);
                assertThat(f.format()).isEqualTo("csv");
                assertThat(Json.read(f.report(), ImportReport.class)).isEqualTo(r);

                List<SourceRecordStore.SourceRecord> rows = new ArrayList<>();
                SourceRecordStore.forEach(h, p.id(), null, rows::add);
                assertThat(rows).hasSize(7);
                assertThat(rows).extracting(SourceRecordStore.SourceRecord::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
                SourceRecordStore.SourceRecord first = rows.get(0);
                assertThat(first.sourceId()).isEqualTo(s.id());
                assertThat(first.importFileId()).isEqualTo(f.id());
                assertThat(first.rawText()).isEqualTo("r1,\"Record 1, a study\",\"Smith, J; Lee, K\",2001,10.1000/r1,"
                        + "\"An abstract\nover two lines\",1");
                Record rec = first.record();
                assertThat(rec.title()).isEqualTo("Record 1, a study");
                assertThat(rec.authors()).containsExactly(Author.of("Smith", "J"), Author.of("Lee", "K"));
                assertThat(rec.extra()).containsEntry("id", List.of("r1")).containsEntry("Times cited", List.of("1"));

                // the import, then the deduplication that follows it (records are screenable at once)
                List<AuditStore.AuditEvent> audit = AuditStore.forProject(h, p.id());
                assertThat(audit).extracting(AuditStore.AuditEvent::action).containsExactly("import.file", "dedup.run");
                assertThat(audit.get(0).actor()).isEqualTo("cli:ana");
                assertThat(audit.get(0).target()).isEqualTo("file medline.csv");
                assertThat(audit.get(0).details()).contains("\"records\":7").contains(sha);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aFileBrokenInTheMiddleImportsNothing(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            // broken well after the first batches have gone to the database
            int n = SourceRecordStore.BATCH_SIZE * 3;
            Path file = write("broken.csv", csv(n, SourceRecordStore.BATCH_SIZE * 2 + 17));
            ImportService service = new ImportService(db);
            assertThatThrownBy(() -> service.importFile(p, SourceSpec.database("Embase"), file,
                    ImportService.Options.DEFAULT, ANA))
                    .isInstanceOf(ParseException.class)
                    // the row that opens the quote: 1 header line + 1016 records, odd ones on two lines
                    .hasMessageStartingWith("broken.csv, line 1526: ");
            assertThat(count(db, "source_record")).isZero();
            assertThat(count(db, "import_file")).isZero();
            assertThat(count(db, "source")).isZero();
            assertThat(count(db, "audit_event")).isZero();

            // the same project still takes a good file afterwards
            ImportReport ok = service.importFile(p, SourceSpec.database("Embase"), write("good.csv", csv(n, 0)),
                    ImportService.Options.DEFAULT, ANA);
            assertThat(ok.records()).isEqualTo(n);
            assertThat(count(db, "source_record")).isEqualTo(n);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aBrokenEntryIsSkippedAndReportedWithItsLineUnlessStrict(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            Path file = write("ebsco.bib", """
                    @article{a, title = {One}, author = {Smith, Ann}, year = {2020}}
                    @article{b, title = {Two}, keywords = {stray {brace}, year = {2021}}
                    @article{c, title = {Three}, year = {2022}}
                    """);
            ImportService service = new ImportService(db);
            assertThatThrownBy(() -> service.importFile(p, SourceSpec.database("EBSCO"), file,
                    new ImportService.Options(null, false, true), ANA))
                    .isInstanceOf(ParseException.class)
                    .hasMessage("ebsco.bib, line 3: expected ',' or '}' after the value of 'keywords', found '@'");
            assertThat(count(db, "source_record")).isZero();
            assertThat(count(db, "import_file")).isZero();

            ImportReport r = service.importFile(p, SourceSpec.database("EBSCO"), file, ImportService.Options.DEFAULT, ANA);
            assertThat(r.records()).isEqualTo(2);
            assertThat(r.skippedCount()).isEqualTo(1);
            assertThat(r.skipped()).containsExactly(new ImportReport.Skipped(2, 2, "broken entry, not imported (line 3: "
                    + "expected ',' or '}' after the value of 'keywords', found '@'); the entries after it were read "
                    + "(--strict refuses such a file)"));
            assertThat(r.lines()).contains("  skipped record 2 (line 2): broken entry, not imported (line 3: expected ',' "
                    + "or '}' after the value of 'keywords', found '@'); the entries after it were read (--strict refuses "
                    + "such a file)");
            assertThat(count(db, "source_record")).isEqualTo(2);
            List<Integer> positions = db.withHandle(h -> h.createQuery("select position from source_record order by position")
                    .mapTo(Integer.class).list());
            assertThat(positions).containsExactly(1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void misDecodedTextIsStoredRepairedWithTheRawTextAsTheFileHadIt(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            Path file = write("endnote.enw", "%0 Journal Article\n%T Nepal√¢‚Ç¨‚Ñ¢s volunteers\n%A Agrawal A, Gupta K.\n"
                    + "%D 2020\n%P pp 37-64\n\n%0 Journal Article\n%T Plain title\n%A Lee, Kim\n");
            ImportReport r = new ImportService(db).importFile(p, SourceSpec.database("AIS eLibrary"), file,
                    ImportService.Options.DEFAULT, ANA);
            assertThat(r.format()).isEqualTo("endnote");
            assertThat(r.records()).isEqualTo(2);
            assertThat(r.repairedCount()).isEqualTo(1);
            assertThat(r.lines()).contains("  repaired record 1 (line 1): text that was UTF-8 read as Windows-1252 or "
                    + "Mac Roman, repaired in title (the raw record keeps it as the file had it)");
            List<String> titles = db.withHandle(h -> h.createQuery("select title from source_record order by position")
                    .mapTo(String.class).list());
            assertThat(titles).containsExactly("Nepal’s volunteers", "Plain title");
            List<String> raws = db.withHandle(h -> h.createQuery("select raw_text from source_record order by position")
                    .mapTo(String.class).list());
            assertThat(raws.get(0)).contains("%T Nepal√¢‚Ç¨‚Ñ¢s volunteers");
            var stored = new ImportService(db).reports(p).get(0);
            assertThat(stored.repaired()).containsExactly(new ImportReport.Repaired(1, 1, "text that was UTF-8 read as "
                    + "Windows-1252 or Mac Roman, repaired in title (the raw record keeps it as the file had it)"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theSameFileIsRefusedUnlessAskedAgain(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            Path file = write("cinahl.csv", csv(3, 0));
            ImportService service = new ImportService(db);
            service.importFile(p, SourceSpec.database("CINAHL"), file, ImportService.Options.DEFAULT, ANA);
            Path copy = write("renamed.csv", csv(3, 0));
            assertThatThrownBy(() -> service.importFile(p, SourceSpec.database("Other"), copy,
                    ImportService.Options.DEFAULT, ANA))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith("renamed.csv was already imported into this project (as cinahl.csv into CINAHL on ")
                    .hasMessageEndingWith(", 3 records): pass --again to import the same file again");
            assertThat(count(db, "source_record")).isEqualTo(3);

            ImportReport again = service.importFile(p, SourceSpec.database("CINAHL"), copy,
                    new ImportService.Options(null, true), ANA);
            assertThat(again.again()).isTrue();
            assertThat(count(db, "source_record")).isEqualTo(6);
            assertThat(count(db, "import_file")).isEqualTo(2);
            assertThat(count(db, "source")).isEqualTo(1);

            // another project may import the same file
            Project other = new ProjectService(db).create("Another review", ProjectKind.SYSTEMATIC, null);
            assertThat(service.importFile(other, SourceSpec.database("CINAHL"), file, ImportService.Options.DEFAULT, ANA)
                    .records()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theReportCountsFieldsLackingAndSkippedAndShowsTheColumns(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            String text = csv(6, 0) + "r7,,,2001,,,7\n";
            ImportReport r = new ImportService(db).importFile(p, SourceSpec.database("Scopus"), write("s.csv", text),
                    ImportService.Options.DEFAULT, ANA);
            assertThat(r.records()).isEqualTo(6);
            assertThat(r.skippedCount()).isEqualTo(1);
            assertThat(r.skipped()).containsExactly(new ImportReport.Skipped(7, 11, "no title, authors, DOI, PMID or abstract"));
            assertThat(r.fieldsFound()).containsEntry("title", 6).containsEntry("authors", 6).containsEntry("year", 6)
                    .containsEntry("doi", 4).containsEntry("abstract", 3).doesNotContainKey("journal");
            assertThat(r.extraFields()).containsEntry("id", 6).containsEntry("Times cited", 6);
            assertThat(r.lacking()).containsExactly(
                    new ImportReport.Lacking("title", 0, List.of()),
                    new ImportReport.Lacking("abstract", 3, List.of(2, 4, 6)),
                    new ImportReport.Lacking("doi", 2, List.of(3, 6)));
            assertThat(r.columns()).containsExactly(
                    new ImportReport.Column("ID", "id"), new ImportReport.Column("Title", "title"),
                    new ImportReport.Column("Authors", "authors"), new ImportReport.Column("Year", "year"),
                    new ImportReport.Column("DOI", "doi"), new ImportReport.Column("Abstract", "abstract"),
                    new ImportReport.Column("Times cited", "extra"));
            assertThat(String.join("\n", r.lines()))
                    .contains("Imported s.csv into Scopus: 6 records, 1 skipped [csv, UTF-8]")
                    .contains("lacking: title 0, abstract 3 (record 2, 4, 6), doi 2 (record 3, 6)")
                    .contains("skipped record 7 (line 11): no title, authors, DOI, PMID or abstract")
                    .contains("columns: ID → id, Title → title");
            assertThat(new ImportService(db).reports(p)).containsExactly(r);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void recordsFoundByOtherMethodsAreAddedByHand(TestDb kind) {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            ImportService service = new ImportService(db);
            SourceSpec refs = new SourceSpec("Reference lists", null, null, OtherMethod.CITATION_SEARCHING, null, null);
            var first = service.addRecord(p, refs, Record.builder().title("A shared-care model").year(2019).build(), ANA);
            var second = service.addRecord(p, new SourceSpec("Reference lists", null, null, null, null, null),
                    Record.builder().title("Another one").doi("10.1/x").build(), ANA);
            assertThat(first.source().kind()).isEqualTo(SourceKind.OTHER);
            assertThat(first.source().otherMethod()).isEqualTo(OtherMethod.CITATION_SEARCHING);
            assertThat(second.source().id()).isEqualTo(first.source().id());
            assertThat(List.of(first.position(), second.position())).containsExactly(1, 2);
            db.useTransaction(h -> {
                var stored = SourceRecordStore.findById(h, second.id()).orElseThrow();
                assertThat(stored.importFileId()).isNull();
                assertThat(stored.record().doi()).isEqualTo("10.1/x");
                assertThat(AuditStore.forProject(h, p.id())).extracting(AuditStore.AuditEvent::action)
                        .containsExactly("record.add", "dedup.run", "record.add", "dedup.run");
                // each hand-added record is a study at once, ready to screen
                assertThat(dev.winnow.store.DedupStore.studyOf(h, second.id())).isPresent();
            });
            assertThatThrownBy(() -> service.addRecord(p, refs, Record.builder().year(2001).build(), ANA))
                    .isInstanceOf(UserError.class).hasMessageContaining("needs a title");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aSourceIsNotSilentlyRedefined(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            ImportService service = new ImportService(db);
            service.importFile(p, new SourceSpec("MEDLINE", "Ovid", null, null, "2023-04-20", null),
                    write("a.csv", csv(2, 0)), ImportService.Options.DEFAULT, ANA);
            assertThatThrownBy(() -> service.importFile(p, new SourceSpec("MEDLINE", "Ovid", null, null, "2024-01-10", null),
                    write("b.csv", csv(3, 0)), ImportService.Options.DEFAULT, ANA))
                    .isInstanceOf(UserError.class)
                    .hasMessage("source 'MEDLINE (Ovid)' was searched on 2023-04-20, not 2024-01-10: an update search is "
                            + "a source of its own (e.g. --source \"MEDLINE 2024 update\")");
            assertThatThrownBy(() -> service.importFile(p, new SourceSpec("MEDLINE", "Ovid", SourceKind.OTHER, null, null, null),
                    write("c.csv", csv(4, 0)), ImportService.Options.DEFAULT, ANA))
                    .isInstanceOf(UserError.class).hasMessageContaining("is of kind database, not other");
            // a second part of the same search joins the source
            service.importFile(p, new SourceSpec("MEDLINE", "Ovid", null, null, "2023-04-20", null),
                    write("d.csv", csv(5, 0)), ImportService.Options.DEFAULT, ANA);
            assertThat(service.sources(p)).hasSize(1);
            assertThat(count(db, "source_record")).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aFileInNoKnownFormatImportsNothing(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            Path notes = write("notes.txt", "Meeting notes\nWe searched MEDLINE.\n");
            assertThatThrownBy(() -> new ImportService(db).importFile(p, SourceSpec.database("MEDLINE"), notes,
                    ImportService.Options.DEFAULT, ANA))
                    .isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("notes.txt, line 1: not a bibliographic file Winnow knows");
            assertThat(count(db, "import_file")).isZero();
        }
    }

    /** The records are committed before the dedup runs: its failure is reported as such, not as a refused file. */
    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aFailedDeduplicationLeavesTheRecordsStoredAndSaysADedupRunIsOwed(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            ImportService service = new ImportService(db, (project, actor) -> {
                throw new IllegalStateException("the database went away");
            });
            ImportReport r = service.importFile(p, SourceSpec.database("MEDLINE"), write("a.csv", csv(3, 0)),
                    ImportService.Options.DEFAULT, ANA);
            assertThat(r.records()).isEqualTo(3);
            assertThat(r.dedup()).isNull();
            assertThat(r.warnings()).extracting(ImportReport.Warning::message).singleElement().asString()
                    .contains("deduplication after the import failed").contains("the database went away")
                    .contains("winnow dedup");
            assertThat(r.lines()).anyMatch(l -> l.startsWith("  warning: deduplication after the import failed"));
            assertThat(count(db, "source_record")).isEqualTo(3);
            db.useTransaction(h -> assertThat(Json.read(ImportStore.list(h, p.id()).get(0).report(), ImportReport.class))
                    .isEqualTo(r));
        }
    }

    /** As for a file: a record added by hand is committed before the dedup, so its failure is a warning. */
    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aFailedDeduplicationAfterAddingByHandKeepsTheRecordAndWarns(TestDb kind) {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            ImportService service = new ImportService(db, (project, actor) -> {
                throw new IllegalStateException("the database went away");
            });
            var added = service.addRecord(p, new SourceSpec("Reference lists", null, null, null, null, null),
                    Record.builder().title("A shared-care model").build(), ANA);
            assertThat(added.warning()).contains("deduplication after adding the record failed")
                    .contains("the database went away").contains("winnow dedup");
            assertThat(count(db, "source_record")).isEqualTo(1);
            db.useTransaction(h -> assertThat(SourceRecordStore.findById(h, added.id())).isPresent());
            assertThat(new ImportService(db).addRecord(p, SourceSpec.database("MEDLINE"),
                    Record.builder().title("Another").build(), ANA).warning()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void eachImportDeduplicatesTheProjectAndReportsItsFigures(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            ImportService service = new ImportService(db);
            ImportsUnderway underway = new ImportsUnderway();
            List<String> seen = new ArrayList<>();
            ImportProgress track = underway.track(p.id());
            ImportProgress progress = new ImportProgress() {
                @Override
                public void stored(String file, int records, double share) {
                    track.stored(file, records, share);
                    seen.add("stored " + records + " " + (share >= 0.5) + " " + underway.of(p.id()).size());
                }

                @Override
                public void deduplicating(String file, int records) {
                    track.deduplicating(file, records);
                    seen.add("dedup " + records + " " + underway.of(p.id()).get(0).phase());
                }

                @Override
                public void finished(String file) {
                    track.finished(file);
                    seen.add("finished " + underway.of(p.id()).size());
                }
            };
            ImportReport first = service.importFile(p, SourceSpec.database("MEDLINE"), write("a.csv", csv(3, 0)),
                    ImportService.Options.DEFAULT, ANA, progress);
            assertThat(first.dedup()).isEqualTo(new ImportReport.Deduplication(3, 3, 0, 0, 0, 3));
            assertThat(seen).containsExactly("stored 3 true 1", "dedup 3 deduplicating", "finished 0");

            // the second export holds the same three records and a new one; records 1 and 2 share a DOI and a
            // title with the first export's (certain duplicates); how record 3 (no DOI) goes is the rules' business
            ImportReport second = service.importFile(p, SourceSpec.database("Embase"), write("b.csv", csv(4, 0)),
                    ImportService.Options.DEFAULT, ANA);
            ImportReport.Deduplication d = second.dedup();
            assertThat(d.linked()).isEqualTo(4);
            assertThat(d.newStudies() + d.duplicates()).isEqualTo(4);
            assertThat(d.duplicates()).isGreaterThanOrEqualTo(2);
            assertThat(d.studies()).isEqualTo(3 + d.newStudies());
            assertThat(second.lines()).last().asString().startsWith("  deduplicated: 4 records linked, ")
                    .endsWith("; the project now has " + d.studies() + " studies to screen");
            // the stored report has the figures too (the sources page and the API show it)
            assertThat(service.reports(p)).extracting(ImportReport::dedup).containsExactly(first.dedup(), second.dedup());
            assertThat(count(db, "study")).isEqualTo(d.studies());

            ImportReport plain = service.importFile(p, SourceSpec.database("CINAHL"), write("c.csv", csv(5, 0)),
                    ImportService.Options.DEFAULT.withoutDedup(), ANA);
            assertThat(plain.dedup()).isNull();
            assertThat(count(db, "study")).isEqualTo(d.studies());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aRisFileCutShortInsideARecordIsImportedWithAWarning(TestDb kind) throws IOException {
        try (Database db = kind.fresh()) {
            Project p = project(db);
            String whole = "TY  - JOUR\nTI  - Loneliness and life after cancer\nPY  - 2020\nER  - \n\n"
                    + "TY  - JOUR\nTI  - Loneliness and life di";
            ImportReport r = new ImportService(db).importFile(p, SourceSpec.database("PsycINFO"),
                    write("cut.ris", whole), ImportService.Options.DEFAULT, ANA);
            assertThat(r.records()).isEqualTo(2);
            assertThat(r.warnings()).singleElement().satisfies(w -> {
                assertThat(w.position()).isEqualTo(2);
                assertThat(w.line()).isEqualTo(6);
                assertThat(w.message()).contains("cut short").contains("Loneliness and life di");
            });
            assertThat(String.join("\n", r.lines())).contains("warning, record 2 (line 6)");
            // the stored report keeps it
            assertThat(new ImportService(db).reports(p)).singleElement()
                    .satisfies(stored -> assertThat(stored.warnings()).hasSize(1));
            // a whole file has none
            ImportReport ok = new ImportService(db).importFile(p, SourceSpec.database("PsycINFO"),
                    write("whole.ris", whole + "ing\nER  - \n"), ImportService.Options.DEFAULT, ANA);
            assertThat(ok.warnings()).isEmpty();
        }
    }
}
