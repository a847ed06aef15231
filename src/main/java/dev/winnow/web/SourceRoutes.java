package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.importing.ImportReport;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sources and imports: {@code GET /p/{key}/sources} (sources, every file's import report, the
 * upload form) and {@code POST /p/{key}/sources/upload} (owners: one or more files into one
 * source; each file is imported in its own transaction by {@link ImportService}, and its report or
 * its error is shown). The API has the same under {@code /api/v1/projects/{key}/imports}.
 */
public final class SourceRoutes {
    private final ImportService imports;
    private final dev.winnow.importing.ImportsUnderway underway;
    private final Projects access;
    private final Views views;

    SourceRoutes(ImportService imports, dev.winnow.importing.ImportsUnderway underway, Projects access, Views views) {
        this.imports = imports;
        this.underway = underway;
        this.access = access;
        this.views = views;
    }

    /** One uploaded file's result: its report, or the one-line reason it was refused. */
    public record Result(String file, ImportReport report, String error) {
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/sources", ctx -> page(ctx, access.access(ctx, Role.VIEWER), List.of(), 200));
        // polled while an import runs (also after a reload); when none is left the page reloads to show the reports
        r.get("/p/{key}/sources/progress", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            var now = underway.of(a.project().id());
            if (now.isEmpty() && ctx.header("HX-Request") != null && !"1".equals(ctx.queryParam("quiet"))) {
                ctx.header("HX-Refresh", "true");
            }
            ctx.html(views.render("sources/progress.jte", Map.of("base", "/p/" + a.project().key(),
                    "underway", now)));
        });
        r.post("/p/{key}/sources/upload", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            List<Result> results;
            try {
                results = upload(ctx, a);
            } catch (UserError e) {
                results = List.of(new Result("The form", null, formWords(e.getMessage())));
            }
            boolean failed = results.stream().anyMatch(x -> x.error() != null);
            if (ctx.header("HX-Request") != null) {
                // the results, and the list of sources as it is now (the page's copy is replaced)
                ctx.status(failed ? 400 : 200).html(views.render("sources/results.jte", Map.of("results", results))
                        + "<div hidden data-replaces=\"source-list\">"
                        + views.render("sources/list.jte", Map.of("sources", imports.sources(a.project()))) + "</div>");
            } else {
                page(ctx, a, results, failed ? 400 : 200);
            }
        });
        r.get(ApiRoutes.BASE + "/projects/{key}/sources", ctx ->
                ctx.json(imports.sources(access.access(ctx, Role.VIEWER).project())));
        r.get(ApiRoutes.BASE + "/projects/{key}/imports", ctx ->
                ctx.json(imports.reports(access.access(ctx, Role.VIEWER).project())));
        r.post(ApiRoutes.BASE + "/projects/{key}/imports", ctx -> {
            List<Result> results = upload(ctx, access.access(ctx, Role.OWNER));
            ctx.status(results.stream().anyMatch(x -> x.error() != null) ? 400 : 201).json(results);
        });
    }

    private void page(Context ctx, Access a, List<Result> results, int status) {
        List<ImportReport> reports = new ArrayList<>(imports.reports(a.project()));
        reports.sort(Comparator.comparing(ImportReport::importFileId).reversed());
        ctx.status(status).html(views.render("sources/page.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Sources & imports", a, "sources"),
                "sources", imports.sources(a.project()),
                "reports", reports,
                "results", results,
                "underway", underway.of(a.project().id()),
                "typed", typed(ctx))));
    }

    /** What the person typed into the upload form, to show it again after an error. */
    private static Map<String, String> typed(Context ctx) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String f : List.of("source", "platform", "searched")) {
            out.put(f, ProjectRoutes.typed(ctx, f));
        }
        return out;
    }

    /**
     * A message written for the command line, in the upload form's words: the form has fields and a
     * checkbox, not flags.
     */
    static String formWords(String message) {
        return message == null ? null : message
                .replace("(--searched)", "(Searched on)")
                .replace("(--source NAME, e.g. \"MEDLINE\")", "(Source, e.g. \"MEDLINE\")")
                .replace("pass --again to import the same file again",
                        "tick \"import a file again\" to import the same file again");
    }

    /** Saves each uploaded file under its own name in a private temporary folder, imports it, removes it. */
    private List<Result> upload(Context ctx, Access a) {
        List<UploadedFile> files = ctx.uploadedFiles("file");
        if (files.isEmpty()) {
            throw new UserError("choose at least one file to import");
        }
        String kind = ctx.formParam("kind");
        SourceSpec spec = new SourceSpec(ctx.formParam("source"), ctx.formParam("platform"),
                kind == null || kind.isBlank() ? null : SourceKind.parse(kind), null,
                blankToNull(ctx.formParam("searched")), ctx.formParam("searchString"));
        boolean again = "on".equals(ctx.formParam("again")) || "true".equals(ctx.formParam("again"));
        var actor = new ImportService.Actor(a.user().id(), a.user().username());
        List<Result> out = new ArrayList<>();
        for (UploadedFile f : files) {
            String name = safeName(f.filename());
            Path dir = null;
            try {
                dir = Files.createTempDirectory("winnow-upload");
                Path file = dir.resolve(name);
                try (InputStream in = f.content()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                out.add(new Result(name, imports.importFile(a.project(), spec, file,
                        new ImportService.Options(null, again), actor, underway.track(a.project().id())), null));
            } catch (UserError e) {
                out.add(new Result(name, null, formWords(e.getMessage())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the uploaded file " + name, e);
            } finally {
                deleteQuietly(dir);
            }
        }
        return out;
    }

    /** The file's own name, without any folder part or characters a file system dislikes. */
    static String safeName(String uploaded) {
        String n = uploaded == null ? "" : uploaded.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "upload";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
