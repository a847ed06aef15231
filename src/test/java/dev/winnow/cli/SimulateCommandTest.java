package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow simulate} as scripts drive it. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private Path dataset() throws Exception {
        StringBuilder csv = new StringBuilder("title,abstract,label_included\n");
        for (int i = 0; i < 60; i++) {
            boolean on = i % 6 == 0;
            csv.append(on ? "Palliative care in general practice " : "Hip fracture surgery ").append(i).append(',')
                    .append(on ? "\"Shared care with oncology, for patients with cancer\"" : "Orthopaedic outcomes")
                    .append(',').append(on ? 1 : 0).append('\n');
        }
        Path p = dir.resolve("toy.csv");
        Files.writeString(p, csv);
        return p;
    }

    @Test
    void writesTheFullOrderAndPrintsTheMetrics() throws Exception {
        Path data = dataset();
        Path order = dir.resolve("order.txt");
        CliTest.Run r = CliTest.run(null, "simulate", data.toString(), "--prior-ids", "1,0", "--order",
                order.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(order);
        assertThat(lines).hasSize(60);
        assertThat(lines.subList(0, 2)).containsExactly("0", "1"); // the relevant prior first
        assertThat(lines.stream().mapToInt(Integer::parseInt).sorted().toArray())
                .containsExactly(IntStream.range(0, 60).toArray());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("n").asInt()).isEqualTo(60);
        assertThat(json.get("relevant").asInt()).isEqualTo(10);
        // the toy data separate almost perfectly (random would be 0.5)
        assertThat(json.get("loss").asDouble()).isLessThan(0.05);
        assertThat(json.get("wss95").asDouble()).isGreaterThan(0.7);
    }

    @Test
    void badPriorsAreAUserError() throws Exception {
        Path data = dataset();
        CliTest.Run r = CliTest.run(null, "simulate", data.toString(), "--prior-ids", "1,2", "--order",
                dir.resolve("o.txt").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("both irrelevant");
        CliTest.Run seeded = CliTest.run(null, "simulate", data.toString(), "--seed", "3", "--model", "logistic",
                "--order", dir.resolve("o.txt").toString());
        assertThat(seeded.code()).as(seeded.err()).isZero();
        assertThat(seeded.out()).contains("WSS@95").contains("loss");
        CliTest.Run unknown = CliTest.run(null, "simulate", data.toString(), "--model", "nope", "--order",
                dir.resolve("o.txt").toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no ranking model 'nope'");
    }
}
