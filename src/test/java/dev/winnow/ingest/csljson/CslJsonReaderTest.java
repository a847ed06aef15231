package dev.winnow.ingest.csljson;

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
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CslJsonReaderTest {
    static final String ZOTERO = """
            [
              {"id": "http://zotero.org/users/1/items/ABC", "type": "article-journal",
               "title": "Integrating palliative care", "container-title": "BMJ", "page": "k123",
               "volume": "360", "issue": "2", "DOI": "10.1136/bmj.k123", "ISSN": "0959-8138, 1756-1833",
               "author": [{"family": "Smith", "given": "Jane"}, {"family": "Berg", "given": "Anna",
                 "non-dropping-particle": "van den"}, {"literal": "NHS England"}],
               "issued": {"date-parts": [["2018", "3", "4"]]}, "keyword": "palliative, primary care",
               "PMID": "29500000", "URL": "https://www.bmj.com/x"},
              {"type": "book", "title": "A book", "issued": {"raw": "Spring 2001"}, "publisher": "OUP"},
              {"type": "webpage", "note": "nothing else"},
              {"type": "thesis", "title": "A thesis", "issued": {"literal": "n.d."}}
            ]
            """;

    @Test
    void readsItems() throws IOException {
        List<String> skipped = new ArrayList<>();
        List<ParsedRecord> rs = new ArrayList<>();
        Formats.reader(Format.CSL_JSON).orElseThrow().read(new StringReader(ZOTERO), "z.json", new dev.winnow.ingest.RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
                rs.add(record);
            }

            @Override
            public void skip(int position, long line, String reason) {
                skipped.add(line + ": " + reason);
            }
        });
        assertThat(rs).hasSize(3);
        Record r = rs.get(0).record();
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.authors()).containsExactly(Author.of("Smith", "Jane"), Author.of("van den Berg", "Anna"),
                Author.organisation("NHS England"));
        assertThat(r.year()).isEqualTo(2018);
        assertThat(r.date()).isEqualTo("2018-03-04");
        assertThat(r.issns()).containsExactly("0959-8138", "1756-1833");
        assertThat(r.keywords()).containsExactly("palliative", "primary care");
        assertThat(r.pages()).isEqualTo("k123");
        assertThat(r.extra().get("citekey")).containsExactly("http://zotero.org/users/1/items/ABC");
        assertThat(rs.get(0).line()).isEqualTo(2);
        assertThat(rs.get(1).record().year()).isEqualTo(2001);
        assertThat(rs.get(1).record().date()).isEqualTo("Spring 2001");
        assertThat(rs.get(2).record().type()).isEqualTo(RecordType.THESIS);
        assertThat(rs.get(2).position()).isEqualTo(3);
        assertThat(skipped).containsExactly("10: item with no title, author or DOI");
        assertThat(Formats.detect(ZOTERO)).containsInstanceOf(CslJsonReader.class);
        assertThat(Formats.detect("{\"dataset_id\": \"x\", \"title\": \"metadata\"}")).isEmpty();
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> Ingest.readAll(new StringReader("[\n{\"title\": \"a\"},\n{\"title\": }\n]"), "b.json", Format.CSL_JSON))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("b.json, line 3: not valid JSON");
        assertThatThrownBy(() -> Ingest.readAll(new StringReader("[{\"title\": \"a\"}"), "c.json", Format.CSL_JSON))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("c.json, line 1:");
        assertThatThrownBy(() -> Ingest.readAll(new StringReader("42"), "d.json", Format.CSL_JSON))
                .isInstanceOf(ParseException.class).hasMessage("d.json, line 1: expected a CSL-JSON array of items ('[')");
    }
}
