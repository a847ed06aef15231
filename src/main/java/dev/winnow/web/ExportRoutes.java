package dev.winnow.web;

import dev.winnow.export.ExportService;
import dev.winnow.export.ExportSubset;
import dev.winnow.ingest.Format;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.screen.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /p/{key}/export?subset=SUBSET&format=FORMAT}: a subset of the project's records as a
 * file download (any member; non-members get 404). Subsets and formats as {@code winnow export}
 * takes them ({@link ExportSubset}); a bad value is a 400 naming the valid ones. Owners export by
 * outcome as overseers; other members are refused (403) while the stage is blinded for them.
 */
public final class ExportRoutes {
    private final ExportService exports;
    private final Projects access;

    ExportRoutes(ExportService exports, Projects access) {
        this.exports = exports;
        this.access = access;
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/export", this::export);
    }

    private void export(Context ctx) {
        Access a = access.access(ctx, Role.VIEWER);
        ExportSubset subset = ExportSubset.parse(param(ctx, "subset", "all"));
        Format format = ExportService.writable(param(ctx, "format", "ris"));
        Viewer viewer = a.role() == Role.OWNER ? Viewer.overseer(a.user().username())
                : Viewer.reviewer(a.user().id(), a.user().username());
        ExportService.Export e;
        try {
            e = exports.export(viewer, a.project(), subset, format);
        } catch (ExportService.Blinded refused) {
            throw WebError.forbidden(refused.getMessage());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + e.fileName().replace("\"", "") + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(e.contentType()).result(e.bytes());
    }

    private static String param(Context ctx, String name, String otherwise) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
