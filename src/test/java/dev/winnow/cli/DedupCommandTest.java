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
}
