package dev.winnow.screen;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.store.AssignmentStore;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.FullTextStore;
import dev.winnow.store.PilotStore;
import dev.winnow.store.IdBatches;
import dev.winnow.store.QueueStore;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.StudyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Screening a project's records at a stage: the reviewer's queue, decisions (append-only),
 * conflicts and their resolution, derived outcomes, agreement and pilot rounds.
 *
 * <p><b>Every read takes the {@link Viewer}</b> and applies the stage's blinding (see
 * {@link StageSnapshot#canSeeOthers}): while a stage is blinded a reviewer sees only their own
 * decisions, and outcomes, conflicts and agreement that would reveal another reviewer's decision on
 * a record they screened are withheld. {@link Viewer#overseer} sees everything (reports, the owner's
 * command line).
 *
 * <p><b>Outcomes for reports</b>: {@link #outcomes(Viewer, Project, StageName)} with an overseer
 * gives each record's derived outcome at a stage; {@link #prismaCounts(Viewer, Project)} turns both
 * stages into PRISMA's screening boxes.
 */
public final class ScreeningService {
    private final Database db;
    private final QueueOrder order;
    /** Per stage, reviewer and capacity: every study id below this is closed to the reviewer for good (a cache). */
    private final Map<String, Long> closedBelow = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per stage and capacity: study ids closed to every reviewer for good (resolved, or full); a cache. */
    private final Map<String, Set<Long>> closedToAll = new java.util.concurrent.ConcurrentHashMap<>();
    /** How long a reservation lasts: after it, the record may be given to someone else. */
    private final java.time.Duration reservation;

    /** How long a reviewer's reservation of a record lasts by default. */
    public static final java.time.Duration RESERVATION = java.time.Duration.ofMinutes(30);

    public ScreeningService(Database db) {
        this(db, QueueOrder.RECORD_ORDER);
    }

    /** A screening service whose queue follows {@code order} (e.g. the active-learning ranking). */
    public ScreeningService(Database db, QueueOrder order) {
        this(db, order, RESERVATION);
    }

    /** As above, with reservations lasting {@code reservation}. */
    public ScreeningService(Database db, QueueOrder order, java.time.Duration reservation) {
        this.db = db;
        this.order = order;
        this.reservation = reservation;
    }

    /** What a reviewer decided, before it is stored. */
    public record Input(Verdict verdict, List<String> reasons, Map<String, String> criteria, String note,
                        Integer secondsTaken, String idempotencyKey) {
        public Input {
            reasons = reasons == null ? List.of() : reasons.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
            criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
        }

        public static Input of(Verdict verdict, String... reasons) {
            return new Input(verdict, List.of(reasons), null, null, null, null);
        }
    }

    /** The next record in a reviewer's queue; {@code pilotRound} is set when it belongs to an open pilot round. */
    public record Next(StageName stage, StudyStore.Study study, Long pilotRound) {
    }

    /**
     * A record whose reviewers disagree, with their newest decisions; {@code record} is the whole
     * record for the conflicts board (authors, abstract), left out of the API's JSON (ask for the record).
     */
    public record Conflict(long studyId, String title, List<Decision> decisions,
                           @com.fasterxml.jackson.annotation.JsonIgnore dev.winnow.record.Record record) {
    }

    /** Every record's outcome at a stage as one viewer may see it, and the counts per status. */
    public record StageOutcomes(StageName stage, List<Outcome> outcomes, Map<String, Long> counts) {
        public Optional<Outcome> of(long studyId) {
            return outcomes.stream().filter(o -> o.studyId() == studyId).findFirst();
        }
    }

    /** Agreement between one pair of reviewers over the records both decided. */
    public record PairAgreement(String reviewerA, String reviewerB, Agreement agreement) {
    }

    /**
     * Agreement at a stage: pooled over every reviewer pair, and per pair. {@code restricted} is
     * true when blinding left out records this viewer may not see.
     */
    public record AgreementReport(StageName stage, Agreement overall, List<PairAgreement> pairs, boolean restricted) {
    }

    /** A pilot round: its sample, target and (once closed) the agreement reached. */
    public record PilotResult(long id, int number, List<Long> sample, double target, Integer protocolVersion,
                              boolean closed, AgreementReport agreement, Boolean targetMet) {
    }

    /**
     * PRISMA 2020 screening boxes, derived from both stages' outcomes.
     *
     * @param recordsScreened    title/abstract records with a final outcome
     * @param recordsExcluded    excluded at title/abstract
     * @param recordsUndecided   title/abstract records still pending, awaiting a reviewer or in conflict
     * @param reportsSought      records included at title/abstract (one report each)
     * @param reportsNotRetrieved of those, the ones whose full text is marked not retrieved
     * @param reportsAssessed    full-text records with a final outcome
     * @param reportsExcluded    excluded at full text
     * @param excludedByReason   full-text exclusions per primary (first) reason
     * @param reportsUndecided   full-text records without a final outcome
     * @param studiesIncluded    included at full text
     */
    public record ScreeningCounts(long recordsScreened, long recordsExcluded, long recordsUndecided, long reportsSought,
                                  long reportsNotRetrieved, long reportsAssessed, long reportsExcluded,
                                  Map<String, Long> excludedByReason, long reportsUndecided, long studiesIncluded) {
    }

    /** The reason recorded for an exclusion that came without one (imports). */
    public static final String REASON_NOT_RECORDED = "reason not recorded";

    // ------------------------------------------------------------------ queue

    /**
     * The record this reviewer would be given next, <em>without reserving it</em> (a page view, a
     * {@code GET}): the open pilot round's, else one they hold, else the first open record. Deciding
     * it takes its place if one is still free (see {@link #decide}); nothing is written here except
     * that expired reservations are released.
     */
    public Optional<Next> peek(Viewer viewer, Project project, StageName stageName) {
        requireReviewer(viewer, "ask for records to screen");
        requireOpen(viewer, project, stageName);
        releaseExpired(project, stageName);
        long me = viewer.userId();
        if (db.read(h -> StageContext.find(h, project.id(), stageName)).isEmpty()) {
            db.useTransaction(h -> StageContext.load(h, project.id(), stageName)); // the stage's settings row
        }
        Optional<Next> held = db.read(h -> StageContext.find(h, project.id(), stageName)
                .flatMap(c -> pilotOrHeld(h, c, me)));
        if (held.isPresent()) {
            return held;
        }
        List<Long> candidates = candidates(project, stageName, me, Set.of());
        return candidates.isEmpty() ? Optional.empty() : db.read(h -> StudyStore.find(h, candidates.get(0)))
                .map(st -> new Next(stageName, st, null));
    }

    /**
     * Releases reservations older than the reservation time at a stage (looking is one index
     * lookup; a release is a short write). Records closed only by reservations may open again.
     */
    private void releaseExpired(Project project, StageName stageName) {
        Optional<StageStore.StageRow> stage = db.read(h -> StageStore.find(h, project.id(), stageName.label()));
        if (stage.isEmpty()) {
            return;
        }
        String cutoff = dev.winnow.store.Clock.format(java.time.Instant.now().minus(reservation));
        if (!db.read(h -> AssignmentStore.anyOlderThan(h, stage.get().id(), cutoff))) {
            return;
        }
        db.useTransaction(h -> {
            for (AssignmentStore.AssignmentRow a : AssignmentStore.releaseOlderThan(h, stage.get().id(), cutoff)) {
                AuditStore.record(h, project.id(), a.userId(), userName(h, a.userId()), "screen.release",
                        "study " + a.studyId(), Map.of("stage", stageName.label(), "why", "expired"));
            }
        });
    }

    /** Reservations held at a stage, per reviewer name (counts: no verdicts). */
    public Map<String, Long> reservations(Project project, StageName stageName) {
        return db.read(h -> {
            Map<String, Long> out = new TreeMap<>();
            StageStore.find(h, project.id(), stageName.label()).ifPresent(st -> AssignmentStore.forStage(h, st.id())
                    .forEach(a -> out.merge(userName(h, a.userId()), 1L, Long::sum)));
            return out;
        });
    }

    /** An owner releases every reservation at a stage (someone left with records held); how many. */
    public int release(Viewer viewer, Project project, StageName stageName) {
        return db.inTransaction(h -> {
            Optional<StageStore.StageRow> st = StageStore.find(h, project.id(), stageName.label());
            if (st.isEmpty()) {
                return 0;
            }
            List<AssignmentStore.AssignmentRow> gone = AssignmentStore.releaseStage(h, st.get().id());
            for (AssignmentStore.AssignmentRow a : gone) {
                AuditStore.record(h, project.id(), viewer.userId(), viewer.name(), "screen.release",
                        "study " + a.studyId(), Map.of("stage", stageName.label(), "why", "released by owner",
                                "holder", userName(h, a.userId())));
            }
            return gone.size();
        });
    }

    /** Releases every reservation a user holds (they signed out); how many. */
    public static int releaseAllOf(Database db, long userId) {
        return db.inTransaction(h -> AssignmentStore.releaseUser(h, userId));
    }

    /**
     * Reserves the next record for this reviewer and gives it (the command line's {@code screen next},
     * the API's {@code POST …/next}): first the open pilot round's records they have not decided,
     * then a record they already hold (reserved, not yet decided), then a newly claimed record — in
     * the {@link QueueOrder}'s order first, then in record order. A record is claimed by taking a
     * free slot (1..reviewers per record; 1 in pool mode) — a unique index makes concurrent claims
     * safe — and never twice by the same reviewer. A reservation lasts until the record is decided,
     * the reservation time passes, or it is released (sign-out, an owner).
     *
     * <p>Cost: a request reads a few index entries, not the stage. Asking again before deciding
     * only reads (no write, no lock); a claim is one short write.
     */
    public Optional<Next> next(Viewer viewer, Project project, StageName stageName) {
        requireReviewer(viewer, "ask for records to screen");
        requireOpen(viewer, project, stageName);
        releaseExpired(project, stageName);
        return reserveNext(viewer, project, stageName);
    }

    /** {@link #next} after its checks and the release of expired reservations (decideAndNext has released them already). */
    private Optional<Next> reserveNext(Viewer viewer, Project project, StageName stageName) {
        long me = viewer.userId();
        Optional<Next> held = db.read(h -> StageContext.find(h, project.id(), stageName)
                .flatMap(c -> pilotOrHeld(h, c, me)));
        if (held.isPresent()) {
            return held;
        }
        List<Long> candidates = candidates(project, stageName, me, Set.of());
        return db.inTransaction(h -> {
            StageContext c = StageContext.load(h, project.id(), stageName);
            Optional<Next> raced = pilotOrHeld(h, c, me);
            return raced.isPresent() ? raced : claimNext(h, c, viewer, candidates);
        });
    }

    /**
     * A few records open to this reviewer, best first, looked for before the writing transaction
     * starts: on SQLite the search then never holds the one writer's lock. The transaction checks
     * them again before claiming one.
     */
    private List<Long> candidates(Project project, StageName stageName, long me, Set<Long> skip) {
        return db.read(h -> {
            Optional<StageContext> c = StageContext.find(h, project.id(), stageName);
            if (c.isEmpty() || (stageName != StageName.TITLE_ABSTRACT
                    && StageStore.find(h, project.id(), StageName.TITLE_ABSTRACT.label()).isEmpty())) {
                return List.<Long>of();
            }
            return openCandidates(h, c.get(), me, CANDIDATES, skip);
        });
    }

    private static final int CANDIDATES = 8;

    /** The open pilot round's next record for this reviewer, else a record they hold and have not decided. */
    private static Optional<Next> pilotOrHeld(Handle h, StageContext c, long me) {
        Optional<PilotStore.PilotRow> pilot = openPilot(h, c.stage.id());
        if (pilot.isPresent()) {
            Set<Long> done = DecisionStore.forPilotRound(h, pilot.get().id()).stream()
                    .filter(d -> d.userId() == me).map(Decision::studyId).collect(Collectors.toSet());
            for (long id : pilot.get().sample()) {
                if (!done.contains(id) && c.contains(h, id)) {
                    return Optional.of(new Next(c.name, StudyStore.find(h, id).orElseThrow(), pilot.get().id()));
                }
            }
        }
        for (long id : QueueStore.heldUndecided(h, c.stage.id(), me)) {
            if (c.contains(h, id)) {
                return Optional.of(new Next(c.name, StudyStore.find(h, id).orElseThrow(), null));
            }
        }
        return Optional.empty();
    }

    /**
     * Claims a record: one of {@code candidates} still open, else the first open record found now
     * (the preferred order first, then record order).
     */
    private Optional<Next> claimNext(Handle h, StageContext c, Viewer viewer, List<Long> candidates) {
        long me = viewer.userId();
        int capacity = c.rules.requiredReviewers();
        if (!candidates.isEmpty()) {
            Set<Long> open = QueueStore.openAmong(h, c.projectId, c.stage.id(), me, capacity, candidates);
            for (long id : candidates) {
                if (open.contains(id) && claim(h, c, viewer, id, capacity)) {
                    return Optional.of(new Next(c.name, StudyStore.find(h, id).orElseThrow(), null));
                }
            }
        }
        // the candidates were taken meanwhile (or there were none): search inside the transaction
        while (true) {
            List<Long> open = openCandidates(h, c, me, CANDIDATES, Set.of());
            if (open.isEmpty()) {
                return Optional.empty();
            }
            for (long id : open) {
                if (claim(h, c, viewer, id, capacity)) {
                    return Optional.of(new Next(c.name, StudyStore.find(h, id).orElseThrow(), null));
                }
            }
        }
    }

    /**
     * Up to {@code want} records open to this reviewer, in the order they should be offered: the
     * {@link QueueOrder}'s first, then record order; {@code skip} left out.
     */
    private List<Long> openCandidates(Handle h, StageContext c, long me, int want, Set<Long> skip) {
        int capacity = c.rules.requiredReviewers();
        long stageId = c.stage.id();
        List<Long> out = new ArrayList<>();
        // full text screens a subset of the project (included at title/abstract): small, read whole
        List<Long> stageRecords = c.name == StageName.TITLE_ABSTRACT ? null
                : StageSnapshot.load(h, c.projectId, c.name).records;
        List<Long> preferred = order.preferred(c.projectId, stageId, me);
        if (stageRecords != null) {
            Set<Long> inStage = new HashSet<>(stageRecords);
            preferred = preferred.stream().filter(inStage::contains).toList();
        }
        // a ranking is shared in shape by the whole team, so its best records fill up first: remember
        // which are closed to everyone (that never changes back) and ask the database only about the rest
        Set<Long> closed = closedToAll.computeIfAbsent(stageId + "/" + capacity,
                k -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < preferred.size() && out.size() < want; i++) {
            long id = preferred.get(i);
            if (!closed.contains(id) && !skip.contains(id)) {
                unknown.add(id);
            }
            if (unknown.size() == 50 || (i == preferred.size() - 1 && !unknown.isEmpty())) {
                QueueStore.Openness o = QueueStore.opennessAmong(h, c.projectId, stageId, me, capacity, unknown);
                closed.addAll(o.closedToAll());
                for (long u : unknown) {
                    if (o.open().contains(u) && !out.contains(u) && out.size() < want) {
                        out.add(u);
                    }
                }
                unknown.clear();
            }
        }
        if (stageRecords != null) {
            for (List<Long> batch : IdBatches.of(stageRecords)) {
                if (out.size() >= want) {
                    break;
                }
                Set<Long> open = QueueStore.openAmong(h, c.projectId, stageId, me, capacity, batch);
                for (long id : batch) {
                    if (open.contains(id) && !skip.contains(id) && !out.contains(id) && out.size() < want) {
                        out.add(id);
                    }
                }
            }
            return out;
        }
        // title/abstract: scan the project in id order, from where this reviewer's closed records end
        String key = stageId + "/" + me + "/" + capacity;
        long from = closedBelow.getOrDefault(key, 0L);
        boolean first = true;
        while (out.size() < want) {
            List<Long> open = QueueStore.openInProject(h, c.projectId, stageId, me, capacity, from, want);
            if (open.isEmpty()) {
                break;
            }
            if (first) {
                // below the first open record everything is closed to this reviewer; for good only
                // below the lowest reservation (one that expires or is released may open its record)
                Long reserved = AssignmentStore.lowestReservedUndecidedBy(h, stageId, me);
                closedBelow.merge(key, reserved == null ? open.get(0) : Math.min(open.get(0), reserved), Math::max);
                first = false;
            }
            for (long id : open) {
                if (!skip.contains(id) && !out.contains(id) && out.size() < want) {
                    out.add(id);
                }
            }
            from = open.get(open.size() - 1) + 1;
        }
        return out;
    }

    /**
     * Takes a free place on a record for this reviewer; false when the others were quicker. The
     * study's row is locked (PostgreSQL; SQLite has one writer) so that a claim and a decision
     * without a reservation cannot both take the last place.
     */
    private static boolean claim(Handle h, StageContext c, Viewer viewer, long studyId, int capacity) {
        StudyStore.lock(h, studyId);
        if (QueueStore.people(h, c.stage.id(), studyId) >= capacity) {
            return false;
        }
        Set<Integer> taken = QueueStore.takenSlots(h, c.stage.id(), studyId);
        for (int slot = 1; slot <= capacity; slot++) {
            if (!taken.contains(slot) && AssignmentStore.claim(h, c.stage.id(), studyId, viewer.userId(), slot)) {
                AuditStore.record(h, c.projectId, viewer.userId(), viewer.name(), "screen.assign", "study " + studyId,
                        Map.of("stage", c.name.label(), "slot", slot));
                return true;
            }
        }
        return false;
    }

    /** How far a reviewer is: records they decided at a stage, and records the stage screens. */
    public record Progress(long decided, long total) {
    }

    /** This reviewer's progress at a stage (counts only: nothing about others' decisions). */
    public Progress progress(Viewer viewer, Project project, StageName stageName) {
        return db.read(h -> {
            // counts only: the stage rows, not the protocol
            Optional<StageStore.StageRow> stage = StageStore.find(h, project.id(), stageName.label());
            long decided = stage.isEmpty() || viewer.userId() == null ? 0
                    : QueueStore.decidedBy(h, stage.get().id(), viewer.userId());
            long total;
            if (stageName == StageName.TITLE_ABSTRACT) {
                total = QueueStore.studies(h, project.id());
            } else {
                total = stage.isEmpty() || StageStore.find(h, project.id(), StageName.TITLE_ABSTRACT.label()).isEmpty()
                        ? 0 : StageSnapshot.load(h, project.id(), stageName).records.size();
            }
            return new Progress(decided, total);
        });
    }

    // ------------------------------------------------------------------ decisions

    /**
     * Records a reviewer's decision (append-only: a change of mind is a new decision). Refused with a
     * clear message: a record not screened at this stage, a full-text exclusion without a reason, a
     * reason the protocol does not list, an answer for an unknown criterion. An idempotency key seen
     * before returns the decision stored then — also when the same post arrives twice at once.
     */
    public Decision decide(Viewer viewer, Project project, StageName stageName, long studyId, Input input) {
        return decide(viewer, project, stageName, studyId, input, null).decision();
    }

    /** A decision stored, and the reviewer's next record (when asked for). */
    public record Decided(Decision decision, Optional<Next> next) {
    }

    /**
     * Records a decision (as {@link #decide}) and hands out the reviewer's next record (as
     * {@link #next}) in the same unit of work: the screening page's one request per record, and
     * one commit instead of two.
     */
    public Decided decideAndNext(Viewer viewer, Project project, StageName stageName, long studyId, Input input) {
        requireReviewer(viewer, "record decisions");
        releaseExpired(project, stageName);
        List<Long> candidates = candidates(project, stageName, viewer.userId(), Set.of(studyId));
        Decided d = decide(viewer, project, stageName, studyId, input, candidates);
        if (d.next() != null) {
            return d;
        }
        requireOpen(viewer, project, stageName); // a replayed decision skipped decide's check
        return new Decided(d.decision(), reserveNext(viewer, project, stageName)); // expired ones released above
    }

    /**
     * With {@code candidates} (not null), also claims the next record in the same transaction
     * (else {@code next} is null).
     */
    private Decided decide(Viewer viewer, Project project, StageName stageName, long studyId, Input input,
                           List<Long> candidates) {
        requireReviewer(viewer, "record decisions");
        if (input.verdict() == null) {
            throw new UserError("a decision needs a verdict: include, exclude or maybe");
        }
        if (input.secondsTaken() != null && (input.secondsTaken() < 0 || input.secondsTaken() > 86_400)) {
            throw new UserError("seconds taken is a whole number from 0 to 86400 (a day), not " + input.secondsTaken());
        }
        try {
            return db.inTransaction(h -> {
                StageContext c = StageContext.load(h, project.id(), stageName);
                Decision d = decideIn(h, c, viewer, studyId, input);
                if (candidates == null) {
                    return new Decided(d, null);
                }
                Optional<Next> held = pilotOrHeld(h, c, viewer.userId());
                return new Decided(d, held.isPresent() ? held : claimNext(h, c, viewer, candidates));
            });
        } catch (RuntimeException e) {
            // the same key posted twice at once: the other request stored it first (unique key)
            if (input.idempotencyKey() != null && !(e instanceof UserError)) {
                Optional<Decision> stored = db.read(h -> DecisionStore.byIdempotencyKey(h, input.idempotencyKey()));
                if (stored.isPresent()) {
                    return new Decided(stored.get(), null);
                }
            }
            throw e;
        }
    }

    private static Decision decideIn(Handle h, StageContext c, Viewer viewer, long studyId, Input input) {
        if (input.idempotencyKey() != null) {
            Optional<Decision> seen = DecisionStore.byIdempotencyKey(h, input.idempotencyKey());
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        closedReason(h, c.projectId, c.name, viewer).ifPresent(m -> {
            throw new StageClosed(m);
        });
        if (!c.contains(h, studyId)) {
            throw notInStage(c.name, studyId);
        }
        List<String> reasons = checkReasons(c.name, c.rules, input.verdict(), input.reasons(), false);
        for (String criterion : input.criteria().keySet()) {
            if (!c.protocol.criteria().isEmpty() && c.protocol.criterion(criterion).isEmpty()) {
                throw new UserError("'" + criterion + "' is not a criterion of the protocol; criteria: "
                        + c.protocol.criteria().stream().map(x -> x.id()).collect(Collectors.joining(", ")));
            }
        }
        Long pilotRound = openPilot(h, c.stage.id()).filter(p -> p.sample().contains(studyId))
                .map(PilotStore.PilotRow::id).orElse(null);
        if (pilotRound == null) {
            requirePlace(h, c, viewer, studyId);
        }
        Decision d = DecisionStore.append(h, new DecisionStore.NewDecision(c.stage.id(), studyId,
                viewer.userId(), input.verdict(), reasons, input.criteria(), input.note(), input.secondsTaken(),
                pilotRound == null ? "screen" : "pilot", pilotRound, input.idempotencyKey()));
        if (pilotRound == null) {
            AssignmentStore.spend(h, c.stage.id(), studyId, viewer.userId()); // the decision holds the place now
        }
        // the verdict is not written to the audit log: the log must not unblind a stage
        AuditStore.record(h, c.projectId, viewer.userId(), viewer.name(), "screen.decision",
                "study " + studyId, Map.of("stage", c.name.label(), "decision", d.id()));
        return d;
    }

    /**
     * The one rule for a decision on a record: a reviewer may decide a record they hold (reserved,
     * or decided before: a change of mind), or one with a free place (fewer than the stage's
     * reviewers per record hold it, and no resolution settled it) — the decision then takes that
     * place. Anything else is refused and nothing is stored.
     */
    private static void requirePlace(Handle h, StageContext c, Viewer viewer, long studyId) {
        if (QueueStore.holds(h, c.stage.id(), studyId, viewer.userId())) {
            return;
        }
        StudyStore.lock(h, studyId);
        if (QueueStore.resolved(h, c.stage.id(), studyId)) {
            throw new RecordTaken("record " + studyId + " was settled by a resolution at " + c.name.label()
                    + ": it needs no more decisions, so yours was not recorded");
        }
        int capacity = c.rules.requiredReviewers();
        if (QueueStore.people(h, c.stage.id(), studyId) >= capacity) {
            throw new RecordTaken("record " + studyId + " already has its " + capacity
                    + (capacity == 1 ? " reviewer" : " reviewers") + " at " + c.name.label()
                    + " (reviewers per record, in the protocol): your decision was not recorded");
        }
    }

    /** The decisions on one record this viewer may see (while blinded, a screener sees only their own), oldest first. */
    public List<Decision> decisions(Viewer viewer, Project project, StageName stageName, long studyId) {
        return db.inTransaction(h -> {
            StageSnapshot s = StageSnapshot.load(h, project.id(), stageName);
            List<Decision> all = DecisionStore.forStudy(h, s.stage.id(), studyId);
            if (s.canSeeOthers(viewer, s.mayResolve(h, viewer), studyId)) {
                return all;
            }
            return all.stream().filter(d -> viewer.userId() != null && d.userId() == viewer.userId()).toList();
        });
    }

    /** This reviewer's own decisions at a stage (full log, oldest first). */
    public List<Decision> myDecisions(Viewer viewer, Project project, StageName stageName) {
        requireReviewer(viewer, "list their decisions");
        return db.inTransaction(h -> DecisionStore.byUser(h,
                StageSnapshot.load(h, project.id(), stageName).stage.id(), viewer.userId()));
    }

    // ------------------------------------------------------------------ conflicts and resolution

    /** Records in conflict that this viewer may see (while blinded: a resolver's view of records they did not screen). */
    public List<Conflict> conflicts(Viewer viewer, Project project, StageName stageName) {
        return db.inTransaction(h -> {
            StageSnapshot s = loadOpen(h, viewer, project.id(), stageName);
            boolean resolver = s.mayResolve(h, viewer);
            List<Conflict> out = new ArrayList<>();
            for (long id : s.records) {
                if (s.outcome(id).status() == Outcome.Status.CONFLICT && s.canSeeOthers(viewer, resolver, id)) {
                    dev.winnow.record.Record r = StudyStore.find(h, id).map(StudyStore.Study::record).orElse(null);
                    out.add(new Conflict(id, r == null ? null : r.title(), s.newest(id), r));
                }
            }
            return out;
        });
    }

    /**
     * Settles a conflict: by {@code consensus} or by a {@code third-reviewer}, recorded with who and
     * why (append-only; a later resolution supersedes). The viewer must be allowed to resolve at this
     * stage; a third reviewer must not have screened the record; while the stage is blinded, a
     * consensus must be recorded by someone who did not screen the record (turn blinding off for
     * consensus meetings).
     */
    public Resolution resolve(Viewer viewer, Project project, StageName stageName, long studyId, Verdict verdict,
                              String method, List<String> reasons, String note) {
        requireReviewer(viewer, "resolve conflicts");
        if (verdict == null || verdict == Verdict.MAYBE) {
            throw new UserError("a resolution is include or exclude");
        }
        if (!Resolution.CONSENSUS.equals(method) && !Resolution.THIRD_REVIEWER.equals(method)) {
            throw new UserError("'" + method + "' is not a resolution method: expected consensus or third-reviewer");
        }
        return db.inTransaction(h -> {
            // two people resolving the same conflict at once: the second waits, then finds it resolved
            StudyStore.lock(h, studyId);
            StageSnapshot s = StageSnapshot.load(h, project.id(), stageName);
            requireInStage(s, studyId);
            if (!s.mayResolve(h, viewer)) {
                throw new UserError(viewer.name() + " may not resolve conflicts at " + stageName.label()
                        + " (the protocol names the resolvers: " + String.join(", ", s.rules.resolvers()) + ")");
            }
            boolean screened = s.newest(studyId).stream().anyMatch(d -> d.userId() == viewer.userId());
            if (screened && Resolution.THIRD_REVIEWER.equals(method)) {
                throw new UserError(viewer.name() + " screened record " + studyId
                        + ": a third-reviewer resolution must come from someone who did not (or use consensus)");
            }
            if (!s.canSeeOthers(viewer, true, studyId)) {
                throw new UserError(stageName.label() + " is blinded and " + viewer.name() + " screened record " + studyId
                        + ": a third reviewer resolves it, or the protocol turns blinding off for consensus");
            }
            if (s.outcome(studyId).status() != Outcome.Status.CONFLICT) {
                throw new UserError("record " + studyId + " is not in conflict at " + stageName.label()
                        + " (its outcome: " + s.outcome(studyId).status().label() + ")");
            }
            List<String> checked = checkReasons(s, verdict, reasons == null ? List.of() : reasons, false);
            Resolution r = ResolutionStore.append(h, s.stage.id(), studyId, viewer.userId(), verdict, method, checked, note);
            AuditStore.record(h, project.id(), viewer.userId(), viewer.name(), "screen.resolve", "study " + studyId,
                    Map.of("stage", stageName.label(), "method", method));
            return r;
        });
    }

    // ------------------------------------------------------------------ outcomes

    /**
     * Each record's outcome at a stage, derived from decisions and resolutions (see {@link Outcomes#derive}).
     * Records whose outcome would reveal another reviewer's decision to this viewer are {@code BLINDED}.
     */
    public StageOutcomes outcomes(Viewer viewer, Project project, StageName stageName) {
        return db.inTransaction(h -> {
            return outcomes(h, viewer, loadOpen(h, viewer, project.id(), stageName));
        });
    }

    /** One record's outcome at a stage, as this viewer may see it. */
    public Outcome outcome(Viewer viewer, Project project, StageName stageName, long studyId) {
        return db.inTransaction(h -> {
            StageSnapshot s = loadOpen(h, viewer, project.id(), stageName);
            requireInStage(s, studyId);
            return visibleOutcome(s, viewer, s.mayResolve(h, viewer), studyId);
        });
    }

    private static StageOutcomes outcomes(Handle h, Viewer viewer, StageSnapshot s) {
        boolean resolver = s.mayResolve(h, viewer);
        List<Outcome> list = new ArrayList<>(s.records.size());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome.Status st : Outcome.Status.values()) {
            counts.put(st.label(), 0L);
        }
        for (long id : s.records) {
            Outcome o = visibleOutcome(s, viewer, resolver, id);
            list.add(o);
            counts.merge(o.status().label(), 1L, Long::sum);
        }
        return new StageOutcomes(s.name, list, counts);
    }

    private static Outcome visibleOutcome(StageSnapshot s, Viewer viewer, boolean resolver, long id) {
        return s.canSeeOthers(viewer, resolver, id) ? s.outcome(id)
                : new Outcome(id, Outcome.Status.BLINDED, List.of(), false, 0);
    }

    /**
     * PRISMA's screening boxes from both stages. While a stage is blinded only the overseer may ask
     * (the counts would reveal reviewers' decisions).
     */
    public ScreeningCounts prismaCounts(Viewer viewer, Project project) {
        return db.inTransaction(h -> {
            StageSnapshot ta = StageSnapshot.load(h, project.id(), StageName.TITLE_ABSTRACT);
            StageSnapshot ft = StageSnapshot.load(h, project.id(), StageName.FULL_TEXT);
            if (!viewer.isOverseer() && (ta.stage.blinded() || ft.stage.blinded())) {
                throw new UserError("PRISMA counts would reveal blinded decisions: only the project's overseer "
                        + "(reports, the owner's command line) may read them while a stage is blinded");
            }
            Map<String, Long> taCounts = outcomes(h, viewer, ta).counts();
            List<Long> sought = ta.included();
            Set<Long> notRetrieved = FullTextStore.latest(h, project.id()).stream()
                    .filter(f -> "not-retrieved".equals(f.status()) && sought.contains(f.studyId()))
                    .map(FullTextStore.FullTextRow::studyId).collect(Collectors.toSet());
            long assessed = 0;
            long excluded = 0;
            long included = 0;
            Map<String, Long> byReason = new TreeMap<>();
            for (long id : ft.records) {
                Outcome o = ft.outcome(id);
                if (o.status() == Outcome.Status.INCLUDED) {
                    included++;
                    assessed++;
                } else if (o.status() == Outcome.Status.EXCLUDED) {
                    excluded++;
                    assessed++;
                    byReason.merge(o.reasons().isEmpty() ? REASON_NOT_RECORDED : o.reasons().get(0), 1L, Long::sum);
                }
            }
            long taFinal = taCounts.get("included") + taCounts.get("excluded");
            return new ScreeningCounts(taFinal, taCounts.get("excluded"), ta.records.size() - taFinal, sought.size(),
                    notRetrieved.size(), assessed, excluded, byReason, ft.records.size() - assessed, included);
        });
    }

    // ------------------------------------------------------------------ agreement and pilot rounds

    /**
     * Agreement at a stage over the records both reviewers of a pair decided (newest decisions, pilot
     * rounds left out), per pair and pooled over pairs. Categories are the verdicts used (include,
     * exclude, maybe). Records hidden from this viewer by blinding are left out.
     */
    public AgreementReport agreement(Viewer viewer, Project project, StageName stageName) {
        return db.inTransaction(h -> {
            StageSnapshot s = loadOpen(h, viewer, project.id(), stageName);
            boolean resolver = s.mayResolve(h, viewer);
            Map<Long, List<Decision>> visible = new LinkedHashMap<>();
            boolean restricted = false;
            for (long id : s.records) {
                if (s.canSeeOthers(viewer, resolver, id)) {
                    visible.put(id, s.newest(id));
                } else if (s.newest(id).size() > 1) {
                    restricted = true;
                }
            }
            return agreementOf(h, stageName, visible, restricted);
        });
    }

    private static AgreementReport agreementOf(Handle h, StageName stageName, Map<Long, List<Decision>> byRecord,
                                               boolean restricted) {
        Map<List<Long>, List<Verdict[]>> pairs = new TreeMap<>((x, y) -> x.get(0).equals(y.get(0))
                ? Long.compare(x.get(1), y.get(1)) : Long.compare(x.get(0), y.get(0)));
        for (List<Decision> ds : byRecord.values()) {
            List<Decision> sorted = ds.stream().sorted((x, y) -> Long.compare(x.userId(), y.userId())).toList();
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    pairs.computeIfAbsent(List.of(sorted.get(i).userId(), sorted.get(j).userId()), k -> new ArrayList<>())
                            .add(new Verdict[] {sorted.get(i).verdict(), sorted.get(j).verdict()});
                }
            }
        }
        List<Verdict> allA = new ArrayList<>();
        List<Verdict> allB = new ArrayList<>();
        List<PairAgreement> out = new ArrayList<>();
        pairs.forEach((users, labels) -> {
            List<Verdict> a = labels.stream().map(v -> v[0]).toList();
            List<Verdict> b = labels.stream().map(v -> v[1]).toList();
            allA.addAll(a);
            allB.addAll(b);
            out.add(new PairAgreement(userName(h, users.get(0)), userName(h, users.get(1)), Agreement.of(a, b)));
        });
        return new AgreementReport(stageName, Agreement.of(allA, allB), out, restricted);
    }

    /**
     * Starts a pilot (calibration) round: a random sample (default 25) of the stage's records, drawn
     * with {@code seed}, that every reviewer screens first. Records sampled in earlier rounds are not
     * drawn again while others remain. Refused while another round is open.
     */
    public PilotResult startPilot(Viewer viewer, Project project, StageName stageName, int size, double target,
                                  long seed) {
        requireReviewer(viewer, "start a pilot round");
        if (size < 2) {
            throw new UserError("a pilot round needs at least 2 records");
        }
        if (!(target > 0 && target <= 1)) { // NaN fails too
            throw new UserError("the pilot target is a proportion in (0, 1], e.g. 0.75");
        }
        return db.inTransaction(h -> {
            StageSnapshot s = StageSnapshot.load(h, project.id(), stageName);
            if (openPilot(h, s).isPresent()) {
                throw new UserError("pilot round " + openPilot(h, s).get().number() + " is still open: close it first");
            }
            Set<Long> used = PilotStore.forStage(h, s.stage.id()).stream().flatMap(p -> p.sample().stream())
                    .collect(Collectors.toSet());
            List<Long> fresh = new ArrayList<>(s.records.stream().filter(id -> !used.contains(id)).toList());
            List<Long> pool = fresh.size() >= size ? fresh : new ArrayList<>(s.records);
            if (pool.size() < 2) {
                throw new UserError(stageName.label() + " has fewer than 2 records to pilot");
            }
            Collections.shuffle(pool, new Random(seed));
            List<Long> sample = pool.subList(0, Math.min(size, pool.size())).stream().sorted().toList();
            PilotStore.PilotRow row = PilotStore.insert(h, s.stage.id(), sample, target, s.protocolVersion);
            AuditStore.record(h, project.id(), viewer.userId(), viewer.name(), "screen.pilot.start",
                    "pilot round " + row.number(), Map.of("stage", stageName.label(), "size", sample.size(),
                            "target", target, "seed", seed));
            return pilotResult(h, row);
        });
    }

    /** Closes the open pilot round and reports its agreement against the target. */
    public PilotResult closePilot(Viewer viewer, Project project, StageName stageName) {
        requireReviewer(viewer, "close a pilot round");
        return db.inTransaction(h -> {
            StageSnapshot s = StageSnapshot.load(h, project.id(), stageName);
            PilotStore.PilotRow open = openPilot(h, s)
                    .orElseThrow(() -> new UserError("no pilot round is open at " + stageName.label()));
            PilotStore.close(h, open.id());
            PilotStore.PilotRow closed = PilotStore.forStage(h, s.stage.id()).stream()
                    .filter(p -> p.id() == open.id()).findFirst().orElseThrow();
            PilotResult result = pilotResult(h, closed);
            AuditStore.record(h, project.id(), viewer.userId(), viewer.name(), "screen.pilot.close",
                    "pilot round " + open.number(), Map.of("stage", stageName.label(),
                            "percent", String.valueOf(result.agreement().overall().percent()),
                            "targetMet", String.valueOf(result.targetMet())));
            return result;
        });
    }

    /** Every pilot round of a stage; agreement is shown for closed rounds only. */
    public List<PilotResult> pilotRounds(Viewer viewer, Project project, StageName stageName) {
        return db.inTransaction(h -> {
            StageSnapshot s = StageSnapshot.load(h, project.id(), stageName);
            return PilotStore.forStage(h, s.stage.id()).stream().map(p -> pilotResult(h, p)).toList();
        });
    }

    private static PilotResult pilotResult(Handle h, PilotStore.PilotRow p) {
        boolean closed = p.closedAt() != null;
        AgreementReport agreement = null;
        Boolean met = null;
        if (closed) {
            Map<Long, List<Decision>> byRecord = DecisionStore.forPilotRound(h, p.id()).stream()
                    .collect(Collectors.groupingBy(Decision::studyId, LinkedHashMap::new, Collectors.toList()));
            byRecord.replaceAll((k, v) -> Outcomes.newestPerReviewer(v));
            agreement = agreementOf(h, null, byRecord, false);
            Double percent = agreement.overall().percent();
            met = percent != null && percent >= p.target() - 1e-12;
        }
        return new PilotResult(p.id(), p.number(), p.sample(), p.target(), p.protocolVersion(), closed, agreement, met);
    }

    private static Optional<PilotStore.PilotRow> openPilot(Handle h, StageSnapshot s) {
        return openPilot(h, s.stage.id());
    }

    private static Optional<PilotStore.PilotRow> openPilot(Handle h, long stageId) {
        return PilotStore.forStage(h, stageId).stream().filter(p -> p.closedAt() == null).findFirst();
    }

    // ------------------------------------------------------------------ shared checks

    /**
     * Why a stage is closed to this viewer for now, if it is. A later stage's list of records is
     * the earlier stage's includes: while title/abstract is blinded and has conflicts this viewer
     * may not see, the full-text list (a record missing from it, a decision refused on it, an
     * outcome) would tell them how the other reviewers decided. So full text opens to a blinded
     * reviewer only once those conflicts are resolved; the overseer always sees it.
     */
    public Optional<String> closedTo(Viewer viewer, Project project, StageName stageName) {
        if (stageName == StageName.TITLE_ABSTRACT || viewer.isOverseer()) {
            return Optional.empty();
        }
        return db.read(h -> closedReason(h, project.id(), stageName, viewer));
    }

    private void requireOpen(Viewer viewer, Project project, StageName stageName) {
        closedTo(viewer, project, stageName).ifPresent(m -> {
            throw new StageClosed(m);
        });
    }

    /**
     * The stage's snapshot, once this viewer may see the stage ({@link #closedTo}); the check reads
     * the title/abstract snapshot the stage's records were derived from, not a second copy.
     */
    private static StageSnapshot loadOpen(Handle h, Viewer viewer, long projectId, StageName stageName) {
        StageSnapshot s = StageSnapshot.load(h, projectId, stageName);
        if (stageName != StageName.TITLE_ABSTRACT && !viewer.isOverseer() && s.titleAbstract.stage.blinded()) {
            hiddenConflicts(h, s.titleAbstract, stageName, viewer).ifPresent(m -> {
                throw new StageClosed(m);
            });
        }
        return s;
    }

    private static Optional<String> closedReason(Handle h, long projectId, StageName stageName, Viewer viewer) {
        if (stageName == StageName.TITLE_ABSTRACT || viewer.isOverseer()) {
            return Optional.empty();
        }
        Optional<StageStore.StageRow> ta = StageStore.find(h, projectId, StageName.TITLE_ABSTRACT.label());
        if (ta.isEmpty() || !ta.get().blinded()) {
            return Optional.empty();
        }
        return hiddenConflicts(h, StageSnapshot.load(h, projectId, StageName.TITLE_ABSTRACT), stageName, viewer);
    }

    /** Why a blinded title/abstract keeps {@code stageName} closed to this viewer: conflicts they may not see. */
    private static Optional<String> hiddenConflicts(Handle h, StageSnapshot s, StageName stageName, Viewer viewer) {
        boolean resolver = s.mayResolve(h, viewer);
        long hidden = s.records.stream().filter(id -> s.outcome(id).status() == Outcome.Status.CONFLICT
                && !s.canSeeOthers(viewer, resolver, id)).count();
        if (hidden == 0) {
            return Optional.empty();
        }
        return Optional.of(stageName.label() + " screening opens to you once the " + hidden + " title/abstract "
                + (hidden == 1 ? "conflict is" : "conflicts are") + " resolved: title/abstract is blinded, and the "
                + stageName.label() + " list (the records both reviewers included) would show how the other reviewers "
                + "decided. A resolver settles them on the conflicts board.");
    }

    static void requireInStage(StageSnapshot s, long studyId) {
        if (!s.contains(studyId)) {
            throw notInStage(s.name, studyId);
        }
    }

    private static UserError notInStage(StageName stage, long studyId) {
        return new UserError("record " + studyId + " is not screened at " + stage.label()
                + (stage == StageName.FULL_TEXT ? " (it has not passed title/abstract screening, or its full text"
                + " was not retrieved)" : " (no such study record in this project)"));
    }

    /**
     * Checks exclusion reasons against the protocol. A full-text exclusion needs one (unless
     * {@code imported}, when a missing reason is recorded as {@link #REASON_NOT_RECORDED}).
     */
    static List<String> checkReasons(StageSnapshot s, Verdict verdict, List<String> reasons, boolean imported) {
        return checkReasons(s.name, s.rules, verdict, reasons, imported);
    }

    static List<String> checkReasons(StageName stage, dev.winnow.protocol.StageRules rules, Verdict verdict,
                                     List<String> reasons, boolean imported) {
        List<String> allowed = rules.exclusionReasons();
        if (verdict == Verdict.EXCLUDE && reasons.isEmpty() && stage == StageName.FULL_TEXT) {
            if (imported) {
                return List.of(REASON_NOT_RECORDED);
            }
            throw new UserError("a full-text exclusion needs a reason"
                    + (allowed.isEmpty() ? "" : ": give one of: " + String.join("; ", allowed)));
        }
        if (imported) {
            return reasons;
        }
        for (String r : reasons) {
            if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> a.equalsIgnoreCase(r))) {
                throw new UserError("'" + r + "' is not an exclusion reason at " + stage.label()
                        + "; the protocol lists: " + String.join("; ", allowed));
            }
        }
        return reasons.stream().map(r -> allowed.stream().filter(a -> a.equalsIgnoreCase(r)).findFirst().orElse(r))
                .toList();
    }

    static void requireReviewer(Viewer viewer, String what) {
        if (viewer == null || viewer.isOverseer()) {
            throw new UserError("only a named reviewer may " + what + " (give --reviewer NAME)");
        }
    }

    private static String userName(Handle h, long id) {
        return dev.winnow.store.UserStore.findById(h, id).map(u -> u.username()).orElse("user " + id);
    }
}
