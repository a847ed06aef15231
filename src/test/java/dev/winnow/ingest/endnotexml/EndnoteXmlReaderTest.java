package dev.winnow.ingest.endnotexml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.testing.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndnoteXmlReaderTest {
    static final String XML = """
            <?xml version="1.0" encoding="UTF-8" ?><xml><records><record><database name="x.enl">x.enl</database>
            <rec-number>7</rec-number><ref-type name="Journal Article">17</ref-type>
            <contributors><authors><author><style face="normal" font="default" size="100%">Smith, John A.</style></author>
            <author>World Health Organization</author></authors>
            <secondary-authors><author>Editor, Ed</author></secondary-authors></contributors>
            <titles><title><style face="normal">Early palliative care </style><style face="italic">in</style><style face="normal"> GP</style></title>
            <secondary-title>Palliative Medicine</secondary-title><short-title>Early care</short-title></titles>
            <periodical><full-title>Palliative Medicine</full-title><abbr-1>Palliat Med</abbr-1></periodical>
            <pages>590-5</pages><volume>12</volume><number>3</number>
            <keywords><keyword>palliative care</keyword><keyword>primary care</keyword></keywords>
            <dates><year>2020</year><pub-dates><date>Mar 4</date></pub-dates></dates>
            <isbn>1532-1827 (Electronic)&#xD;0007-0920 (Linking)</isbn>
            <accession-num>31234567</accession-num><electronic-resource-num>10.1000/xyz</electronic-resource-num>
            <abstract>An abstract.</abstract><notes>a note</notes><remote-database-name>MEDLINE</remote-database-name>
            <caption>Duplicate</caption><custom1>screened</custom1><language>eng</language>
            <urls><related-urls><url>https://example.org/a</url></related-urls><pdf-urls><url>internal-pdf://a.pdf</url></pdf-urls></urls>
            </record><record><ref-type name="Thesis">32</ref-type><titles><title>A thesis</title></titles></record>
            <record><ref-type>6</ref-type><titles><title>A book by number</title></titles></record>
            <record><database>empty</database></record></records></xml>
            """;

    @Test
    void readsRecordsWithStyleWrappers() throws IOException {
        List<ParsedRecord> rs = Ingest.readAll(new StringReader(XML), "e.xml", Format.ENDNOTE_XML);
        assertThat(rs).hasSize(3);
        Record r = rs.get(0).record();
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.title()).isEqualTo("Early palliative care in GP");
        assertThat(r.authors()).containsExactly(Author.of("Smith", "John A."), Author.organisation("World Health Organization"));
        assertThat(r.editors()).containsExactly(Author.of("Editor", "Ed"));
        assertThat(r.journal()).isEqualTo("Palliative Medicine");
        assertThat(r.journalAbbreviation()).isEqualTo("Palliat Med");
        assertThat(r.pages()).isEqualTo("590-5");
        assertThat(r.issue()).isEqualTo("3");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.date()).isEqualTo("Mar 4");
        assertThat(r.issns()).containsExactly("1532-1827", "0007-0920");
        assertThat(r.doi()).isEqualTo("10.1000/xyz");
        assertThat(r.accessionNumbers()).containsEntry("MEDLINE", "31234567");
        assertThat(r.database()).isEqualTo("MEDLINE");
        assertThat(r.keywords()).containsExactly("palliative care", "primary care");
        assertThat(r.urls()).containsExactly("https://example.org/a", "internal-pdf://a.pdf");
        assertThat(r.notes()).containsExactly("a note");
        assertThat(r.extra()).containsEntry("caption", List.of("Duplicate")).containsEntry("custom1", List.of("screened"))
                .containsEntry("rec-number", List.of("7")).containsEntry("short-title", List.of("Early care"));
        assertThat(rs.get(1).record().type()).isEqualTo(RecordType.THESIS);
        assertThat(rs.get(2).record().type()).isEqualTo(RecordType.BOOK);
        assertThat(Formats.detect(XML)).containsInstanceOf(EndnoteXmlReader.class);
    }

    @ParameterizedTest
    @CsvSource({"dedupe-sweep/test/data/copper.xml,505,281", "dedupe-sweep/test/data/tafenoquine.xml,179,114",
            "asysd/tests/testthat/zotero_export.xml,1233,0", "asysd/tests/testthat/mendeley_export.xml,1233,0",
            "reflib-node/test/data/bold.xml,3,0"})
    void realExportsHaveTheirRecordCounts(String path, int records, int duplicates) {
        List<ParsedRecord> rs = Ingest.readAll(SharedData.require(path), null);
        assertThat(rs).hasSize(records);
        assertThat(rs).filteredOn(r -> r.record().extra().getOrDefault("caption", List.of()).contains("Duplicate"))
                .hasSize(duplicates);
        assertThat(rs).filteredOn(r -> r.record().title() != null).hasSizeGreaterThan(records * 9 / 10);
    }
}
