package dev.winnow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash safety: a child process doing real work is killed with SIGKILL at a random moment (fixed
 * seeds); the database is then reopened and checked: every acknowledged unit of work is there,
 * nothing is half done, the counts agree.
 */
class KillTest {
    static final int SCREENING_KILLS = 12;
    static final int IMPORT_KILLS = 10;

    static Process start(String mode, String url, long seed) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), KillWorker.class.getName(), mode, url, String.valueOf(seed));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** Runs the worker until it has acknowledged some work and then for a random while; kills it; returns the ACK lines. */
    static List<String> runAndKill(String mode, String url, long seed, int minAcks, long maxMillis) throws Exception {
        Process child = start(mode, url, seed);
        List<String> acks = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean ready = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.equals("READY")) {
                        ready.set(true);
                    } else if (line.startsWith("ACK ")) {
                        acks.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (acks.size() < minAcks && child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("worker %s seed %d still running", mode, seed).isTrue();
        Thread.sleep(new Random(seed).nextLong(maxMillis));
        child.destroyForcibly(); // SIGKILL on Linux
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        return new ArrayList<>(acks);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void acknowledgedDecisionsSurviveSigkill(TestDb kind) throws Exception {
        String url = kind.freshUrl();
        try (Database db = Database.open(url)) {
            KillWorker.setup(db);
        }
        List<String> acknowledged = new ArrayList<>();
        int kills = kind == TestDb.SQLITE ? SCREENING_KILLS : 4;
        for (int k = 1; k <= kills; k++) {
            acknowledged.addAll(runAndKill("screen", url, 1000 + k, 3, 400));
            try (Database db = Database.open(url)) {
                Invariants.check(db, acknowledged);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(kills * 3);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anImportKilledMidwayLeavesNothingHalfDone(TestDb kind) throws Exception {
        String url = kind.freshUrl();
        try (Database db = Database.open(url)) {
            KillWorker.setup(db);
        }
        List<String> acknowledged = new ArrayList<>();
        int kills = kind == TestDb.SQLITE ? IMPORT_KILLS : 4;
        for (int k = 1; k <= kills; k++) {
            acknowledged.addAll(runAndKill("import", url, 2000 + k, 1, 1500));
            try (Database db = Database.open(url)) {
                Invariants.check(db, acknowledged);
                for (String ack : acknowledged) {
                    String[] parts = ack.split(" ");
                    long stored = db.withHandle(h -> h.createQuery("select record_count from import_file where file_name = :f")
                            .bind("f", parts[2]).mapTo(Long.class).one());
                    assertThat(stored).isEqualTo(Long.parseLong(parts[3]));
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(kills);
    }
}
