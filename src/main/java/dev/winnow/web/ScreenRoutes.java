package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.account.Tokens;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.rank.RankedQueues;
import dev.winnow.rank.Standing;
import dev.winnow.screen.Decision;
import dev.winnow.screen.HighlightService;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.StudyStore.Study;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Screening, one record at a time: {@code GET /p/{key}/screen/{stage}} (the page),
 * {@code POST …/decide} (records a decision and answers with the next record's panel, swapped in by
 * htmx without a page load), {@code POST …/undo} (brings back this reviewer's last record to decide
 * again: decisions are append-only, so the new one supersedes), {@code GET|POST …/terms} (owners'
 * highlight terms). Conflicts: {@code GET /p/{key}/conflicts/{stage}}, {@code POST …/{studyId}}.
 */
public final class ScreenRoutes {
    private final ProjectService projects;
    private final ScreeningService screening;
    private final ProtocolService protocols;
    private final HighlightService highlights;
    private final dev.winnow.project.TeamService team;
    private final Projects access;
    private final Views views;
    private final RankedQueues ranking;
    private final dev.winnow.review.ReviewStatusService review;

    ScreenRoutes(ProjectService projects, ScreeningService screening, ProtocolService protocols,
                 HighlightService highlights, dev.winnow.project.TeamService team,
                 Projects access, Views views, RankedQueues ranking, dev.winnow.review.ReviewStatusService review) {
        this.review = review;
        this.ranking = ranking;
        this.team = team;
        this.projects = projects;
        this.screening = screening;
        this.protocols = protocols;
        this.highlights = highlights;
        this.access = access;
        this.views = views;
    }

    void register(RoutesConfig r) {
        registerApi(r);
        r.get("/p/{key}/screen", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            ctx.redirect("/p/" + a.project().key() + "/screen/title-abstract");
        });
        r.get("/p/{key}/screen/{stage}", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            String study = ctx.queryParam("study");
            var closed = screening.closedTo(viewer(a), a.project(), stage);
            ScreenPanel panel = closed.isPresent() ? closedPanel(a, stage, closed.get())
                    : study != null && study.matches("\\d{1,18}")
                    ? panelFor(a, stage, Long.parseLong(study), null)
                    : nextPanel(a, stage, null);
            ctx.html(views.render("screen/page.jte", Map.of(
                    "page", ProjectRoutes.page(ctx, "Screening", a, "screen"),
                    "panel", panel,
                    "terms", highlights.terms(a.project()),
                    "problems", review.screeningProblems(viewer(a), a.project(), stage),
                    "reservations", reservations(a, stage))));
        });
        r.post("/p/{key}/screen/{stage}/decide", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            long studyId = longForm(ctx, "studyId");
            ScreeningService.Decided d;
            try {
                d = screening.decideAndNext(viewer(a), a.project(), stage, studyId, input(ctx));
                ranking.decided(a.project().id(), stage, a.user().id());
            } catch (dev.winnow.screen.RecordTaken e) {
                // the reviewer is screening: the record shown instead is reserved for them, so that it is theirs to decide
                answer(ctx, a, stage, reservedPanel(a, stage, e.getMessage() + ". Here is your next record."), 409);
                return;
            } catch (UserError e) {
                answer(ctx, a, stage, panelFor(a, stage, studyId, e.getMessage()), 400);
                return;
            }
            String message = "Recorded: " + d.decision().verdict().label() + " for record " + studyId + ".";
            answer(ctx, a, stage, nextPanel(a, stage, d.next(), message), 200);
        });
        r.post("/p/{key}/screen/{stage}/undo", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            List<Decision> mine = screening.myDecisions(viewer(a), a.project(), stage);
            ScreenPanel panel = mine.isEmpty() ? nextPanel(a, stage, "Nothing to undo yet.")
                    : panelFor(a, stage, mine.get(mine.size() - 1).studyId(),
                    "Back to your last record: decide again and the new decision replaces the old one.");
            answer(ctx, a, stage, panel, 200);
        });
        r.post("/p/{key}/screen/{stage}/release", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            int n = screening.release(viewer(a), a.project(), stage);
            answer(ctx, a, stage, nextPanel(a, stage, "Released " + n + (n == 1 ? " reservation" : " reservations")
                    + ": those records go to whoever screens next."), 200);
        });
        r.post("/p/{key}/screen/{stage}/terms", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            highlights.save(a.project(), ctx.formParam("include"), ctx.formParam("exclude"), a.user().id(),
                    a.user().username());
            ctx.redirect("/p/" + a.project().key() + "/screen/" + StageName.parse(ctx.pathParam("stage")).label());
        });
        r.get("/p/{key}/conflicts/{stage}", ctx -> conflictsPage(ctx, access.access(ctx, Role.VIEWER), null, 200));
        r.post("/p/{key}/conflicts/{stage}/{studyId}", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            long study = WebError.pathId(ctx, "studyId");
            try {
                screening.resolve(viewer(a), a.project(), stage, study,
                        verdict(ctx.formParam("verdict")),
                        ctx.formParam("method") == null ? "third-reviewer" : ctx.formParam("method"),
                        ctx.formParams("reason"), ctx.formParam("note"));
                ranking.resolved(a.project().id(), stage);
            } catch (UserError e) {
                conflictsPage(ctx, a, e.getMessage(), 400);
                return;
            }
            ctx.redirect("/p/" + a.project().key() + "/conflicts/" + stage.label());
        });
    }

    /** The JSON a decision is posted as. */
    public record DecisionBody(Long studyId, String verdict, List<String> reasons, Map<String, String> criteria,
                               String note, Integer secondsTaken, String idempotencyKey) {
    }

    /** The JSON a resolution is posted as. */
    public record ResolutionBody(String verdict, String method, List<String> reasons, String note) {
    }

    private void registerApi(RoutesConfig r) {
        String stagePath = ApiRoutes.BASE + "/projects/{key}/stages/{stage}";
        r.get(stagePath + "/next", ctx -> nextJson(ctx, false));
        r.post(stagePath + "/next", ctx -> nextJson(ctx, true));
        r.get(stagePath + "/reservations", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            ctx.json(screening.reservations(a.project(), StageName.parse(ctx.pathParam("stage"))));
        });
        r.delete(stagePath + "/reservations", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            ctx.json(Map.of("released", screening.release(viewer(a), a.project(),
                    StageName.parse(ctx.pathParam("stage")))));
        });
        r.post(stagePath + "/decisions", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            DecisionBody b = ApiRoutes.parse(ctx, DecisionBody.class);
            if (b.studyId() == null || b.verdict() == null) {
                throw new UserError("a decision needs studyId and verdict (include, exclude or maybe)");
            }
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            Decision d = screening.decide(viewer(a), a.project(), stage, b.studyId(), new ScreeningService.Input(
                    verdict(b.verdict()), b.reasons(), b.criteria(), b.note(), b.secondsTaken(), b.idempotencyKey()));
            ranking.decided(a.project().id(), stage, a.user().id());
            ctx.status(201).json(d);
        });
        r.get(stagePath + "/decisions/mine", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            ctx.json(screening.myDecisions(viewer(a), a.project(), StageName.parse(ctx.pathParam("stage"))));
        });
        r.get(stagePath + "/outcomes", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            ctx.json(screening.outcomes(viewer(a), a.project(), StageName.parse(ctx.pathParam("stage"))));
        });
        r.get(stagePath + "/conflicts", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            ctx.json(screening.conflicts(viewer(a), a.project(), StageName.parse(ctx.pathParam("stage"))));
        });
        r.post(stagePath + "/conflicts/{studyId}/resolution", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            ResolutionBody b = ApiRoutes.parse(ctx, ResolutionBody.class);
            StageName stage = StageName.parse(ctx.pathParam("stage"));
            var resolution = screening.resolve(viewer(a), a.project(), stage,
                    WebError.pathId(ctx, "studyId"), verdict(b.verdict()),
                    b.method() == null ? "third-reviewer" : b.method(), b.reasons(), b.note());
            ranking.resolved(a.project().id(), stage);
            ctx.status(201).json(resolution);
        });
    }

    /**
     * The next record as JSON: {@code GET} only looks (the record the reviewer would be given; it is
     * theirs once they decide it, if a place is still free), {@code POST} reserves it.
     */
    private void nextJson(Context ctx, boolean reserve) {
        Access a = access.access(ctx, Role.REVIEWER);
        StageName stage = StageName.parse(ctx.pathParam("stage"));
        var next = reserve ? screening.next(viewer(a), a.project(), stage) : screening.peek(viewer(a), a.project(), stage);
        if (next.isEmpty()) {
            ctx.status(204);
            return;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("record", RecordView.of(next.get().study().id(), next.get().study().record()));
        out.put("pilotRound", next.get().pilotRound());
        out.put("reserved", reserve);
        out.put("ranking", ranking.standing(a.project().id(), stage, a.user().id())
                .map(Standing::summary).orElse(Map.of("order", "record", "orderText", Standing.COMPUTING)));
        ctx.json(out);
    }

    /** Who holds records reserved at this stage (owners see it, to release them); empty for others. */
    private Map<String, Long> reservations(Access a, StageName stage) {
        return a.role().atLeast(Role.OWNER) ? screening.reservations(a.project(), stage) : Map.of();
    }

    static Viewer viewer(Access a) {
        return Viewer.reviewer(a.user().id(), a.user().username());
    }

    private void conflictsPage(Context ctx, Access a, String error, int status) {
        StageName stage = StageName.parse(ctx.pathParam("stage"));
        Viewer v = viewer(a);
        Map<Long, String> names = new HashMap<>();
        team.members(a.project()).forEach(m -> names.put(m.userId(), m.username()));
        ctx.status(status).html(views.render("screen/conflicts.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Conflicts", a, "conflicts"),
                "stage", stage,
                "conflicts", screening.conflicts(v, a.project(), stage),
                "reasons", protocols.current(a.project()).protocol().rules(stage).exclusionReasons(),
                "error", error == null ? "" : error,
                "names", names)));
    }

    /** An htmx request gets the panel alone; a plain form post goes back to the page. */
    private void answer(Context ctx, Access a, StageName stage, ScreenPanel panel, int status) {
        if (ctx.header("HX-Request") != null) {
            ctx.status(status).html(views.render("screen/panel.jte", Map.of("panel", panel, "csrf", Security.csrf(ctx) == null ? "" : Security.csrf(ctx))));
        } else if (status == 200) {
            ctx.redirect("/p/" + a.project().key() + "/screen/" + stage.label());
        } else {
            ctx.status(status).html(views.render("screen/page.jte", Map.of(
                    "page", ProjectRoutes.page(ctx, "Screening", a, "screen"),
                    "panel", panel, "terms", highlights.terms(a.project()),
                    "reservations", reservations(a, stage))));
        }
    }

    ScreenPanel nextPanel(Access a, StageName stage, String message) {
        try {
            // looking reserves nothing: the record is taken when decided (then the next one is reserved)
            return nextPanel(a, stage, screening.peek(viewer(a), a.project(), stage), message);
        } catch (dev.winnow.screen.StageClosed e) {
            return closedPanel(a, stage, e.getMessage());
        }
    }

    /** The reviewer's next record, reserved for them (as after a decision). */
    private ScreenPanel reservedPanel(Access a, StageName stage, String message) {
        try {
            return nextPanel(a, stage, screening.next(viewer(a), a.project(), stage), message);
        } catch (dev.winnow.screen.StageClosed e) {
            return closedPanel(a, stage, e.getMessage());
        }
    }

    /** The stage is closed to this reviewer for now (blinding): why, and nothing that counts its records. */
    private ScreenPanel closedPanel(Access a, StageName stage, String why) {
        var rules = protocols.current(a.project()).protocol();
        return new ScreenPanel("/p/" + a.project().key(), stage, null, "", "", List.of(), rules.criteria(),
                rules.rules(stage).exclusionReasons(), null, "", false, 0, 0, "", null, why);
    }

    private ScreenPanel nextPanel(Access a, StageName stage, java.util.Optional<ScreeningService.Next> next,
                                  String message) {
        if (next.isEmpty()) {
            return build(a, stage, null, false, message == null ? "" : message, false);
        }
        // a record from the queue is one this reviewer has not decided: no earlier decision to look up
        return build(a, stage, next.get().study(), next.get().pilotRound() != null, message == null ? "" : message,
                false);
    }

    ScreenPanel panelFor(Access a, StageName stage, long studyId, String message) {
        Study s = projects.study(a.project(), studyId).orElseThrow(WebError::notFound);
        return build(a, stage, s, false, message == null ? "" : message, true);
    }

    private ScreenPanel build(Access a, StageName stage, Study study, boolean pilot, String message,
                              boolean lookUpEarlier) {
        String base = "/p/" + a.project().key();
        var rules = protocols.current(a.project()).protocol();
        ScreeningService.Progress done = screening.progress(viewer(a), a.project(), stage);
        long decided = done.decided();
        long total = done.total();
        if (study == null) {
            return new ScreenPanel(base, stage, null, "", "", List.of(), rules.criteria(),
                    rules.rules(stage).exclusionReasons(), null, "", false, decided, total, message,
                    rankLine(a, stage, done, true), "");
        }
        var terms = highlights.terms(a.project());
        Highlighter h = new Highlighter(terms.include(), terms.exclude());
        RecordView r = RecordView.of(study.id(), study.record());
        List<Decision> mine = !lookUpEarlier ? List.of()
                : screening.decisions(viewer(a), a.project(), stage, study.id()).stream()
                .filter(d -> d.userId() == a.user().id()).toList();
        return new ScreenPanel(base, stage, r, h.html(r.title()), h.html(r.abstractText()),
                r.keywords().stream().map(h::html).toList(), rules.criteria(), rules.rules(stage).exclusionReasons(),
                mine.isEmpty() ? null : mine.get(mine.size() - 1), Tokens.random(), pilot, decided, total, message,
                rankLine(a, stage, done, false), "");
    }

    /**
     * This reviewer's ranking and stopping estimate as last computed in the background (blinding:
     * their own). It must agree with the progress and the queue shown beside it: an estimate
     * computed before the latest decisions (or records) is not shown as current, and one beside an
     * empty queue never says to keep screening.
     */
    private ScreenPanel.RankLine rankLine(Access a, StageName stage, ScreeningService.Progress now, boolean queueEmpty) {
        return ranking.standing(a.project().id(), stage, a.user().id())
                .map(s -> new ScreenPanel.RankLine(s.orderLine(),
                        s.estimate() != null && (s.total() != now.total() || s.screened() != now.decided())
                                ? "being updated for your latest decisions (you have screened " + now.decided()
                                + " of " + now.total() + " records)"
                                : s.estimateLine(queueEmpty)))
                .orElse(new ScreenPanel.RankLine(stage == StageName.TITLE_ABSTRACT ? Standing.COMPUTING
                        : "Record order (ranking is used at title/abstract only)", ""));
    }

    private static ScreeningService.Input input(Context ctx) {
        String v = ctx.formParam("verdict");
        if (v == null || v.isBlank()) {
            throw new UserError("choose include, exclude or maybe");
        }
        Map<String, String> criteria = new HashMap<>();
        ctx.formParamMap().forEach((k, vs) -> {
            if (k.startsWith("criterion.") && !vs.isEmpty() && !vs.get(0).isBlank()) {
                criteria.put(k.substring("criterion.".length()), vs.get(0));
            }
        });
        String note = ctx.formParam("note");
        Integer seconds = null;
        String s = ctx.formParam("seconds");
        if (s != null && s.matches("\\d{1,6}")) {
            seconds = Integer.parseInt(s);
        }
        String key = ctx.formParam("requestKey");
        return new ScreeningService.Input(verdict(v), ctx.formParams("reason"), criteria,
                note == null || note.isBlank() ? null : note.strip(), seconds,
                key == null || key.isBlank() ? null : key + ":" + ctx.formParam("studyId"));
    }

    /** A verdict from a form or JSON; an unknown word is bad input (400), not a server error. */
    static Verdict verdict(String text) {
        try {
            return Verdict.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + text + "' is not a verdict: expected include, exclude or maybe");
        }
    }

    static long longForm(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || !v.matches("\\d{1,18}")) {
            throw new UserError("the form lacks " + name);
        }
        return Long.parseLong(v);
    }
}
