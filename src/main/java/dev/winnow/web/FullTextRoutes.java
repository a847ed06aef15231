package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.screen.FullTextService;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.store.FullTextStore.FullTextRow;
import dev.winnow.store.StudyStore.Study;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full-text stage's retrieval: {@code GET /p/{key}/full-text} (every record that passed
 * title/abstract, its full-text state and its full-text screening outcome as blinding allows),
 * {@code POST …/{studyId}/pdf} (attach a PDF), {@code GET …/{studyId}/pdf} (the PDF, inline and
 * viewer), {@code POST …/{studyId}/sought} and {@code POST …/{studyId}/not-retrieved} (with a
 * reason). Screening the full texts is the screening page's {@code /p/{key}/screen/full-text}.
 */
public final class FullTextRoutes {
    /**
     * The uploaded PDF is shown by the browser's own viewer, which runs it apart from the site's
     * pages (and Winnow only stores files that start as a PDF, served with {@code nosniff}, so a file
     * cannot pass for HTML). A {@code sandbox} policy would be stricter, but Chromium's viewer then
     * refuses to draw the PDF at all; so the policy only keeps other sites from framing it.
     */
    static final String PDF_CSP = "frame-ancestors 'self'";

    private final ProjectService projects;
    private final FullTextService fullTexts;
    private final ScreeningService screening;
    private final Projects access;
    private final Views views;

    FullTextRoutes(ProjectService projects, FullTextService fullTexts, ScreeningService screening, Projects access,
                   Views views) {
        this.projects = projects;
        this.fullTexts = fullTexts;
        this.screening = screening;
        this.access = access;
        this.views = views;
    }

    /** One row of the page: a record at full text, how far its retrieval got, and its screening outcome. */
    public record Item(RecordView record, FullTextRow state, String outcome) {
        static final String NOT_IN_STAGE = "not screened (no full text)";

        /** Whether the record is in the full-text screening stage (a report not retrieved leaves it). */
        public boolean screenable() {
            return !NOT_IN_STAGE.equals(outcome);
        }

        public String status() {
            return state == null ? "not sought yet" : switch (state.status()) {
                case FullTextService.RETRIEVED -> "retrieved";
                case FullTextService.NOT_RETRIEVED -> "not retrieved";
                case FullTextService.SOUGHT -> "sought";
                default -> state.status();
            };
        }

        public boolean hasPdf() {
            return state != null && state.fileName() != null && FullTextService.RETRIEVED.equals(state.status());
        }

        public String pdfLine() {
            if (!hasPdf()) {
                return "";
            }
            String size = state.sizeBytes() == null ? "" : ", " + Math.max(1, state.sizeBytes() / 1024) + " KB";
            String pages = state.pageCount() == null ? "" : state.pageCount() + (state.pageCount() == 1 ? " page" : " pages");
            return state.fileName() + " (" + pages + size + ")";
        }
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/full-text", ctx -> page(ctx, access.access(ctx, Role.VIEWER), null, 200));
        r.get("/p/{key}/full-text/{studyId}/pdf", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            Study s = study(projects, ctx, a);
            FullTextRow state = fullTexts.status(a.project(), s.id()).orElse(null);
            byte[] pdf = fullTexts.pdf(a.project(), s.id()).orElseThrow(() -> new WebError(404,
                    "No PDF is attached to record " + s.id() + " yet; upload one on the full-text page."));
            String name = state != null && state.fileName() != null ? state.fileName() : "record-" + s.id() + ".pdf";
            boolean download = "1".equals(ctx.queryParam("download"));
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + fileName(name) + "\"");
            ctx.header("Content-Security-Policy", PDF_CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(pdf);
        });
        r.post("/p/{key}/full-text/{studyId}/pdf", ctx -> act(ctx, (a, s) -> {
            UploadedFile f = ctx.uploadedFile("pdf");
            if (f == null || f.size() == 0) {
                throw new UserError("choose a PDF file to upload for record " + s.id());
            }
            String name = SourceRoutes.safeName(f.filename());
            FullTextService.requireSize(name, f.size()); // before reading it into memory
            byte[] bytes;
            try (InputStream in = f.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UserError(name + ": the upload could not be read (" + e.getMessage() + "); try again", e);
            }
            fullTexts.attach(a.project(), s.id(), name, bytes, a.user().username());
            return "Attached " + name + " to record " + s.id() + ".";
        }));
        r.post("/p/{key}/full-text/{studyId}/sought", ctx -> act(ctx, (a, s) -> {
            fullTexts.markSought(a.project(), s.id(), a.user().username());
            return "Record " + s.id() + " marked as sought.";
        }));
        r.post("/p/{key}/full-text/{studyId}/not-retrieved", ctx -> act(ctx, (a, s) -> {
            String reason = ctx.formParam("reason");
            if (reason == null || reason.isBlank()) {
                throw new UserError("say why the full text of record " + s.id()
                        + " was not retrieved, e.g. \"not available from the library\"");
            }
            fullTexts.markNotRetrieved(a.project(), s.id(), reason, a.user().username());
            return "Record " + s.id() + " marked as not retrieved.";
        }));
    }

    private interface Action {
        String run(Access a, Study s);
    }

    /** A reviewer's change to one record's full text: done and redirected back, or refused with the page and its message. */
    private void act(Context ctx, Action action) {
        Access a = access.access(ctx, Role.REVIEWER);
        Study s = study(projects, ctx, a);
        try {
            action.run(a, s);
        } catch (UserError e) {
            page(ctx, a, e.getMessage(), 400);
            return;
        }
        ctx.redirect("/p/" + a.project().key() + "/full-text#record-" + s.id());
    }

    private void page(Context ctx, Access a, String error, int status) {
        List<Item> items = new ArrayList<>();
        String note = "";
        Map<Long, FullTextRow> states = new HashMap<>();
        fullTexts.statuses(a.project()).forEach(f -> states.put(f.studyId(), f));
        try {
            List<Outcome> outcomes = screening.outcomes(ScreenRoutes.viewer(a), a.project(), StageName.FULL_TEXT).outcomes();
            Map<Long, Study> studies = new HashMap<>();
            if (!outcomes.isEmpty()) {
                projects.studies(a.project(), 0, Integer.MAX_VALUE).forEach(s -> studies.put(s.id(), s));
            }
            java.util.Set<Long> listed = new java.util.HashSet<>();
            for (Outcome o : outcomes) {
                Study s = studies.get(o.studyId());
                if (s != null && listed.add(s.id())) {
                    items.add(new Item(RecordView.of(s.id(), s.record()), states.get(s.id()), o.status().label()));
                }
            }
            // a report not retrieved leaves the screening stage; it stays listed here (a PDF may turn up later)
            for (FullTextRow f : states.values()) {
                if (FullTextService.NOT_RETRIEVED.equals(f.status()) && !listed.contains(f.studyId())) {
                    if (studies.isEmpty()) {
                        projects.studies(a.project(), 0, Integer.MAX_VALUE).forEach(s -> studies.put(s.id(), s));
                    }
                    Study s = studies.get(f.studyId());
                    if (s != null && listed.add(s.id())) {
                        items.add(new Item(RecordView.of(s.id(), s.record()), f, Item.NOT_IN_STAGE));
                    }
                }
            }
            items.sort(java.util.Comparator.comparingLong(i -> i.record().id()));
        } catch (UserError e) {
            note = e.getMessage();
        }
        int listed = items.size();
        String asked = ctx.queryParam("state");
        Shown shown = Shown.parse(asked);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        Paging paging;
        if (shown == null) {
            error = "'" + asked + "' is not a full-text state: expected " + Shown.NAMES + ".";
            status = 400;
            items = List.of();
            paging = Paging.of(null, 0, "");
        } else {
            String words = q.toLowerCase(java.util.Locale.ROOT);
            items = items.stream().filter(shown::keeps)
                    .filter(i -> words.isEmpty() || i.record().title().toLowerCase(java.util.Locale.ROOT).contains(words))
                    .toList();
            paging = Paging.of(ctx.queryParam("page"), items.size(), "the " + items.size() + " records listed");
            if (!paging.ok()) {
                error = paging.error();
                status = paging.status();
                items = List.of();
            } else {
                items = items.subList(paging.offset(), Math.min(items.size(), paging.offset() + Paging.SIZE));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", ProjectRoutes.page(ctx, "Full texts", a, "full-text"));
        model.put("items", items);
        model.put("note", note);
        model.put("maxMb", FullTextService.MAX_BYTES >> 20);
        model.put("error", error == null ? "" : error);
        model.put("listed", listed);
        model.put("paging", paging);
        model.put("shown", shown == null ? Shown.ALL : shown);
        model.put("q", q);
        model.put("query", query(shown == null ? Shown.ALL : shown, q));
        ctx.status(status).html(views.render("fulltext/page.jte", model));
    }

    /** The filter's part of a page link ("state=attached&q=care%20home&"), so paging keeps the filter. */
    private static String query(Shown shown, String q) {
        return (shown == Shown.ALL ? "" : "state=" + shown.id() + "&")
                + (q.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&");
    }

    /** Which records the list shows, by how far their retrieval got ({@code ?state=}). */
    public enum Shown {
        ALL("all", "all"),
        ATTACHED("attached", "PDF attached"),
        NOT_RETRIEVED("not-retrieved", "not retrieved"),
        NOT_SOUGHT("not-sought", "not yet sought");

        static final String NAMES = "all, attached, not-retrieved or not-sought";

        private final String id;
        private final String label;

        Shown(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }

        /** The state named in the URL (none or blank: all), or null when it names none. */
        static Shown parse(String text) {
            if (text == null || text.isBlank()) {
                return ALL;
            }
            for (Shown s : values()) {
                if (s.id.equals(text.strip())) {
                    return s;
                }
            }
            return null;
        }

        boolean keeps(Item i) {
            return switch (this) {
                case ALL -> true;
                case ATTACHED -> i.hasPdf();
                case NOT_RETRIEVED -> i.state() != null && FullTextService.NOT_RETRIEVED.equals(i.state().status());
                case NOT_SOUGHT -> i.state() == null;
            };
        }
    }

    /** The study named by the route's {@code {studyId}}; an id that is not a record of this project is 404. */
    static Study study(ProjectService projects, Context ctx, Access a) {
        return projects.study(a.project(), WebError.pathId(ctx, "studyId")).orElseThrow(WebError::notFound);
    }

    /** An uploaded file's name fit for a quoted header value: printable ASCII, no quote, backslash or path. */
    static String fileName(String untrusted) {
        String n = SourceRoutes.safeName(untrusted).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (!n.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            n = n + ".pdf";
        }
        return n;
    }
}
