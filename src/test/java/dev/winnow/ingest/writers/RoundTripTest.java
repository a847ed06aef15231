package dev.winnow.ingest.writers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A record written by a writer and read by the reader of the same format comes back equal, field for field. */
public class RoundTripTest {

    /** A record with every field set, in awkward forms (specials, paragraphs, corporate and particle names). */
    public static Record full(RecordType type) {
        return Record.builder()
                .type(type)
                .title("Early palliative care -- 50% of {GPs} & “oncologists”: a trial_1 at ~home")
                .originalTitle("Frühe Palliativversorgung")
                .author(Author.of("Müller", "Anna B."))
                .author(Author.of("van der Berg", "J.-P."))
                .author(Author.of("Zamm itt", null))
                .author(Author.organisation("EPOC Study Group, Oncology and General Practice"))
                .editor(Author.of("O'Brien", "Seán"))
                .year(2019)
                .date("2019 Nov-Dec")
                .journal("Journal of Palliative Care & Medicine")
                .journalAbbreviation("J Palliat Care Med")
                .volume("12")
                .issue("3")
                .pages("590-5")
                .articleNumber("e1234")
                .doi("10.1000/jpcm.2019_12(3)")
                .pmid("31234567")
                .pmcid("PMC6543210")
                .issn("1234-5678").issn("8765-4321")
                .isbn("978-3-86490-311-3")
                .abstractText("BACKGROUND: Why we did it.\n\nMETHODS: How -- with 95% CI.")
                .keyword("palliative care").keyword("Models, Biological*").keyword("general practice")
                .language("eng")
                .url("https://example.org/a?b=1&c=%20d#x").url("https://doi.org/10.1000/jpcm")
                .accessionNumber("Embase", "2012345678").accessionNumber("WOS", "000301234500001")
                .database("MEDLINE")
                .publisher("Sage")
                .place("London")
                .institution("University of Leeds")
                .note("first note").note("second note, with {braces}")
                .extra("citekey", "muller2019")
                .extra("caption", "Duplicate")
                .extra("custom1", "screened").extra("custom1", "twice")
                .build();
    }

    static Record roundTrip(Record r, Format format) throws IOException {
        RecordWriter w = Formats.writer(format).orElseThrow();
        StringWriter out = new StringWriter();
        w.write(List.of(r), out);
        List<ParsedRecord> back = Ingest.readAll(new StringReader(out.toString()), "rt", format);
        assertThat(back).as(out.toString()).hasSize(1);
        return back.get(0).record();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void bibtexKeepsEveryField(RecordType type) throws IOException {
        Record r = full(type);
        if (type == RecordType.THESIS) {
            r = r.toBuilder().extra("type", "Master's thesis").build();
        }
        assertThat(roundTrip(r, Format.BIBTEX)).usingRecursiveComparison().isEqualTo(r);
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void cslJsonKeepsEveryField(RecordType type) throws IOException {
        Record r = full(type);
        assertThat(roundTrip(r, Format.CSL_JSON)).usingRecursiveComparison().isEqualTo(r);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"BIBTEX", "CSL_JSON"})
    void sparseRecordsStaySparse(Format format) throws IOException {
        Record r = Record.builder().type(RecordType.JOURNAL_ARTICLE).title("Only a title").build();
        Record back = roundTrip(r, format);
        assertThat(back.toBuilder().extras(java.util.Map.of()).build()).isEqualTo(r);
        assertThat(back.extra().keySet()).containsOnly("citekey");
    }
}
