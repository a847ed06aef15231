package dev.winnow.ingest.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordSink;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.testing.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.winnow.testing.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TabularReaderTest {

    static CollectingSink read(TabularReader reader, String text) throws IOException {
        CollectingSink c = new CollectingSink();
        reader.read(new StringReader(text), "test.csv", c);
        return c;
    }

    @Test
    void aSemicolonInsideALinkDoesNotSplitIt() throws IOException {
        String csv = "Title,url\n"
                + "A,\"https://doaj.org/a; http://x.org/article.asp?issn=2251-953X;year=2021;volume=10|"
                + "https://y.org/1;https://z.org/2 www.w.org/3\"\n";
        assertThat(read(TabularReader.CSV, csv).record(0).urls()).containsExactly("https://doaj.org/a",
                "http://x.org/article.asp?issn=2251-953X;year=2021;volume=10", "https://y.org/1", "https://z.org/2",
                "www.w.org/3");
    }

    @Test
    void readsAScopusExportWithItsColumnNames() throws IOException {
        String csv = "\uFEFFAuthors,Author full names,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,"
                + "Cited by,DOI,Link,Abstract,Author Keywords,ISSN,PubMed ID,Language of Original Document,Document Type,EID\n"
                + "\"Aria M., Cuccurullo C.\",\"Aria, Massimo (6602395563); Cuccurullo, Corrado (6506434052)\","
                + "\"bibliometrix: An R-tool, for science mapping\",2017,Journal of Informetrics,11,4,,959,975,"
                + "3000,10.1016/j.joi.2017.08.007,https://www.scopus.com/x,\"An abstract\nover two lines\","
                + "bibliometrics; R; science mapping,17511577,,English,Article,2-s2.0-85030\n"
                + "\"Zhou J., Xu W.\",,Second,2019,Conf,,,e123,,,,,,,,,31234567.0,,Conference Paper,2-s2.0-1\n";
        CollectingSink c = read(TabularReader.CSV, csv);

        assertThat(c.records).hasSize(2);
        Record r = c.record(0);
        assertThat(r.title()).isEqualTo("bibliometrix: An R-tool, for science mapping");
        assertThat(r.authors()).containsExactly(Author.of("Aria", "Massimo"), Author.of("Cuccurullo", "Corrado"));
        assertThat(r.year()).isEqualTo(2017);
        assertThat(r.journal()).isEqualTo("Journal of Informetrics");
        assertThat(r.volume()).isEqualTo("11");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.pages()).isEqualTo("959-975");
        assertThat(r.doi()).isEqualTo("10.1016/j.joi.2017.08.007");
        assertThat(r.abstractText()).isEqualTo("An abstract\nover two lines");
        assertThat(r.keywords()).containsExactly("bibliometrics", "R", "science mapping");
        assertThat(r.issns()).containsExactly("17511577");
        assertThat(r.urls()).containsExactly("https://www.scopus.com/x");
        assertThat(r.language()).isEqualTo("English");
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        // the short author list is a second column for the same field: kept, not lost
        assertThat(r.extra()).containsEntry("Authors", List.of("Aria M., Cuccurullo C."))
                .containsEntry("Cited by", List.of("3000")).containsEntry("EID", List.of("2-s2.0-85030"));

        Record second = c.record(1);
        assertThat(second.authors()).containsExactly(Author.of("Zhou", "J."), Author.of("Xu", "W."));
        assertThat(second.articleNumber()).isEqualTo("e123");
        assertThat(second.pmid()).isEqualTo("31234567");
        assertThat(second.type()).isEqualTo(RecordType.CONFERENCE_PAPER);

        assertThat(c.records.get(0).line()).isEqualTo(2);
        assertThat(c.records.get(1).line()).isEqualTo(4);
        assertThat(c.records.get(1).position()).isEqualTo(2);
        assertThat(c.records.get(0).raw()).startsWith("\"Aria M., Cuccurullo C.\"").endsWith("2-s2.0-85030")
                .contains("An abstract\nover two lines");

        Map<String, String> mapping = new LinkedHashMap<>();
        c.mapping.columns().forEach(col -> mapping.put(col.header(), col.target()));
        assertThat(mapping).containsEntry("Authors", "authors").containsEntry("Author full names", "authors")
                .containsEntry("Source title", "journal").containsEntry("Page start", "first-page")
                .containsEntry("Art. No.", "article-number").containsEntry("PubMed ID", "pmid")
                .containsEntry("Cited by", "extra").containsEntry("EID", "extra");
    }

    @Test
    void readsBibDedupeColumnsAndKeepsTheRowId() throws IOException {
        String csv = "\"ID\",\"title\",\"year\",\"author\",\"pages\",\"volume\",\"number\",\"ENTRYTYPE\",\"journal\",\"booktitle\"\n"
                + "\"id_0000001\",\"Efficacy of batroxobin\",2010,\"Zhai, Q. J. and Yue, X. Y. and Hong, Z.\",\"73-76\",7,2,"
                + "\"article\",\"Chinese Journal of Cerebrovascular Diseases\",\n"
                + "\"id_0000002\",\"A proceedings paper\",\"2012\",\"Deng, Xuefei\",,,,\"inproceedings\",,\"HICSS\"\n";
        CollectingSink c = read(TabularReader.CSV, csv);
        Record r = c.record(0);
        assertThat(r.extra()).containsEntry("id", List.of("id_0000001"));
        assertThat(r.authors()).extracting(Author::family).containsExactly("Zhai", "Yue", "Hong");
        assertThat(r.issue()).isEqualTo("2");
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        Record p = c.record(1);
        assertThat(p.journal()).isEqualTo("HICSS");
        assertThat(p.type()).isEqualTo(RecordType.CONFERENCE_PAPER);
        assertThat(p.extra()).containsOnlyKeys("id");
    }

    @Test
    void readsAsreviewCsvWrittenByPandas() throws IOException {
        String csv = "record_id,title,abstract,authors,keywords,publication_year,label_included\n"
                + "12,\"A title\",\"Some text\",\"['Marx, Karl', 'Lindgren, Astrid']\",\"['Pippi', 'Nordwind']\",1999.0,1\n";
        Record r = read(TabularReader.CSV, csv).record(0);
        assertThat(r.authors()).containsExactly(Author.of("Marx", "Karl"), Author.of("Lindgren", "Astrid"));
        assertThat(r.keywords()).containsExactly("Pippi", "Nordwind");
        assertThat(r.year()).isEqualTo(1999);
        assertThat(r.extra()).containsEntry("id", List.of("12")).containsEntry("label_included", List.of("1"));
    }

    @Test
    void readsEmbaseSourceCitations() throws IOException {
        String csv = "Title,Author Names,Source,Abstract\n"
                + "\"Duplication cysts\",\"Liu R., Adler D.G.\",\"Endoscopic Ultrasound (2014) 3:3 (152-160). "
                + "Date of Publication: 2014\",\"Text\"\n";
        Record r = read(TabularReader.CSV, csv).record(0);
        assertThat(r.authors()).containsExactly(Author.of("Liu", "R."), Author.of("Adler", "D. G."));
        assertThat(r.journal()).isEqualTo("Endoscopic Ultrasound");
        assertThat(r.year()).isEqualTo(2014);
        assertThat(r.volume()).isEqualTo("3");
        assertThat(r.issue()).isEqualTo("3");
        assertThat(r.pages()).isEqualTo("152-160");
        assertThat(r.extra()).containsKey("Source");
    }

    @Test
    void semicolonsTabsAndExcelSepLines() throws IOException {
        CollectingSink semi = read(TabularReader.CSV, "title;authors;doi\n\"A; B\";Smith, J and Lee, K;10.1/x\n");
        assertThat(semi.record(0).title()).isEqualTo("A; B");
        assertThat(semi.record(0).authors()).containsExactly(Author.of("Smith", "J"), Author.of("Lee", "K"));
        assertThat(semi.record(0).doi()).isEqualTo("10.1/x");
        CollectingSink sep = read(TabularReader.CSV, "sep=;\ntitle;doi\nA title;10.1/x\n");
        assertThat(sep.record(0).doi()).isEqualTo("10.1/x");
        assertThat(sep.records.get(0).line()).isEqualTo(3);
        CollectingSink tsv = read(TabularReader.TSV, "TI\tAU\tPY\tDO\nA title\tSmith, J. and Lee, K.\t2019\t10.1/y\n");
        assertThat(tsv.record(0).authors()).hasSize(2);
        assertThat(tsv.record(0).doi()).isEqualTo("10.1/y");
    }

    @Test
    void rowsWithNothingToScreenAreSkippedWithAReason() throws IOException {
        CollectingSink c = read(TabularReader.CSV, "ID,title,year\nid1,A title,2001\n\nid2,,2003\n,,\nid3,Third,\n");
        assertThat(c.records).extracting(p -> p.record().title()).containsExactly("A title", "Third");
        assertThat(c.skipped).containsExactly("2@4: no title, authors, DOI, PMID or abstract", "3@5: an empty row");
        assertThat(c.records.get(1).position()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "title,authors,doi|CSV",
            "\"Title\",\"Authors\",\"Year\"|CSV",
            "abstract;title;year|CSV",
            "Title\tAuthors\tDOI|TSV",
            "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year|CSV",
    })
    void recognisesBibliographicHeaders(String header, String format) {
        String head = header.replace("\\t", "\t") + "\nx,y,z\n";
        assertThat(Formats.detect(head)).map(r -> r.format()).contains(Format.valueOf(format));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "TY  - JOUR\nTI  - A title, with a comma\nER  - \n",
            "@article{key,\n  title = {A title},\n}\n",
            "[{\"title\": \"x\", \"author\": []}]",
            "merged_ids\n\"id_1;id_2\"\n",
            "title\nonly one column\n",
            "year,count\n2001,3\n",
            "PMID- 123456\nTI  - A title\n",
            "\"title,authors\n",
    })
    void leavesOtherFilesAlone(String head) {
        assertThat(TabularReader.CSV.sniff(head)).isFalse();
        assertThat(TabularReader.TSV.sniff(head)).isFalse();
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> read(TabularReader.CSV, "title,doi\nA,10.1/x\n\"Broken,10.1/y\nC,10.1/z\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("test.csv, line 3: a quoted field that starts on line 3 never closes");
    }

    @Test
    void aRowWiderThanTheHeaderIsAnError() {
        assertThatThrownBy(() -> read(TabularReader.CSV, "title,doi\nA,10.1/x\nB,10.1/y,surplus\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("test.csv, line 3: expected at most 2 cells");
        // empty surplus cells (a trailing delimiter) are harmless
        assertThat(read0("title,doi\nA,10.1/x,,\n")).hasSize(1);
    }

    @Test
    void aHeaderWithoutAnyBibliographicColumnIsAnError() {
        assertThatThrownBy(() -> read(TabularReader.CSV, "name,count\nx,1\n"))
                .isInstanceOf(ParseException.class)
                .hasMessage("test.csv, line 1: expected a header row naming a title, authors, DOI, PMID or abstract "
                        + "column; found 'name', 'count'");
        assertThatThrownBy(() -> read(TabularReader.CSV, ""))
                .isInstanceOf(ParseException.class).hasMessageContaining("the file is empty");
    }

    private static List<ParsedRecord> read0(String text) {
        try {
            return read(TabularReader.CSV, text).records;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "bib-dedupe/data/stroke/records_pre_merged.csv,1292,0",
            "bib-dedupe/data/respiratory/records_pre_merged.csv,1988,0",
            "bib-dedupe/data/cytology_screening/records_pre_merged.csv,1856,0",
            "bib-dedupe/data/haematology/records_pre_merged.csv,1414,1",
            "bib-dedupe/data/special_cases/records_pre_merged.csv,12,0",
    })
    void readsEveryBibDedupeSet(String file, int records, int skipped) {
        Path p = SharedData.require(file);
        CollectingSink c = new CollectingSink();
        Ingest.FileInfo info = Ingest.read(p, null, c);
        assertThat(info.format()).isEqualTo(Format.CSV);
        assertThat(c.records).hasSize(records);
        assertThat(c.skipped).hasSize(skipped);
        // every row keeps its ID, in order: the dedup benchmark joins on it
        for (int i = 0; i < c.records.size(); i++) {
            assertThat(c.record(i).extra().get("id")).hasSize(1);
            assertThat(c.record(i).extra().get("id").get(0)).startsWith("id_");
        }
        assertThat(c.record(0).extra().get("id")).containsExactly("id_0000001");
    }

    @Test
    void readsAScopusFileFromDisk() {
        Path p = SharedData.require("bibliometrix/tests/testthat/fixtures/scopus_sample.csv");
        CollectingSink c = new CollectingSink();
        Ingest.read(p, null, c);
        assertThat(c.records).hasSize(8);
        assertThat(c.records).allSatisfy(r -> {
            assertThat(r.record().title()).isNotBlank();
            assertThat(r.record().authors()).isNotEmpty();
            assertThat(r.record().doi()).startsWith("10.");
        });
    }

    @Test
    void pubmedCsvGivesVolumeIssueAndPagesFromItsCitationColumn() throws IOException {
        CollectingSink sink = new CollectingSink();
        try (var in = getClass().getResourceAsStream("/dev/winnow/bench/documented/pubmed.csv")) {
            TabularReader.CSV.read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), "pubmed.csv", sink);
        }
        assertThat(sink.records).hasSize(5);
        Record r = sink.record(0);
        assertThat(r.pmid()).isEqualTo("39000001");
        assertThat(r.journal()).isEqualTo("J Rehabil Example");
        assertThat(r.volume()).isEqualTo("12");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.pages()).isEqualTo("310-322");
        assertThat(r.pmcid()).isEqualTo("PMC9000001");
        assertThat(r.authors()).extracting(Author::family).containsExactly("Lindqvist", "Okafor", "Haddad");
        assertThat(r.extra()).containsKey("Citation");
        assertThat(sink.record(1)).extracting(Record::volume, Record::issue, Record::pages).containsExactly("368", null, "m123");
        assertThat(sink.record(2)).extracting(Record::volume, Record::pages).containsExactly("30 Suppl 5", "v1-v2");
        // ahead of print: no volume, the article number after the date
        assertThat(sink.record(3)).extracting(Record::volume, Record::pages, Record::year).containsExactly(null, "104567", 2024);
        // a book's citation gives nothing
        assertThat(sink.record(4)).extracting(Record::volume, Record::pages).containsExactly(null, null);
        assertThat(sink.mapping.columns()).extracting(c -> c.target()).contains("pubmed-citation");

        // a citation column in another style (APA) fills nothing
        CollectingSink apa = new CollectingSink();
        TabularReader.CSV.read(new StringReader("Title,Citation\nT,\"Smith J. 2020. A title. Some Journal, 3(2), 1-9.\"\n"),
                "apa.csv", apa);
        assertThat(apa.record(0)).extracting(Record::journal, Record::volume, Record::pages).containsExactly(null, null, null);
    }

    @Test
    void anImportSkipsARowWiderThanTheHeaderAndReadsOn() throws IOException {
        CollectingSink sink = new CollectingSink().recovering();
        TabularReader.CSV.read(new StringReader("title,doi\nA,10.1/x\nB, with a comma,10.1/y\nC,10.1/z\n"), "test.csv", sink);
        assertThat(sink.records).extracting(r -> r.record().title()).containsExactly("A", "C");
        assertThat(sink.records).extracting(ParsedRecord::position).containsExactly(1, 3);
        assertThat(sink.broken).containsExactly("2@3: test.csv, line 3: expected at most 2 cells, one per column of the "
                + "header row; found 3 (a column missing from the header, or a delimiter inside an unquoted cell)");

        // a quote out of step puts every row after it out of step: the file is refused even so
        CollectingSink lenient = new CollectingSink().recovering();
        assertThatThrownBy(() -> TabularReader.CSV.read(new StringReader("title,doi\nA,10.1/x\n\"B,10.1/y\nC,10.1/z\n"
                + "\"D, a study\",10.1/w\n"), "test.csv", lenient)).isInstanceOf(ParseException.class);
    }
}
