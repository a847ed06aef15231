package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.search.SearchSyntaxError;
import dev.winnow.search.Strategies;
import dev.winnow.search.Strategy;
import dev.winnow.search.Syntax;
import dev.winnow.search.Translation;
import dev.winnow.searching.SearchService;
import dev.winnow.searching.SourceSearch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Search strategies on the project's sources: {@code GET /p/{key}/sources/searches} (each source's
 * search, records reported and imported, and the paste form), {@code POST …/searches/translate}
 * (any member: the tree and the other databases' versions side by side, with their flags; nothing
 * stored), {@code POST …/searches} (owners: records the search of a source — a strategy that does
 * not parse is shown with its line and column, and nothing is stored) and
 * {@code GET …/searches/appendix.md} (the PRISMA-S appendix).
 */
public final class SearchRoutes {
    private static final int MAX = 200_000;
    private final SearchService searches;
    private final Projects access;
    private final Views views;

    SearchRoutes(SearchService searches, Projects access, Views views) {
        this.searches = searches;
        this.access = access;
        this.views = views;
    }

    /** What the form held, given back with the result or the error. */
    public record Form(String strategy, String from, String source, String platform, String searched, String count) {
        static Form empty() {
            return new Form("", Syntax.OVID_MEDLINE.id, "", "", "", "");
        }

        static Form of(Context ctx) {
            return new Form(v(ctx, "strategy"), v(ctx, "from"), v(ctx, "source"), v(ctx, "platform"), v(ctx, "searched"),
                    v(ctx, "count"));
        }

        private static String v(Context ctx, String name) {
            String s = ctx.formParam(name);
            return s == null ? "" : s;
        }
    }

    /** A parsed strategy: its tree as text and every other syntax's version with its flags. */
    public record Result(String syntax, int lines, String tree, List<Translation> translations) {
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/sources/searches", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            page(ctx, a, Form.empty(), null, null, null, 200);
        });
        r.get("/p/{key}/sources/searches/appendix.md", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            ctx.contentType("text/markdown; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + a.project().key() + "-searches.md\"")
                    .result(searches.appendix(a.project()).getBytes(StandardCharsets.UTF_8));
        });
        r.post("/p/{key}/sources/searches/translate", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            Form form = Form.of(ctx);
            try {
                page(ctx, a, form, translate(form), null, null, 200);
            } catch (UserError e) {
                page(ctx, a, form, null, null, e.getMessage(), 400);
            }
        });
        r.post("/p/{key}/sources/searches", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            Form form = Form.of(ctx);
            try {
                Result result = translate(form);
                Long count = count(form.count());
                SourceSpec spec = new SourceSpec(form.source(), form.platform(), SourceKind.DATABASE, null,
                        form.searched().isBlank() ? null : form.searched(), form.strategy());
                SourceSearch saved = searches.record(a.project(), spec, Syntax.parse(form.from(), "syntax"), count,
                        new ImportService.Actor(a.user().id(), a.user().username()));
                page(ctx, a, form, result, "Recorded the search of " + saved.source() + " (" + saved.check() + ").",
                        null, 200);
            } catch (UserError e) {
                page(ctx, a, form, null, null, e.getMessage(), 400);
            }
        });
    }

    private static Result translate(Form form) {
        Syntax syntax = Syntax.parse(form.from(), "syntax");
        if (form.strategy().isBlank()) {
            throw new UserError("paste a search strategy first");
        }
        if (form.strategy().length() > MAX) {
            throw new UserError("the strategy is longer than " + MAX + " characters");
        }
        try {
            Strategy s = Strategies.parse(syntax, form.strategy());
            return new Result(syntax.label, s.lines().size(), Strategies.tree(s), Strategies.translations(s));
        } catch (SearchSyntaxError e) {
            throw new UserError("The " + syntax.label + " strategy does not parse: " + e.getMessage());
        }
    }

    private static Long count(String s) {
        if (s.isBlank()) {
            return null;
        }
        String digits = s.strip().replace(",", "");
        if (!digits.matches("\\d{1,15}")) {
            throw new UserError("the record count '" + s.strip() + "' is not a number");
        }
        return Long.parseLong(digits);
    }

    private void page(Context ctx, Access a, Form form, Result result, String message, String error, int status) {
        ctx.status(status).html(views.render("sources/searches.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Search strategies", a, "sources"),
                "searches", searches.list(a.project()),
                "syntaxes", List.of(Syntax.values()),
                "form", form,
                "result", result == null ? new Result("", 0, "", List.of()) : result,
                "message", message == null ? "" : message,
                "error", error == null ? "" : error)));
    }
}
