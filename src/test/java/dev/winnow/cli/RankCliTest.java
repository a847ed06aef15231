package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.testing.TestDb;
import dev.winnow.testing.TopicStudies;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code screen next} follows the ranking; {@code rank status} reports it and the stopping estimate. */
class RankCliTest {
    @Test
    void screenNextIsRankedAndRankStatusSaysWhereTheReviewerStands() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        String key = CliTest.run(db, "project", "create", "Early palliative care").lastLine();
        Set<Long> relevant = new HashSet<>();
        try (Database d = Database.open(db)) {
            long pid = new ProjectService(d).get(key).id();
            List<Long> ids = d.inTransaction(h -> TopicStudies.insert(h, pid, 20));
            relevant.addAll(TopicStudies.relevantOf(ids));
        }
        CliTest.Run before = CliTest.run(db, "rank", "status", "--project", key, "--reviewer", "alice");
        assertThat(before.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(before.err()).contains("no user named 'alice'");

        for (String verdict : new String[] {"include", "exclude"}) {
            JsonNode next = Json.MAPPER.readTree(CliTest.run(db, "screen", "next", "--project", key, "--reviewer",
                    "alice", "--json").out());
            assertThat(next.get("ranking").get("order").asText()).isEqualTo("record");
            long record = next.get("record").asLong();
            assertThat(relevant.contains(record)).isEqualTo(verdict.equals("include"));
            assertThat(CliTest.run(db, "screen", "decide", "--project", key, "--reviewer", "alice", "--record",
                    String.valueOf(record), "--decision", verdict).code()).isZero();
        }
        CliTest.Run next = CliTest.run(db, "screen", "next", "--project", key, "--reviewer", "alice");
        assertThat(next.out()).contains("order    Ranked by likely relevance (model of 2 decisions")
                .contains("stopping You have screened 2 of 20 records; 1 relevant found");
        long ranked = Long.parseLong(next.out().lines().findFirst().orElseThrow().replaceAll("\\D+", ""));
        assertThat(relevant).contains(ranked);

        JsonNode status = Json.MAPPER.readTree(CliTest.run(db, "rank", "status", "--project", key, "--reviewer",
                "alice", "--top", "4", "--json").out());
        assertThat(status.get("order").asText()).isEqualTo("ranked");
        assertThat(status.get("screened").asInt()).isEqualTo(2);
        assertThat(status.get("stopping").get("rule").asText()).startsWith("hypergeometric test (recall 95%");
        assertThat(status.get("stopping").get("stop").asBoolean()).isFalse();
        assertThat(status.get("top")).hasSize(4).allMatch(id -> relevant.contains(id.asLong()));
        assertThat(CliTest.run(db, "rank", "status", "--project", key, "--reviewer", "alice").out())
                .contains("rule      hypergeometric test (recall 95%, confidence 95%)")
                .contains("Keep screening: 95% recall is not yet shown at 95% confidence");
    }
}
