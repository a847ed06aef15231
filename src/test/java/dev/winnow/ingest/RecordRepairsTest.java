package dev.winnow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.testing.CollectingSink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordRepairsTest {
    /** A wrapper forwards every method of RecordSink: one added later fails here until ForwardingSink passes it on. */
    @Test
    void theWrapperForwardsEveryMethodOfTheSink() throws NoSuchMethodException {
        for (java.lang.reflect.Method m : RecordSink.class.getMethods()) {
            assertThat(ForwardingSink.class.getDeclaredMethod(m.getName(), m.getParameterTypes()))
                    .as(m.getName()).isNotNull();
        }
        assertThat(RecordRepairs.class.getSuperclass()).isEqualTo(ForwardingSink.class);
        List<String> warned = new java.util.ArrayList<>();
        new RecordRepairs(new RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
            }

            @Override
            public void warn(int position, long line, String message) {
                warned.add(position + "@" + line + ": " + message);
            }
        }).warn(3, 12, "cut short");
        assertThat(warned).containsExactly("3@12: cut short");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"pp 37-64|37-64", "pp. 37-64|37-64", "p. 5|5", "PP 12-19|12-19", "p 5|5",
            "P12|P12", "pp37-64|pp37-64", "pages 3-4|pages 3-4", "e1234|e1234", "S12-S15|S12-S15"})
    void aPageRangeLosesItsAbbreviation(String pages, String expected) {
        assertThat(RecordRepairs.withoutAbbreviation(pages)).isEqualTo(expected);
    }

    @Test
    void misDecodedTextIsRepairedAndReportedTheRawTextKept() {
        CollectingSink records = new CollectingSink();
        List<String> repaired = records.repaired;
        RecordRepairs repairs = new RecordRepairs(records);
        Record broken = Record.builder().title("donâ€™t panic").author(Author.of("MÃ¼ller", "JÃ¼rgen"))
                .author(Author.organisation("SociÃ©tÃ© franÃ§aise")).journal("Plain journal").pages("pp 3-9")
                .keyword("SÃ£o Paulo").build();
        repairs.accept(new ParsedRecord(broken, 4, 30, "TI  - donâ€™t panic"));
        Record fixed = records.record(0);
        assertThat(fixed.title()).isEqualTo("don’t panic");
        assertThat(fixed.authors()).containsExactly(Author.of("Müller", "Jürgen"), Author.organisation("Société française"));
        assertThat(fixed.keywords()).containsExactly("São Paulo");
        assertThat(fixed.journal()).isEqualTo("Plain journal");
        assertThat(fixed.pages()).isEqualTo("3-9");
        assertThat(records.records.get(0).raw()).isEqualTo("TI  - donâ€™t panic");
        assertThat(records.records.get(0)).extracting(ParsedRecord::position, ParsedRecord::line).containsExactly(4, 30L);
        assertThat(repaired).containsExactly("4@30: text that was UTF-8 read as Windows-1252 or Mac Roman, repaired in title, "
                + "authors, keywords (the raw record keeps it as the file had it)");

        // a record with nothing to repair goes on untouched, unreported
        Record clean = Record.builder().title("Müller’s law").pages("3-9").build();
        ParsedRecord p = new ParsedRecord(clean, 5, 40, "x");
        repairs.accept(p);
        assertThat(records.records.get(1)).isSameAs(p);
        assertThat(repaired).hasSize(1);
    }
}
