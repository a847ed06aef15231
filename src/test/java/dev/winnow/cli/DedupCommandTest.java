package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesOneClusterRowPerRecordUsingTheIdColumn() throws Exception {
        Path in = dir.resolve("refs.csv");
        Files.writeString(in, """
                ID,title,author,year,journal,volume,pages
                r1,Early palliative care for patients with metastatic non-small-cell lung cancer,"Temel, J S and Greer, J A",2010,N Engl J Med,363,733-42
                r2,EARLY PALLIATIVE CARE FOR PATIENTS WITH METASTATIC NON-SMALL-CELL LUNG CANCER,"Temel, Jennifer and Greer, Joseph",2010,New England Journal of Medicine,363,733-742
                r3,Erratum: Early palliative care for patients with metastatic non-small-cell lung cancer,"Temel, J S",2010,N Engl J Med,363,1284
                """);
        Path out = dir.resolve("clusters.csv");
        Path maybe = dir.resolve("maybe.csv");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new String[] {"dedup", in.toString(), "--clusters", out.toString(), "--maybe", maybe.toString()},
                new PrintWriter(o), new PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).containsExactly("id,cluster", "r1,0", "r2,0", "r3,1");
        assertThat(o.toString()).contains("3 records, 2 clusters");
        assertThat(Files.readAllLines(maybe).get(0)).isEqualTo("id_a,id_b,rule,evidence");
    }

    @Test
    void aMissingFileIsABadInput() {
        StringWriter e = new StringWriter();
        int code = Cli.run(new String[] {"dedup", dir.resolve("nope.ris").toString(), "--clusters",
                dir.resolve("c.csv").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(e));
        assertThat(code).isEqualTo(Cli.BAD_INPUT);
        assertThat(e.toString()).contains("nope.ris");
    }

    @Test
    void deduplicatesAProjectIncrementallyAndPrintsJson() throws Exception {
        String db = dev.winnow.testing.TestDb.SQLITE.freshUrl();
        CliTest.run(db, "project", "create", "Shared care");
        Path a = Files.writeString(dir.resolve("a.csv"), "Title,Authors,Year,DOI\n"
                + "Early palliative care in general practice,\"Smith J; Lee K\",2020,10.1000/epc1\n"
                + "Shared care between oncology and primary care,\"Brown A\",2019,10.1000/sc2\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "Title,Authors,Year,DOI\n"
                + "Early palliative care in general practice,\"Smith J; Lee K\",2020,10.1000/epc1\n");
        assertThat(CliTest.run(db, "import", "--project", "shared-care", "--source", "MEDLINE", a.toString()).code())
                .isZero();
        assertThat(CliTest.run(db, "import", "--project", "shared-care", "--source", "Embase", b.toString()).code())
                .isZero();
        CliTest.Run r = CliTest.run(db, "dedup", "--project", "shared-care");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 source records → 2 studies (1 duplicates linked)").contains("Embase + MEDLINE: 1");
        CliTest.Run again = CliTest.run(db, "dedup", "--project", "shared-care", "--json");
        assertThat(again.code()).as(again.err()).isZero();
        var json = dev.winnow.store.Json.MAPPER.readTree(again.out());
        assertThat(json.get("studies").asLong()).isEqualTo(2);
        assertThat(json.get("newLinks").asInt()).isZero();
    }

    @Test
    void projectAndFilesAreTwoModes() {
        CliTest.Run both = CliTest.run(null, "dedup", "--project", "x", dir.resolve("a.ris").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("two different modes");
        CliTest.Run none = CliTest.run(null, "dedup");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("give --project KEY, or FILE... with --clusters");
    }
}
