package dev.winnow.bench;

import dev.winnow.account.AccountService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.record.Record;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code winnow bench fulltext}: what a full-text screening request costs when title/abstract was
 * blinded and is finished, per project size, on a fresh SQLite file with synthetic records. Every
 * full-text request reads the title/abstract decisions: the records at full text are those both
 * reviewers included there, and while title/abstract is blinded a viewer may not see full text
 * until its conflicts are settled ({@code ScreeningService.closedTo}). Per size: two reviewers
 * decide every record at title/abstract (one in twenty included by both), then the timed calls —
 * the title/abstract outcomes (one whole read of that stage), a full-text {@code peek} and
 * {@code next}, and {@code decideAndNext} (the screening page's one request per record).
 */
public final class FullTextBench {
    private FullTextBench() {
    }

    /** Figures for one project size, in milliseconds. */
    public record Result(int studies, int titleAbstractDecisions, int fullTextRecords, double seedSeconds,
                         double outcomesP50, double peekP50, double nextP50, double decideP50, double decideP95,
                         double decideMax, int decided) {
    }

    /** One record in this many is included by both reviewers at title/abstract (the rest excluded). */
    static final int INCLUDE_EVERY = 20;

    public static List<Result> run(List<Integer> sizes, int requests) throws Exception {
        List<Result> out = new ArrayList<>();
        for (int size : sizes) {
            out.add(ScratchDatabase.with("winnow-bench-fulltext", db -> one(db, size, requests)));
        }
        return out;
    }

    private static Result one(Database db, int size, int requests) {
        Project p = new ProjectService(db).create("Full-text benchmark", ProjectKind.SCOPING, null);
        List<String> reasons = List.of("wrong population");
        new ProtocolService(db).save(p, new Protocol("Full-text benchmark", "Q", List.of(), List.of(
                new StageRules(StageName.TITLE_ABSTRACT, 2, true, "all", List.of(), reasons),
                new StageRules(StageName.FULL_TEXT, 2, true, "all", List.of(), reasons)), null), "bench");
        List<Long> ids = new ArrayList<>();
        db.useTransaction(h -> {
            for (int i = 1; i <= size; i++) {
                ids.add(StudyStore.insert(h, p.id(), Record.builder().title("Early palliative care model " + i)
                        .abstractText("Shared care between general practice and oncology, record " + i)
                        .year(2000 + i % 25).build()).id());
            }
        });
        AccountService accounts = new AccountService(db);
        TeamService team = new TeamService(db);
        var lead = accounts.addUser("bench-lead", "Lead", "bench-lead-password", true, "bench");
        team.put(p, "bench-lead", Role.OWNER, lead);
        Viewer[] reviewers = new Viewer[2];
        for (int r = 0; r < 2; r++) {
            String name = "bench-reviewer-" + r;
            var u = accounts.addUser(name, name, name + "-password", false, "bench");
            team.put(p, name, Role.REVIEWER, lead);
            reviewers[r] = Viewer.reviewer(u.id(), name);
        }
        ScreeningService screening = new ScreeningService(db);
        long t0 = System.nanoTime();
        int included = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean include = i % INCLUDE_EVERY == 0;
            included += include ? 1 : 0;
            for (Viewer v : reviewers) {
                screening.decide(v, p, StageName.TITLE_ABSTRACT, ids.get(i), include
                        ? ScreeningService.Input.of(Verdict.INCLUDE) : ScreeningService.Input.of(Verdict.EXCLUDE,
                        "wrong population"));
            }
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        Viewer me = reviewers[0];
        Viewer overseer = Viewer.overseer("bench");
        // warm up the code paths once, untimed
        screening.outcomes(overseer, p, StageName.TITLE_ABSTRACT);
        screening.peek(me, p, StageName.FULL_TEXT);
        double outcomes = p50(time(requests, () -> screening.outcomes(overseer, p, StageName.TITLE_ABSTRACT)
                .outcomes().size()));
        double peek = p50(time(requests, () -> screening.peek(me, p, StageName.FULL_TEXT).isPresent() ? 1 : 0));
        double next = p50(time(requests, () -> screening.next(me, p, StageName.FULL_TEXT).isPresent() ? 1 : 0));
        List<Long> decideNanos = new ArrayList<>();
        var current = screening.next(me, p, StageName.FULL_TEXT);
        while (current.isPresent() && decideNanos.size() < requests) {
            long start = System.nanoTime();
            var d = screening.decideAndNext(me, p, StageName.FULL_TEXT, current.get().study().id(),
                    ScreeningService.Input.of(Verdict.INCLUDE));
            decideNanos.add(System.nanoTime() - start);
            current = d.next();
        }
        long[] decide = decideNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(size, 2 * size, included, seedSeconds, outcomes, peek, next, p50(decide),
                TeamLoad.percentile(decide, 0.95), decide.length == 0 ? 0 : decide[decide.length - 1] / 1e6, decide.length);
    }

    private static long[] time(int times, LongSupplier call) {
        long[] out = new long[times];
        long sink = 0;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            sink += call.getAsLong();
            out[i] = System.nanoTime() - start;
        }
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable: keeps the calls from being optimised away");
        }
        Arrays.sort(out);
        return out;
    }

    private static double p50(long[] sorted) {
        return TeamLoad.percentile(sorted, 0.5);
    }
}
