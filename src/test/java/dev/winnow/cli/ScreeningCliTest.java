package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.project.ProjectService;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screening commands as a script drives them. */
class ScreeningCliTest {

    @Test
    void protocolScreeningConflictsAgreementAndImportFromTheCommandLine(@TempDir Path dir) throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        String key = CliTest.run(db, "project", "create", "Early palliative care").lastLine();
        try (Database d = Database.open(db)) {
            long pid = new ProjectService(d).get(key).id();
            d.useTransaction(h -> {
                for (int i = 1; i <= 3; i++) {
                    StudyStore.insert(h, pid, Record.builder().title("Record " + i).year(2020).doi("10.5555/r" + i).build());
                }
            });
        }
        CliTest.Run example = CliTest.run(null, "protocol", "example");
        assertThat(example.out()).contains("early palliative").contains("single sector only");
        Path yaml = dir.resolve("protocol.yaml");
        Files.writeString(yaml, example.out().replace("blinded: true", "blinded: false"));
        assertThat(CliTest.run(db, "protocol", "import", "--project", key, yaml.toString()).out())
                .contains("version 1");
        Files.writeString(dir.resolve("bad.yaml"), "title: x\nstages:\n  - name: screening\n");
        CliTest.Run bad = CliTest.run(db, "protocol", "import", "--project", key, dir.resolve("bad.yaml").toString());
        assertThat(bad.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err().strip()).startsWith("winnow: bad.yaml, line 3: stages[1].name: 'screening' is not a stage");
        assertThat(CliTest.run(db, "protocol", "export", "--project", key).out()).contains("version 1")
                .contains("blinded: false");

        for (String reviewer : new String[] {"alice", "bob"}) {
            for (int i = 0; i < 3; i++) {
                JsonNode next = Json.MAPPER.readTree(CliTest.run(db, "screen", "next", "--project", key, "--reviewer",
                        reviewer, "--json").out());
                long record = next.get("record").asLong();
                String verdict = reviewer.equals("bob") && record == 2 ? "exclude" : "include";
                CliTest.Run decided = CliTest.run(db, "screen", "decide", "--project", key, "--reviewer", reviewer,
                        "--record", String.valueOf(record), "--decision", verdict, "--reason", "wrong population");
                assertThat(decided.code()).as(decided.err()).isZero();
            }
            assertThat(CliTest.run(db, "screen", "next", "--project", key, "--reviewer", reviewer).out())
                    .startsWith("none");
        }
        JsonNode conflicts = Json.MAPPER.readTree(CliTest.run(db, "conflicts", "--project", key, "--json").out());
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("record").asLong()).isEqualTo(2);
        assertThat(conflicts.get(0).get("decisions").findValuesAsText("reviewer")).containsExactly("alice", "bob");

        JsonNode agreement = Json.MAPPER.readTree(CliTest.run(db, "agreement", "--project", key, "--json").out());
        assertThat(agreement.get("overall").get("n").asInt()).isEqualTo(3);
        assertThat(agreement.get("overall").get("percent").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(CliTest.run(db, "agreement", "--project", key).out()).contains("alice / bob").contains("66.7%");

        CliTest.Run resolve = CliTest.run(db, "screen", "resolve", "--project", key, "--reviewer", "carol", "--record", "2",
                "--decision", "include", "--note", "model described in the methods");
        assertThat(resolve.code()).as(resolve.err()).isZero();
        assertThat(CliTest.run(db, "conflicts", "--project", key).out()).contains("No conflicts");

        CliTest.Run ftExclude = CliTest.run(db, "screen", "decide", "--project", key, "--stage", "full-text",
                "--reviewer", "alice", "--record", "1", "--decision", "exclude");
        assertThat(ftExclude.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(ftExclude.err().strip()).startsWith("winnow: a full-text exclusion needs a reason: give one of:");

        Path csv = dir.resolve("decisions.csv");
        Files.writeString(csv, "doi,decision,reason\n10.5555/r1,include,\n10.5555/r3,exclude,single sector only\n10.5555/zz,include,\n");
        CliTest.Run imported = CliTest.run(db, "decisions", "import", "--project", key, "--stage", "full-text",
                "--reviewer", "dana", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("3 rows, 2 matched").contains("unmatched line 4: doi 10.5555/zz");

        Path pdf = dir.resolve("r1.pdf");
        Files.write(pdf, dev.winnow.screen.FullTextServiceTest.pdf("A shared care model"));
        assertThat(CliTest.run(db, "fulltext", "attach", "--project", key, "--record", "1", "--reviewer", "alice",
                pdf.toString()).out()).contains("record 1: retrieved").contains("1 pages");
        assertThat(CliTest.run(db, "fulltext", "not-retrieved", "--project", key, "--record", "3", "--reviewer", "alice",
                "--reason", "no library holds it").out()).contains("not-retrieved (no library holds it)");
        assertThat(CliTest.run(db, "screen", "outcomes", "--project", key, "--stage", "full-text").out())
                .contains("awaiting-reviewer  1");
    }
}
