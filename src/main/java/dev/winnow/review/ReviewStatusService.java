package dev.winnow.review;

import dev.winnow.chart.ChartService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.project.ProjectStatus;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.report.ReportService;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.screen.FullTextService;
import dev.winnow.screen.ScreeningProgress;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.StatusStore;
import dev.winnow.store.MembershipStore.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a project's {@link ReviewFacts} from the feature services, as one person may see them
 * (blinding), and gives its checklist and problems ({@link ReviewChecklist}).
 */
public final class ReviewStatusService {
    private final Database db;
    private final ProjectService projects;
    private final ScreeningService screening;

    public ReviewStatusService(Database db) {
        this.db = db;
        this.projects = new ProjectService(db);
        this.screening = new ScreeningService(db);
    }

    /** The project's checklist and its problems, as this viewer may see them. */
    public record Status(ProjectStatus counts, ReviewFacts facts, List<Step> steps, List<Problem> problems) {
    }

    public Status status(Viewer viewer, Project p) {
        Base b = base(p);
        ReviewFacts f = facts(viewer, p, b);
        return new Status(b.counts(), f, ReviewChecklist.steps(f), ReviewChecklist.problems(f));
    }

    /** What a reviewer opening a stage's queue should be told first (empty project, waiting records, …). */
    public List<Problem> screeningProblems(Viewer viewer, Project p, StageName stage) {
        return ReviewChecklist.forScreening(quickFacts(viewer, p, stage), stage.label());
    }

    /** Every fact of the checklist. */
    public ReviewFacts facts(Viewer viewer, Project p) {
        return facts(viewer, p, base(p));
    }

    private ReviewFacts facts(Viewer viewer, Project p, Base b) {
        ProjectStatus counts = b.counts();
        Protocol protocol = b.protocol().protocol();
        ScreeningProgress progress = new ScreeningProgress(db);
        List<ReviewFacts.StageFacts> stages = new ArrayList<>();
        long includedAtFullText = 0;
        long fullTextRecords = 0;
        boolean blinded = false;
        boolean fullTextClosed = false;
        for (StageName stage : StageName.values()) {
            if (screening.closedTo(viewer, p, stage).isPresent()) {
                // blinding: its list would show how the others decided (outcomes would refuse: StageClosed)
                fullTextClosed |= stage == StageName.FULL_TEXT;
                blinded = true;
                continue;
            }
            var outcomes = screening.outcomes(viewer, p, stage);
            Map<String, Long> c = outcomes.counts();
            List<ReviewFacts.ReviewerCount> per = progress.perReviewer(p, stage).stream()
                    .map(r -> new ReviewFacts.ReviewerCount(r.username(), r.records())).toList();
            ReviewFacts.StageFacts s = new ReviewFacts.StageFacts(stage.label(), outcomes.outcomes().size(),
                    n(c, "included"), n(c, "excluded"), n(c, "conflict"), n(c, "awaiting-reviewer"), n(c, "pending"),
                    n(c, "blinded"), protocol.rules(stage).requiredReviewers(), per);
            stages.add(s);
            blinded |= s.blinded() > 0;
            if (stage == StageName.FULL_TEXT) {
                includedAtFullText = s.included();
                fullTextRecords = s.records();
            }
        }
        List<ScreeningService.PilotResult> rounds = screening.pilotRounds(viewer, p, StageName.TITLE_ABSTRACT);
        ReviewFacts.Pilot pilot = ReviewFacts.Pilot.NONE;
        if (!rounds.isEmpty()) {
            ScreeningService.PilotResult last = rounds.get(rounds.size() - 1);
            ScreeningService.PilotResult closed = rounds.stream().filter(ScreeningService.PilotResult::closed)
                    .reduce((earlier, later) -> later).orElse(null);
            pilot = new ReviewFacts.Pilot(rounds.size(), !last.closed(),
                    closed == null || closed.agreement() == null ? null : closed.agreement().overall().percent(),
                    closed == null ? null : closed.target(), closed == null ? null : closed.targetMet());
        }
        long retrieved = 0;
        long notRetrieved = 0;
        for (var row : fullTextClosed ? List.<dev.winnow.store.FullTextStore.FullTextRow>of()
                : new FullTextService(db).statuses(p)) {
            if (FullTextService.RETRIEVED.equals(row.status())) {
                retrieved++;
            } else if (FullTextService.NOT_RETRIEVED.equals(row.status())) {
                notRetrieved++;
            }
        }
        ChartService charts = new ChartService(db);
        ReviewFacts.Report report;
        if (blinded) {
            report = new ReviewFacts.Report(false, "the numbers are withheld while screening is blinded");
        } else {
            FlowDiagram d = new ReportService(db).flow(p);
            report = new ReviewFacts.Report(d.consistent(), d.consistent() ? null : d.violations().get(0).message());
        }
        long maybes = db.withHandle(h -> StatusStore.openMaybes(h, p.id()));
        return new ReviewFacts(p.key(), counts.sources(), counts.importFiles(), counts.sourceRecords(), b.awaiting(),
                counts.studyRecords(), maybes, b.protocol().version(), protocol.criteria().size(), b.questionSet(),
                b.screeners(), b.reviewers(), stages, pilot, new ReviewFacts.FullTexts(fullTextRecords, retrieved, notRetrieved),
                new ReviewFacts.Charting(charts.currentForm(p).isPresent(), includedAtFullText,
                        charts.finalEntries(p).size()), report);
    }

    /**
     * The facts the screening page of {@code stage} needs, read cheaply: that stage's record count
     * only (the screening page asks on every view; no outcomes, no other stage, no report).
     */
    private ReviewFacts quickFacts(Viewer viewer, Project p, StageName stage) {
        Base b = base(p);
        ProjectStatus counts = b.counts();
        Protocol protocol = b.protocol().protocol();
        ScreeningService.Progress progress = screening.progress(viewer, p, stage);
        List<ReviewFacts.StageFacts> stages = List.of(new ReviewFacts.StageFacts(stage.label(), progress.total(),
                0, 0, 0, 0, 0, 0, protocol.rules(stage).requiredReviewers(), List.of()));
        return new ReviewFacts(p.key(), counts.sources(), counts.importFiles(), counts.sourceRecords(), b.awaiting(),
                counts.studyRecords(), 0, b.protocol().version(), protocol.criteria().size(), b.questionSet(),
                b.screeners(), b.reviewers(), stages, ReviewFacts.Pilot.NONE, new ReviewFacts.FullTexts(0, 0, 0), new ReviewFacts.Charting(false, 0, 0),
                new ReviewFacts.Report(false, null));
    }

    /** What both readings start from: counts, the protocol, the team, records waiting for deduplication. */
    private record Base(ProjectStatus counts, ProtocolService.Versioned protocol, int screeners, int reviewers,
                        long awaiting) {
        boolean questionSet() {
            return protocol.protocol().question() != null && !protocol.protocol().question().isBlank();
        }
    }

    private Base base(Project p) {
        List<Member> members = new TeamService(db).members(p);
        return new Base(projects.status(p), new ProtocolService(db).current(p),
                (int) members.stream().filter(m -> Role.parse(m.role()).compareTo(Role.REVIEWER) >= 0).count(),
                (int) members.stream().filter(m -> Role.parse(m.role()) == Role.REVIEWER).count(),
                db.withHandle(h -> StatusStore.awaitingDedup(h, p.id())));
    }

    private static long n(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }
}
