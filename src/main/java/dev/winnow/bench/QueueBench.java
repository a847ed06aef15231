package dev.winnow.bench;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.rank.RankService;
import dev.winnow.rank.RankedQueues;
import dev.winnow.rank.Standing;
import dev.winnow.record.Record;
import dev.winnow.screen.Verdict;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code winnow bench queue}: what the web server's background ranking refresh costs, per project
 * size, on a fresh SQLite file with synthetic records (no third-party data). Per size: the first
 * refresh (every record featurised), then {@code steps} times "one decision → refresh" (only new
 * texts read; model refitted; all open records rescored; stopping estimate), and for comparison
 * the time to read every study record as the refresh did before it read only new ones; then the
 * cost of {@link RankedQueues#preferred} (what each "next record" pays: a memory read).
 */
public final class QueueBench {
    private QueueBench() {
    }

    /** Figures for one project size; times in milliseconds, {@code preferred} in microseconds. */
    public record Result(int records, int seedLabels, double firstMs, double p50Ms, double p95Ms, double maxMs,
                         double readAllMs, double preferredP50Us, double preferredP99Us, int steps,
                         int relevantInFirstSteps, int relevantShare) {
    }

    public static List<Result> run(List<Integer> sizes, int seedLabels, int steps) throws Exception {
        List<Result> out = new ArrayList<>();
        for (int size : sizes) {
            out.add(ScratchDatabase.with("winnow-bench-queue", db -> one(db, size, seedLabels, steps)));
        }
        return out;
    }

    private static Result one(Database db, int size, int seedLabels, int steps) {
        Random rnd = new Random(7);
        String[] vocabulary = vocabulary(20_000, rnd);
        Set<Long> relevant = new HashSet<>();
        record Setup(Project project, long stage, long user, List<Long> ids) {
        }
        Setup s = db.inTransaction(h -> {
            Project p = ProjectStore.insert(h, "bench", "Bench: ranking refresh", ProjectKind.SCOPING, null);
            long stage = StageStore.ensure(h, p.id(), "title-abstract").id();
            long user = UserStore.insert(h, "bench", null, null, false).id();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                boolean on = rnd.nextInt(50) == 0; // ~2% relevant
                String title = words(vocabulary, rnd, 12) + (on ? " early palliative care shared with oncology" : "");
                String abs = words(vocabulary, rnd, 180) + (on ? " general practice and oncology teams" : "");
                long id = StudyStore.insert(h, p.id(), Record.builder().title(title).abstractText(abs).build()).id();
                ids.add(id);
                if (on) {
                    relevant.add(id);
                }
            }
            return new Setup(p, stage, user, ids);
        });
        long project = s.project().id();
        RankedQueues queues = new RankedQueues(db, new RankService(db), Runnable::run);
        long t0 = System.nanoTime();
        queues.compute(project, s.stage(), s.user());
        double firstMs = (System.nanoTime() - t0) / 1e6;
        // seed labels in record order (with at least one relevant record among them)
        db.useTransaction(h -> {
            int n = 0;
            boolean sawRelevant = false;
            for (long id : s.ids()) {
                boolean rel = relevant.contains(id);
                if (n < seedLabels || (!sawRelevant && rel)) {
                    decide(h, s.stage(), id, s.user(), rel);
                    sawRelevant |= rel;
                    n++;
                }
                if (n >= seedLabels && sawRelevant) {
                    break;
                }
            }
        });
        Standing st = queues.compute(project, s.stage(), s.user());
        long[] times = new long[steps];
        int found = 0;
        for (int i = 0; i < steps; i++) {
            long id = st.order().get(0);
            boolean rel = relevant.contains(id);
            found += rel ? 1 : 0;
            db.useTransaction(h -> decide(h, s.stage(), id, s.user(), rel));
            long a = System.nanoTime();
            st = queues.compute(project, s.stage(), s.user());
            times[i] = System.nanoTime() - a;
        }
        Arrays.sort(times);
        long b = System.nanoTime();
        db.withHandle(h -> StudyStore.list(h, project).size());
        double readAllMs = (System.nanoTime() - b) / 1e6;
        // what "next record" pays: a memory read of the last order
        int calls = 20_000;
        long[] pref = new long[calls];
        for (int i = 0; i < calls; i++) {
            long c = System.nanoTime();
            queues.preferred(project, s.stage(), s.user());
            pref[i] = System.nanoTime() - c;
        }
        Arrays.sort(pref);
        int share = (int) Math.round(100.0 * relevant.size() / size);
        return new Result(size, seedLabels, firstMs, pct(times, 0.5) / 1e6, pct(times, 0.95) / 1e6,
                times[times.length - 1] / 1e6, readAllMs, pct(pref, 0.5) / 1e3, pct(pref, 0.99) / 1e3, steps, found,
                share);
    }

    private static void decide(org.jdbi.v3.core.Handle h, long stage, long study, long user, boolean relevant) {
        DecisionStore.append(h, new DecisionStore.NewDecision(stage, study, user,
                relevant ? Verdict.INCLUDE : Verdict.EXCLUDE, null, null, null, null, "screen", null, null));
    }

    /** Pseudo-words (syllables), so that the features grow as a real vocabulary does. */
    private static String[] vocabulary(int n, Random rnd) {
        String[] syllables = {"ka", "lo", "mi", "ne", "ra", "to", "su", "vi", "de", "pa", "gro", "stri", "on", "el",
                "ba", "qui", "zen", "mor", "tal", "fe"};
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            int len = 2 + rnd.nextInt(3);
            for (int k = 0; k < len; k++) {
                w.append(syllables[rnd.nextInt(syllables.length)]);
            }
            out[i] = w.toString();
        }
        return out;
    }

    /** Words drawn with a Zipf-like skew (frequent words frequent, a long tail). */
    private static String words(String[] vocabulary, Random rnd, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double u = rnd.nextDouble();
            int index = (int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, u)) - 1);
            b.append(vocabulary[Math.max(0, index)]).append(' ');
        }
        return b.toString().strip();
    }

    private static long pct(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)];
    }
}
