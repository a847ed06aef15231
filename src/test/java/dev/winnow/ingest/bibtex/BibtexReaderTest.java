package dev.winnow.ingest.bibtex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.testing.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BibtexReaderTest {
    static final String JABREF = "jabref/jablib/src/test/resources/org/jabref/logic/importer/fileformat/";

    static List<ParsedRecord> parse(String text) throws IOException {
        return Ingest.readAll(new StringReader(text), "test.bib", Format.BIBTEX);
    }

    @Test
    void readsEntriesWithBracesQuotesConcatenationAndMacros() throws IOException {
        List<ParsedRecord> rs = parse("""
                % a comment line
                @string{jomch = {Journal of Organometallic Chemistry}}
                @STRING(pre = "Proc. ")
                @preamble{"\\newcommand{\\noop}[1]{}"}
                @comment{jabref-meta: databaseType:bibtex;}
                Free text between entries is a comment, even with an @ sign.

                @Article{aksin,
                  author       = {Aks{\\i}n, {\\"O}zge and T{\\"u}rkmen, Hayati and {\\c{C}}etinkaya, Bekir},
                  title        = "Effect of {Pd-N}-heterocyclic carbenes in {Mizoroki-Heck} reactions",
                  journal      = jomch,
                  year         = 2006,
                  month        = mar,
                  volume       = 691,
                  number       = {13},
                  pages        = {3027--3036},
                  doi          = {10.1016/j.jorganchem.2006.01.013},
                }
                @inproceedings(conf, title = pre # {Workshop} # " on " # {\\TeX}, booktitle = {ACM \\& Friends})
                """);
        assertThat(rs).hasSize(2);
        Record a = rs.get(0).record();
        assertThat(a.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(a.authors()).containsExactly(Author.of("Aksın", "Özge"), Author.of("Türkmen", "Hayati"),
                Author.of("Çetinkaya", "Bekir"));
        assertThat(a.title()).isEqualTo("Effect of Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions");
        assertThat(a.journal()).isEqualTo("Journal of Organometallic Chemistry");
        assertThat(a.year()).isEqualTo(2006);
        assertThat(a.date()).isEqualTo("2006-03");
        assertThat(a.volume()).isEqualTo("691");
        assertThat(a.issue()).isEqualTo("13");
        assertThat(a.pages()).isEqualTo("3027-3036");
        assertThat(a.doi()).isEqualTo("10.1016/j.jorganchem.2006.01.013");
        assertThat(a.extra()).containsEntry("citekey", List.of("aksin"));
        assertThat(rs.get(0).line()).isEqualTo(8);
        assertThat(rs.get(0).raw()).startsWith("@Article{aksin,").endsWith("}");
        assertThat(rs.get(0).position()).isEqualTo(1);

        Record c = rs.get(1).record();
        assertThat(c.type()).isEqualTo(RecordType.CONFERENCE_PAPER);
        assertThat(c.title()).isEqualTo("Proc. Workshop on TeX");
        assertThat(c.journal()).isEqualTo("ACM & Friends");
        assertThat(rs.get(1).position()).isEqualTo(2);
    }

    @Test
    void decodesLatexAccentsAndSymbols() {
        assertThat(Latex.decode("M{\\\"u}ller and {\\'e}t{\\'e} \\ss{} \\o\\ \\& 50\\% p.~12 1990--1995---x ``q''"))
                .isEqualTo("Müller and été ß ø & 50% p. 12 1990–1995—x “q”");
        assertThat(Latex.decode("{\\'\\i}ndice \\v{s}\\'{c} \\c c \\=a \\emph{big} \\textit{it} $\\alpha$"))
                .isEqualTo("índice šć ç ā big it α");
        assertThat(Latex.decode("\\L{}\\'od\\'z \\AA{}ngstr\\\"om \\H{o}"))
                .isEqualTo("Łódź Ångström ő");
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        for (String s : List.of("50% of {x} & y_z #1 $5 a\\b ~home ^up", "1990--1995 ``q'' it's -x- --",
                "Ünïcödé stays — as “is”", "back`tick``s")) {
            assertThat(Latex.decode(Latex.encode(s))).isEqualTo(s);
        }
    }

    @Test
    void authorsSplitOnAndKeepCorporateNamesWhole() {
        assertThat(BibtexRecords.authors("{World Health Organization and Partners} and Knuth, Donald E. and "
                + "Ludwig van Beethoven and Anna {van der Berg} and {\\'E}mile Zola and others"))
                .containsExactly(Author.organisation("World Health Organization and Partners"),
                        Author.of("Knuth", "Donald E."), Author.of("van Beethoven", "Ludwig"),
                        Author.of("van der Berg", "Anna"), Author.of("Zola", "Émile"));
    }

    @Test
    void typesFollowTheEntryType() throws IOException {
        List<ParsedRecord> rs = parse("""
                @book{a, title={A}} @incollection{b, title={B}} @phdthesis{c, title={C}, school={Uni}}
                @mastersthesis{d, title={D}} @techreport{e, title={E}, institution={WHO}} @misc{f, title={F}}
                @online{g, title={G}, url={https://x.org/~a\\_b}} @misc{h, title={H}, eprint={2101.00001}, archivePrefix={arXiv}}
                @set{s, entryset={a,b}} @article{empty}
                """);
        assertThat(rs).extracting(r -> r.record().type()).containsExactly(RecordType.BOOK, RecordType.BOOK_SECTION,
                RecordType.THESIS, RecordType.THESIS, RecordType.REPORT, RecordType.GENERIC, RecordType.WEB_PAGE,
                RecordType.PREPRINT);
        assertThat(rs.get(2).record().institution()).isEqualTo("Uni");
        assertThat(rs.get(4).record().institution()).isEqualTo("WHO");
        assertThat(rs.get(6).record().urls()).containsExactly("https://x.org/~a_b");
        assertThat(rs.get(7).record().extra()).containsEntry("eprint", List.of("2101.00001"));
    }

    @Test
    void brokenEntriesNameTheFileAndLine() {
        assertThatThrownBy(() -> parse("@article{a,\n title = {never closed\n"))
                .isInstanceOf(ParseException.class)
                .hasMessage("test.bib, line 1: the @article entry that starts here never closes "
                        + "(expected '}' before the end of the file)");
        assertThatThrownBy(() -> parse("@article{a,\n title = {x}\n author = {y}}"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("test.bib, line 3: expected ',' or '}' after the value of 'title'");
        assertThatThrownBy(() -> parse("@article{a,\n title {x}}"))
                .hasMessageStartingWith("test.bib, line 2: expected '=' after the field name 'title'");
    }

    @Test
    void aBrokenEntryIsReportedWithItsLineAndTheEntriesAfterItAreRead() throws IOException {
        dev.winnow.testing.CollectingSink sink = new dev.winnow.testing.CollectingSink().recovering();
        try (var in = getClass().getResourceAsStream("/dev/winnow/bench/documented/bibtex-broken-entry.bib")) {
            new BibtexReader().read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8),
                    "ebsco.bib", sink);
        }
        assertThat(sink.records).extracting(r -> r.record().title()).containsExactly(
                "Telehealth follow-up after day surgery", "Waiting times for elective surgery across regions",
                "Discharge letters written with patients");
        assertThat(sink.records).extracting(ParsedRecord::position).containsExactly(1, 2, 3);
        assertThat(sink.records).extracting(ParsedRecord::line).containsExactly(1L, 22L, 42L);
        assertThat(sink.record(1).pages()).isEqualTo("310-322");
        // the keywords' stray brace swallowed Brandt2019's closing brace: the error is met at Castro2021's '@'
        assertThat(sink.broken).containsExactly(
                "2@12: ebsco.bib, line 22: expected ',' or '}' after the value of 'keywords', found '@'",
                "3@32: ebsco.bib, line 37: expected '=' after the field name '<b>missed</b>', found '}'");
    }

    @Test
    void anEntryCutShortAtTheEndOfTheFileIsReportedAfterTheEntriesBeforeIt() throws IOException {
        dev.winnow.testing.CollectingSink sink = new dev.winnow.testing.CollectingSink().recovering();
        new BibtexReader().read(new StringReader("@article{a, title = {One}}\n@article{b, title = {Two {x},\n"
                + "@article{c, title = {Three}}\n"), "t.bib", sink);
        // b's title never closes: it swallows c, which is read again from its own line
        assertThat(sink.records).extracting(r -> r.record().title()).containsExactly("One", "Three");
        assertThat(sink.records).extracting(ParsedRecord::line).containsExactly(1L, 3L);
        assertThat(sink.broken).containsExactly("2@2: t.bib, line 2: the @article entry that starts here never closes "
                + "(expected '}' before the end of the file)");
    }

    @Test
    void aBraceThatNeverClosesSwallowsNoLaterEntry() throws IOException {
        dev.winnow.testing.CollectingSink sink = new dev.winnow.testing.CollectingSink().recovering();
        new BibtexReader().read(new StringReader("""
                @article{a, title = {One}}
                @article{b, title = {Two {never closed},
                  year = {2001}}
                @book{c,
                  title = {Three}}
                  @misc{d, title = {Four}}
                """), "t.bib", sink);
        assertThat(sink.records).extracting(r -> r.record().title()).containsExactly("One", "Three", "Four");
        assertThat(sink.records).extracting(ParsedRecord::line).containsExactly(1L, 4L, 6L);
        // the title's value ran on to the end of b; the error is met at c's '@', where reading resumes
        assertThat(sink.broken).containsExactly("2@2: t.bib, line 4: expected ',' or '}' after the value of 'title', found '@'");
    }

    @Test
    void withoutRecoveryABrokenEntryStillRefusesTheFileAndSoDoesAFileOfBrokenEntriesOnly() {
        assertThatThrownBy(() -> parse("@article{a, title = {One}}\n@article{b, title {Two}}\n@article{c, title = {3}}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("test.bib, line 2: expected '=' after the field name 'title', found '{'");
        dev.winnow.testing.CollectingSink lenient = new dev.winnow.testing.CollectingSink().recovering();
        assertThatThrownBy(() -> new BibtexReader().read(new StringReader("@article{b, title {Two}}\n"), "t.bib", lenient))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("t.bib, line 1: expected '='");
    }

    @Test
    void sniffsBibtexButNotOtherFormats() {
        BibtexReader r = new BibtexReader();
        assertThat(r.sniff("% Encoding: UTF-8\n\n@Article{x,\n")).isTrue();
        assertThat(r.sniff("TY  - JOUR\nTI  - a@b{c}\nER  - \n")).isFalse();
        assertThat(r.sniff("<?xml version=\"1.0\"?><x>@a{</x>")).isFalse();
        assertThat(Formats.detect("@misc{x, title={y}}")).containsInstanceOf(BibtexReader.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"encoding-utf-8-with-header.bib", "encoding-utf-8-without-header.bib",
            "encoding-utf-8-with-header-with-databasetypecomment.bib", "encoding-utf-16BE-with-header.bib",
            "encoding-utf-16BE-without-header.bib"})
    void realEncodingsDecodeTheUmlaut(String file) {
        Path p = SharedData.require(JABREF + file);
        List<ParsedRecord> rs = Ingest.readAll(p, null);
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).record().title()).isEqualTo("Ü ist ein Umlaut");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-BE-noBOM.bib", "tiny-BE-withBOM.bib", "tiny-LE-noBOM.bib", "tiny-LE-withBOM.bib"})
    void utf16WithAndWithoutBom(String file) {
        Path p = SharedData.require(JABREF + file);
        List<ParsedRecord> rs = Ingest.readAll(p, null);
        assertThat(rs).hasSize(1);
        Record r = rs.get(0).record();
        assertThat(r.title()).isEqualTo("Investigation of the best suture pattern to close a stuffed Christmas turkey");
        assertThat(r.journal()).isEqualTo("Veterinary Record");
        assertThat(r.authors()).extracting(Author::family).containsExactly("Verwilghen", "Busoni", "van Galen", "Wilke");
        assertThat(r.year()).isEqualTo(2011);
        assertThat(r.pages()).isEqualTo("685-686");
    }

    @Test
    void windows1252Files() {
        Path p = SharedData.require(JABREF + "encoding-windows-1252-with-header.bib");
        assertThat(Ingest.readAll(p, null).get(0).record().abstractText()).isEqualTo("25° C");
        Path q = SharedData.require(JABREF + "encoding-windows-1252-but-utf-8-declared--decoding-fails.bib");
        assertThat(Ingest.readAll(q, null).get(0).record().authors().get(0).family()).isEqualTo("Last");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"asysd/tests/testthat/zotero_export.bib,1000",
            "synthesisr/tests/testthat/testdata/Scopus_bib_example.bib,3", "rbibutils/inst/bib/xampl_modified.bib,36",
            "rbibutils/inst/bib/biblatex-examples_sans_key_aksin.bib,89"})
    void realExportsHaveTheirRecordCounts(String path, int count) {
        List<ParsedRecord> rs = Ingest.readAll(SharedData.require(path), null);
        assertThat(rs).hasSize(count);
        assertThat(rs).filteredOn(r -> r.record().title() != null).hasSizeGreaterThanOrEqualTo(count - 2);
    }

    @Test
    void everyBibFileInTheSharedDataParsesOrFailsCleanly() throws IOException {
        Path root = SharedData.require("rbibutils/inst/bib");
        List<String> failures = new ArrayList<>();
        int records = 0;
        try (var files = java.nio.file.Files.list(root)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".bib")).sorted().toList()) {
                try {
                    records += Ingest.readAll(f, Format.BIBTEX).size();
                } catch (ParseException e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertThat(records).isGreaterThan(100);
        assertThat(failures).allSatisfy(m -> assertThat(m).matches(".*\\.bib, line \\d+: .*"));
    }

    @Test
    void webOfScienceBibtexQuirks() throws IOException {
        dev.winnow.testing.CollectingSink sink = new dev.winnow.testing.CollectingSink();
        try (var in = getClass().getResourceAsStream("/dev/winnow/bench/documented/wos.bib")) {
            new BibtexReader().read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), "wos.bib", sink);
        }
        assertThat(sink.records).hasSize(3);
        Record a = sink.record(0);
        assertThat(a.title()).isEqualTo("Patients' experience of nurse-led telephone follow-up after day surgery");
        assertThat(a.abstractText()).startsWith("Background: Follow-up calls are common & cheap.");
        assertThat(a.date()).isEqualTo("2021-03");
        assertThat(a.accessionNumbers()).containsEntry("Web of Science", "WOS:000600000000001");
        assertThat(a.keywords()).containsExactly("telephone follow-up", "day surgery");
        Record b = sink.record(1);
        assertThat(b.doi()).isEqualTo("10.5555/978-1-5555-0000-1_3");
        assertThat(b.authors()).extracting(Author::family).containsExactly("Duarte", "Novak", "IEEE");
        assertThat(b.authors().get(2).corporate()).isTrue();
        Record c = sink.record(2);
        assertThat(c.articleNumber()).isEqualTo("e0123");
        assertThat(c.year()).isEqualTo(2022);
        assertThat(c.extra()).containsEntry("earlyaccessdate", List.of("JAN 2022")).doesNotContainKey("article-number");
    }
}
