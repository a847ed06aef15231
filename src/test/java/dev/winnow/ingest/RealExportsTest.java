package dev.winnow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.winnow.UserError;
import dev.winnow.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every raw export under ../shared/data (RIS, nbib, txt, ciw, xml, bib, csv, tsv) either reads
 * with a plausible record count or is refused with a {@link UserError} (a {@link ParseException}
 * naming file and line, or "not a bibliographic file"): never any other exception. The files are
 * read with whatever readers {@link Formats#readers()} holds, so this covers readers as they land.
 */
class RealExportsTest {
    /**
     * Where SOURCES.md's shell heuristic is known to miscount, the count a careful reading gives,
     * and why.
     */
    private static final Map<String, Integer> CORRECTED = Map.of(
            // seven MEDLINE entries, two of them written "PMID-123" without the space the heuristic looks for;
            // JabRef's own test expects seven
            "jabref/jablib/src/test/resources/org/jabref/logic/importer/fileformat/MedlinePlainImporterTestMultipleEntries.txt", 7,
            // twelve '%0' lines, but runs of them with no field between describe no record; JabRef's
            // EndnoteImporterTest expects five entries
            "jabref/jablib/src/test/resources/org/jabref/logic/importer/fileformat/Endnote.entries.enw", 5);

    static java.util.List<String> files() {
        return RealExports.files();
    }

    private static final Map<String, Integer> EXPECTED = RealExports.sourcesCounts();

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("files")
    void readsOrRefusesCleanly(String relative) {
        var path = SharedData.require(relative);
        int[] counts = new int[2];
        RecordSink counter = new RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
                counts[0]++;
                assertThat(record.record()).isNotNull();
                assertThat(record.position()).isPositive();
            }

            @Override
            public void skip(int position, long line, String reason) {
                counts[1]++;
                assertThat(reason).isNotBlank();
            }
        };
        try {
            Ingest.read(path, null, counter);
        } catch (UserError e) {
            assertThat(e.getMessage()).as("a refusal names the file").contains(path.getFileName().toString());
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
            return;
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            fail(relative + ": reading threw " + t + " instead of reading or refusing cleanly\n" + trace);
        }
        Integer expected = CORRECTED.getOrDefault(relative, EXPECTED.get(relative));
        if (expected != null) {
            int seen = counts[0] + counts[1];
            int tolerance = Math.max(2, expected / 20);
            assertThat(seen).as(relative + ": records read " + counts[0] + " + skipped " + counts[1]
                    + " against SOURCES.md's " + expected).isBetween(expected - tolerance, expected + tolerance);
        }
    }
}
