package dev.winnow.ingest.tagged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.UserError;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real exports in ../shared/data, read in place: each is detected as the right format and yields
 * the record count its SOURCES.md gives; every tagged export there either parses or is refused
 * with a message, never an exception of another kind.
 */
class TaggedExportsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "citesource/vignettes/new_stage_data/medline_84.ris, RIS, 84",
            "citesource/vignettes/new_stage_data/wos_278.ris, RIS, 278",
            "citesource/vignettes/valid_data/psycinfo_64.ris, RIS, 64",
            "citesource/vignettes/topic_data/20221207_gambling-harms_scopus_255.ris, RIS, 255",
            "asreview-demo-data/tests/demo_data/embase.ris, RIS, 6",
            "asreview-demo-data/tests/demo_data/proquest.ris, RIS, 6",
            "asreview-demo-data/tests/demo_data/ovid_psycinfo.ris, RIS, 6",
            "asreview-demo-data/tests/demo_data/pubmed_endnote.txt, RIS, 6",
            "asreview-demo-data/tests/demo_data/pubmed_zotero.ris, RIS, 6",
            "synthesisr/tests/testthat/testdata/ASP_ris_example.ris, RIS, 4",
            "synthesisr/tests/testthat/testdata/Ovid_ris_example.ris, RIS, 4",
            "rispy/tests/data/example_extraneous_data.ris, RIS, 2",
            "rispy/tests/data/example_full.ris, RIS, 2",
            "asysd/tests/testthat/zotero_export.ris, RIS, 1000",
            "revtools/examples/restoration_pubmed.nbib, MEDLINE, 104",
            "reflib-node/test/data/cancer.nbib, MEDLINE, 20",
            "synthesisr/tests/testthat/testdata/PubMed_example.txt, MEDLINE, 3",
            "revtools/examples/restoration_WoS.ciw, WOS, 247",
            "synthesisr/tests/testthat/testdata/WoS_ciw_example.ciw, WOS, 5",
            "synthesisr/tests/testthat/testdata/WoS_txt_example.txt, WOS, 4",
            "metaknowledge/metaknowledge/tests/ManyAuthors.isi, WOS, 500",
            "bibliometrix/tests/testthat/fixtures/wos_sample.txt, WOS, 8",
            "scientopy/dataInExample/wos_2026_04_02_4071.txt, WOS_TAB, 71",
            "jabref/jablib/src/test/resources/org/jabref/logic/importer/fileformat/OvidImporterTest1.txt, OVID, 5",
    })
    void realExportParsesWithItsRecordCount(String relative, Format format, int records) {
        Path file = SharedData.require(relative);
        List<ParsedRecord> out = new ArrayList<>();
        Ingest.FileInfo info = Ingest.read(file, null, out::add);
        assertThat(info.format()).isEqualTo(format);
        assertThat(out).hasSize(records);
        assertThat(out).extracting(ParsedRecord::position).startsWith(1).endsWith(records);
        long titled = out.stream().filter(p -> p.record().title() != null).count();
        assertThat(titled).as("records with a title").isGreaterThanOrEqualTo((records + 1) / 2);
        assertThat(out).allSatisfy(p -> assertThat(p.raw()).isNotBlank());
    }

    @Test
    void everyTaggedExportParsesOrIsRefusedCleanly() throws IOException {
        Path root = SharedData.require("");
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".ris") || n.endsWith(".nbib") || n.endsWith(".ciw") || n.endsWith(".isi")
                        || n.endsWith(".txt") && !n.startsWith("license");
            }).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        int parsed = 0;
        for (Path f : files) {
            try {
                int[] n = {0};
                Ingest.read(f, null, r -> n[0]++);
                assertThat(n[0]).as(f.toString()).isPositive();
                parsed++;
            } catch (UserError e) {
                assertThat(e.getMessage()).as(f.toString()).contains(f.getFileName().toString());
            }
        }
        assertThat(parsed).isGreaterThan(100);
    }
}
