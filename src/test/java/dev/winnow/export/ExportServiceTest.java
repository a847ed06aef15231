package dev.winnow.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.ingest.writers.RoundTripTest;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import dev.winnow.testing.TestDb;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Project exports of a subset, in every format Winnow writes, read back with Winnow's readers. */
class ExportServiceTest {
    static final Viewer OVERSEER = Viewer.overseer("test");

    @TempDir
    Path dir;

    /**
     * Seven study records screened by two blinded reviewers: s0, s1 (rich records) included at full
     * text; s2 excluded at full text; s3 excluded, s4 in conflict, s5 untouched and s6 decided once at
     * title/abstract.
     */
    record Fixture(Database db, Project project, List<Long> studies, Viewer ana, Viewer ben, Viewer vic) {
        static Fixture build(Database db, boolean blinded) {
            Project p = db.inTransaction(h -> ProjectStore.insert(h, "epc", "Early palliative care", ProjectKind.SCOPING,
                    null));
            Viewer ana = member(db, p, "ana", "owner");
            Viewer ben = member(db, p, "ben", "reviewer");
            Viewer vic = member(db, p, "vic", "viewer");
            rules(db, p, blinded);
            List<Long> ids = new ArrayList<>();
            db.useTransaction(h -> {
                for (Record r : records()) {
                    ids.add(StudyStore.insert(h, p.id(), r).id());
                }
            });
            ScreeningService s = new ScreeningService(db);
            StageName ta = StageName.TITLE_ABSTRACT;
            StageName ft = StageName.FULL_TEXT;
            for (int i : new int[] {0, 1, 2}) {
                for (Viewer v : List.of(ana, ben)) {
                    s.decide(v, p, ta, ids.get(i), ScreeningService.Input.of(Verdict.INCLUDE));
                }
            }
            for (Viewer v : List.of(ana, ben)) {
                s.decide(v, p, ft, ids.get(0), ScreeningService.Input.of(Verdict.INCLUDE));
                s.decide(v, p, ft, ids.get(1), ScreeningService.Input.of(Verdict.INCLUDE));
                s.decide(v, p, ft, ids.get(2), ScreeningService.Input.of(Verdict.EXCLUDE, "Wrong population"));
                s.decide(v, p, ta, ids.get(3), ScreeningService.Input.of(Verdict.EXCLUDE));
            }
            s.decide(ana, p, ta, ids.get(4), ScreeningService.Input.of(Verdict.INCLUDE));
            s.decide(ben, p, ta, ids.get(4), ScreeningService.Input.of(Verdict.EXCLUDE));
            s.decide(ana, p, ta, ids.get(6), ScreeningService.Input.of(Verdict.INCLUDE));
            return new Fixture(db, p, ids, ana, ben, vic);
        }

        static void rules(Database db, Project p, boolean blinded) {
            List<String> reasons = List.of("Wrong population", "Not a care model");
            List<String> resolvers = List.of(StageRules.OWNER);
            new ProtocolService(db).save(p, new Protocol("T", "Q", List.of(), List.of(
                    new StageRules(StageName.TITLE_ABSTRACT, 2, blinded, "all", resolvers, reasons),
                    new StageRules(StageName.FULL_TEXT, 2, blinded, "all", resolvers, reasons)), null), "ana");
        }

        private static Viewer member(Database db, Project p, String name, String role) {
            UserStore.User u = db.inTransaction(h -> {
                UserStore.User user = UserStore.ensure(h, name);
                UserStore.addMember(h, p.id(), user.id(), role);
                return user;
            });
            return Viewer.reviewer(u.id(), u.username());
        }

        long study(int i) {
            return studies.get(i);
        }
    }

    /** Two records with every field set (the writers' round-trip record), then five plain ones. */
    static List<Record> records() {
        List<Record> out = new ArrayList<>();
        Record article = RoundTripTest.full(RecordType.JOURNAL_ARTICLE).toBuilder()
                .authors(List.of(Author.of("Müller", "Anna B."), Author.of("van der Berg", "J.-P."),
                        Author.organisation("EPOC Study Group, Oncology and General Practice")))
                .build();
        Record chapter = RoundTripTest.full(RecordType.BOOK_SECTION).toBuilder()
                .title("Shared care between general practice and oncology").doi("10.1000/chapter.2")
                .extras(Map.of("citekey", List.of("berg2019"), "custom1", List.of("screened")))
                .authors(List.of(Author.of("van der Berg", "J.-P."), Author.of("O'Brien", "Seán")))
                .build();
        out.add(article);
        out.add(chapter);
        for (int i = 2; i < 7; i++) {
            out.add(Record.builder().type(RecordType.JOURNAL_ARTICLE).title("Plain study " + i).year(2010 + i)
                    .author(Author.of("Jensen", "L")).doi("10.1000/plain." + i).build());
        }
        return out;
    }

    /** What a format can carry of a record (docs/ingest-structured.md lists what each writer cannot represent). */
    static Record kept(Record r, Format f) {
        return switch (f) {
            case BIBTEX, CSL_JSON -> r;
            case CSV, XLSX -> r.toBuilder().extras(Map.of()).build();
            case RIS -> r.toBuilder().extras(Map.of()).accessionNumbers(Map.of())
                    .institution(r.publisher() != null ? null : r.institution())
                    .abstractText(r.abstractText() == null ? null : r.abstractText().replaceAll("\\s*\\n\\s*", " ").strip())
                    .build();
            default -> throw new IllegalArgumentException(f.id());
        };
    }

    /** Reads an export back with Winnow's reader of that format (XLSX from a file, found by its content). */
    static List<Record> readBack(ExportService.Export e) throws IOException {
        if (e.format() == Format.XLSX) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("winnow-export", ".bin");
            try {
                java.nio.file.Files.write(file, e.bytes());
                return Ingest.readAll(file, null).stream().map(ParsedRecord::record).toList();
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
        String text = new String(e.bytes(), StandardCharsets.UTF_8);
        return Ingest.readAll(new StringReader(text), e.fileName(), e.format()).stream().map(ParsedRecord::record).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void includedAtFullTextRoundTripsInEveryFormat(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Fixture fx = Fixture.build(db, true);
            ExportService exports = new ExportService(db);
            List<Record> stored = records().subList(0, 2);
            List<Format> formats = Formats.writers().stream().map(RecordWriter::format).toList();
            assertThat(formats).contains(Format.RIS, Format.CSV, Format.XLSX, Format.BIBTEX, Format.CSL_JSON);
            for (Format f : formats) {
                ExportService.Export e = exports.export(OVERSEER, fx.project(), ExportSubset.parse("included"), f);
                assertThat(e.records()).isEqualTo(2);
                assertThat(e.fileName()).isEqualTo("epc-included-full-text." + ExportService.extension(f));
                List<Record> back = readBack(e);
                assertThat(back).as(f.id()).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    assertThat(kept(back.get(i), f)).as(f.id() + " record " + i).usingRecursiveComparison()
                            .isEqualTo(kept(stored.get(i), f));
                }
            }
            List<AuditStore.AuditEvent> audit = db.withHandle(h -> AuditStore.forProject(h, fx.project().id()))
                    .stream().filter(a -> a.action().equals("export")).toList();
            assertThat(audit).hasSize(formats.size());
            assertThat(audit.getFirst().target()).isEqualTo("included:full-text");
            assertThat(audit.getFirst().details()).contains("\"records\":2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void outcomeSubsetsFollowTheScreening(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture fx = Fixture.build(db, true);
            ExportService exports = new ExportService(db);
            assertThat(titles(exports, fx, "excluded")).containsExactly("Plain study 2");
            assertThat(titles(exports, fx, "excluded:title-abstract")).containsExactly("Plain study 3");
            assertThat(titles(exports, fx, "conflict:ta")).containsExactly("Plain study 4");
            assertThat(titles(exports, fx, "undecided:title-abstract")).containsExactly("Plain study 5", "Plain study 6");
            assertThat(titles(exports, fx, "included:title-abstract")).hasSize(3);
            assertThat(titles(exports, fx, "undecided:full-text")).isEmpty();
            assertThat(titles(exports, fx, "all")).hasSize(7);
            assertThat(titles(exports, fx, "ids:" + fx.study(5) + "," + fx.study(2)))
                    .containsExactly("Plain study 2", "Plain study 5");
            assertThatThrownBy(() -> titles(exports, fx, "ids:" + (fx.study(6) + 100)))
                    .isInstanceOf(UserError.class).hasMessageContaining("no record " + (fx.study(6) + 100));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void blindedOutcomesAreExportedOnlyByTheOverseer(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture fx = Fixture.build(db, true);
            ExportService exports = new ExportService(db);
            for (Viewer v : List.of(fx.ben(), fx.vic())) {
                for (String stage : List.of("title-abstract", "full-text")) {
                    assertThatThrownBy(() -> exports.export(v, fx.project(), ExportSubset.parse("included:" + stage),
                            Format.RIS))
                            .isInstanceOf(ExportService.Blinded.class)
                            .hasMessageContaining("screening is blinded")
                            .hasMessageContaining("only a project owner may export records by outcome");
                }
            }
            assertThatThrownBy(() -> exports.records(fx.ben(), fx.project(), ExportSubset.parse("conflict:ta")))
                    .hasMessageStartingWith("title-abstract screening is blinded and 7 of its outcomes are hidden from ben");
            // what is not an outcome may be exported by any member
            assertThat(exports.export(fx.vic(), fx.project(), ExportSubset.parse("all"), Format.RIS).records()).isEqualTo(7);
            Fixture.rules(db, fx.project(), false);
            assertThat(exports.export(fx.ben(), fx.project(), ExportSubset.parse("included"), Format.RIS).records())
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void sourceAndFileSubsetsGiveTheRecordsAsImported(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = db.inTransaction(h -> ProjectStore.insert(h, "src", "Sources", ProjectKind.SCOPING, null));
            List<Record> all = records();
            Path medline = write(all.subList(0, 3), Format.RIS, "medline.ris");
            Path cinahl = write(all.subList(3, 7), Format.CSL_JSON, "cinahl.json");
            Path update = write(all.subList(2, 3), Format.BIBTEX, "medline-update.bib");
            ImportService imports = new ImportService(db);
            imports.importFile(p, SourceSpec.database("MEDLINE"), medline, ImportService.Options.DEFAULT,
                    ImportService.Actor.commandLine());
            imports.importFile(p, SourceSpec.database("CINAHL"), cinahl, ImportService.Options.DEFAULT,
                    ImportService.Actor.commandLine());
            imports.importFile(p, SourceSpec.database("MEDLINE"), update, ImportService.Options.DEFAULT,
                    ImportService.Actor.commandLine());
            ExportService exports = new ExportService(db);

            List<Record> medlineBack = readBack(exports.export(OVERSEER, p, ExportSubset.parse("source:medline"),
                    Format.CSL_JSON));
            List<Record> expected = new ArrayList<>(Ingest.readAll(medline, null).stream().map(ParsedRecord::record).toList());
            expected.addAll(Ingest.readAll(update, null).stream().map(ParsedRecord::record).toList());
            // exactly as imported: every field the files gave (the CSL-JSON export adds only an id)
            assertThat(medlineBack).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(withoutCitekey(medlineBack.get(i))).as("record " + i).usingRecursiveComparison()
                        .isEqualTo(withoutCitekey(expected.get(i)));
            }

            List<Record> cinahlBack = readBack(exports.export(OVERSEER, p, ExportSubset.parse("source:CINAHL"), Format.RIS));
            assertThat(cinahlBack).extracting(Record::title)
                    .containsExactly("Plain study 3", "Plain study 4", "Plain study 5", "Plain study 6");
            assertThat(exports.records(OVERSEER, p, ExportSubset.parse("file:medline-update.bib")))
                    .extracting(Record::title).containsExactly("Plain study 2");
            assertThat(exports.records(OVERSEER, p, ExportSubset.parse("records"))).hasSize(8);
            assertThatThrownBy(() -> exports.records(OVERSEER, p, ExportSubset.parse("source:Embase")))
                    .isInstanceOf(UserError.class).hasMessageContaining("no source 'Embase'")
                    .hasMessageContaining("MEDLINE").hasMessageContaining("CINAHL");
        }
    }

    @Test
    void badSubsetsAndFormatsAreRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> ExportSubset.parse("everything")).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown subset 'everything'").hasMessageContaining("included[:STAGE]")
                .hasMessageContaining("source:NAME-OR-ID");
        assertThatThrownBy(() -> ExportSubset.parse("included:charting")).isInstanceOf(UserError.class)
                .hasMessageContaining("expected title-abstract or full-text");
        assertThatThrownBy(() -> ExportSubset.parse("source:")).isInstanceOf(UserError.class)
                .hasMessageContaining("needs a name or id");
        assertThatThrownBy(() -> ExportSubset.parse("ids:3,x")).isInstanceOf(UserError.class)
                .hasMessageContaining("'x' is not a record id");
        assertThatThrownBy(() -> ExportSubset.parse("all:full-text")).isInstanceOf(UserError.class)
                .hasMessageContaining("takes no ':' part");
        assertThatThrownBy(() -> ExportService.writable("docx")).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown format 'docx'").hasMessageContaining("ris").hasMessageContaining("csl-json")
                .hasMessageContaining("xlsx").hasMessageContaining("bibtex");
        assertThatThrownBy(() -> ExportService.writable("medline")).isInstanceOf(UserError.class)
                .hasMessageContaining("cannot write medline");
        assertThat(ExportService.writable("bib")).isEqualTo(Format.BIBTEX);
        assertThat(ExportSubset.parse(" Included:TA ").label()).isEqualTo("included:title-abstract");
        assertThat(ExportSubset.parse("source:Reference lists").slug()).isEqualTo("source-Reference-lists");
    }

    private static Record withoutCitekey(Record r) {
        Map<String, List<String>> extra = new java.util.LinkedHashMap<>(r.extra());
        extra.remove(Formats.CITE_KEY);
        return r.toBuilder().extras(extra).build();
    }

    private static List<String> titles(ExportService exports, Fixture fx, String subset) {
        return exports.records(OVERSEER, fx.project(), ExportSubset.parse(subset)).stream().map(Record::title).toList();
    }

    private Path write(List<Record> records, Format f, String name) throws IOException {
        return Files.write(dir.resolve(name), ExportService.write(records, f));
    }
}
