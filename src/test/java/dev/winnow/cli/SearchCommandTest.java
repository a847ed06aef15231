package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testing.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow search} as users run it: exit 0 done, 1 bad strategy (file, line, column), 2 usage. */
class SearchCommandTest {
    @TempDir Path dir;

    static final String OVID = """
            1 exp Palliative Care/ (61234)
            2 (palliat* adj3 (care or ill*)).ti,ab. (20000)
            3 1 or 2 (70000)
            """;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void checkPrintsTheTree() throws IOException {
        CliTest.Run r = CliTest.run(null, "search", "check", "--from", "ovid-medline", write("s.txt", OVID).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("heading \"Palliative Care\" (MeSH, exploded)",
                "NEAR (at most 2 words between, any order)", "word \"palliat*\" in title, abstract");
        assertThat(r.lastLine()).endsWith("s.txt: 3 lines, MEDLINE (Ovid): parses");
    }

    @Test
    void translateWritesTheTargetAndFlagsOnStandardError() throws IOException {
        Path f = write("s.txt", OVID);
        CliTest.Run r = CliTest.run(null, "search", "translate", "--from", "ovid-medline", "--to", "pubmed", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                #1 "Palliative Care"[Mesh]
                #2 palliat*[tiab] AND (care[tiab] OR ill*[tiab])
                #3 #1 OR #2
                """);
        assertThat(r.err()).contains("winnow: pubmed line 2 [proximity] PubMed cannot search these words within 2 words")
                .contains("1 element to check by hand");

        CliTest.Run all = CliTest.run(null, "search", "translate", "--from", "ovid-medline", "--to", "all", f.toString());
        assertThat(all.out()).contains("== Embase (Embase.com)", "#1 'Palliative Care'/exp", "== CINAHL (EBSCOhost)",
                "S2 (TI (palliat* N2 (care OR ill*)) OR AB (palliat* N2 (care OR ill*)))", "== Web of Science");
        assertThat(all.err()).contains("winnow: embase line 1 [subject heading] look up the MeSH heading");
    }

    @Test
    void aBadStrategyIsOneLineWithFileLineAndColumnAndExitOne() throws IOException {
        Path f = write("bad.txt", "1 exp Palliative Care/\n2 (palliat* or hospice*.ti,ab.\n3 1 or 4\n");
        CliTest.Run r = CliTest.run(null, "search", "check", "--from", "ovid-medline", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("winnow: " + f + ": line 2, column 3: this '(' is never closed");

        CliTest.Run missing = CliTest.run(null, "search", "check", "--from", "pubmed", dir.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.txt: no such file");

        CliTest.Run syntax = CliTest.run(null, "search", "check", "--from", "dialog", f.toString());
        assertThat(syntax.code()).isEqualTo(1);
        assertThat(syntax.err()).contains("unknown search syntax 'dialog' (--from): expected one of ovid-medline,");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path f = write("s.txt", OVID);
        assertThat(CliTest.run(null, "search", "translate", "--from", "ovid-medline", f.toString()).code()).isEqualTo(2);
        assertThat(CliTest.run(null, "search", "check", f.toString()).code()).isEqualTo(2);
        assertThat(CliTest.run(null, "search", "frobnicate").code()).isEqualTo(2);
    }

    @Test
    void addStoresTheSearchAndTheAppendixReportsIt() throws IOException {
        String db = TestDb.SQLITE.freshUrl();
        String key = CliTest.run(db, "project", "create", "Early palliative care").lastLine();
        Path bad = write("bad.txt", "1 exp Palliative Care/\n2 1 or 3\n");
        CliTest.Run refused = CliTest.run(db, "search", "add", "--project", key, "--source", "MEDLINE", "--platform",
                "Ovid", "--searched", "2023-04-20", bad.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("bad.txt: line 2, column 8: line 2 refers to line 3, which comes later");
        assertThat(CliTest.run(db, "search", "list", "--project", key).out()).isEmpty();

        CliTest.Run added = CliTest.run(db, "search", "add", "--project", key, "--source", "MEDLINE", "--platform",
                "Ovid", "--searched", "2023-04-20", write("s.txt", OVID).toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("Recorded the MEDLINE (Ovid) search of MEDLINE (Ovid) run on "
                + "2023-04-20: 70000 records reported, 0 imported (70000 fewer imported than reported)");
        assertThat(CliTest.run(db, "search", "list", "--project", key).out())
                .contains("MEDLINE (Ovid)\t2023-04-20\tovid-medline\treported 70000\timported 0");

        assertThat(CliTest.run(db, "report", "check", "--project", key).out())
                .contains("warning: MEDLINE (Ovid): its search found 70000 records, 0 were imported "
                        + "(70000 fewer imported than reported)");

        Path out = dir.resolve("appendix.md");
        assertThat(CliTest.run(db, "search", "appendix", "--project", key, "-o", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).contains("| 2 | (palliat* adj3 (care or ill*)).ti,ab. | 20000 |",
                "| MEDLINE (Ovid) |  70000 | 0 | 70000 fewer imported than reported |".replace("|  ", "| "));
    }
}
