package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.export.ExportService;
import dev.winnow.ingest.Format;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.report.ReportExports;
import dev.winnow.report.ReportService;
import dev.winnow.report.checklist.ChecklistService;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.report.render.PrismaData;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports page, {@code GET /p/{key}/reports}, and the files it links:
 * {@code GET /p/{key}/reports/prisma.json|svg|png|pdf|csv} (the PRISMA 2020 flow diagram, as
 * {@code winnow report prisma} draws it), {@code …/checklist.md|html} (PRISMA-ScR),
 * {@code …/included.ris|csv|xlsx} and {@code …/excluded.csv|md|html}. While a screening stage is
 * blinded, only project owners (the overseers) may read them: the numbers would reveal decisions.
 */
public final class ReportRoutes {
    private static final Map<String, String> TYPES = Map.of(
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "pdf", "application/pdf",
            "csv", ExportService.contentType(Format.CSV), "md", "text/markdown; charset=utf-8",
            "html", "text/html; charset=utf-8", "ris", ExportService.contentType(Format.RIS),
            "xlsx", ExportService.contentType(Format.XLSX));

    private final ReportService reports;
    private final ReportExports exports;
    private final ChecklistService checklists;
    private final ScreeningService screening;
    private final Projects access;
    private final Views views;

    ReportRoutes(ReportService reports, ReportExports exports, ChecklistService checklists, ScreeningService screening,
                 Projects access, Views views) {
        this.reports = reports;
        this.exports = exports;
        this.checklists = checklists;
        this.screening = screening;
        this.access = access;
        this.views = views;
    }

    /** One download on the page: what it is, and its address. */
    public record Link(String label, String href, String id) {
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/reports", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            String withheld = withheld(a);
            Map<String, Object> numbers = new LinkedHashMap<>();
            List<String> problems = List.of();
            if (withheld == null) {
                FlowDiagram d = reports.flow(a.project());
                numbers.putAll(PrismaData.values(d));
                problems = d.violations().stream().map(Object::toString).toList();
            }
            String base = "/p/" + a.project().key();
            ctx.html(views.render("reports/page.jte", Map.of(
                    "page", ProjectRoutes.page(ctx, "Reports", a, "reports"),
                    "withheld", withheld == null ? "" : withheld,
                    "numbers", numbers,
                    "problems", problems,
                    "prisma", List.of("svg", "png", "pdf", "json", "csv").stream()
                            .map(f -> new Link(f.toUpperCase(java.util.Locale.ROOT), base + "/reports/prisma." + f, "prisma-" + f))
                            .toList(),
                    "exports", exportLinks(base))));
        });
        r.get("/p/{key}/reports/{file}", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            String file = ctx.pathParam("file");
            int dot = file.lastIndexOf('.');
            if (dot < 1) {
                throw WebError.notFound();
            }
            String name = file.substring(0, dot);
            String ext = file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
            if (!TYPES.containsKey(ext) || !List.of("prisma", "checklist", "included", "excluded").contains(name)) {
                throw WebError.notFound();
            }
            String why = withheld(a);
            if (why != null) {
                throw WebError.forbidden(why);
            }
            byte[] bytes = switch (name) {
                case "prisma" -> reports.prisma(a.project(), ReportService.Format.parse(ext));
                case "checklist" -> switch (ext) {
                    case "md" -> checklists.markdown(a.project()).getBytes(StandardCharsets.UTF_8);
                    case "html" -> checklists.html(a.project()).getBytes(StandardCharsets.UTF_8);
                    default -> throw WebError.notFound();
                };
                case "included" -> exports.included(a.project(), ext);
                default -> exports.excludedTable(a.project(), ext);
            };
            // pictures and JSON open in the browser; documents and tables download
            boolean inline = name.equals("prisma") && !ext.equals("csv");
            ctx.contentType(TYPES.get(ext));
            ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\""
                    + a.project().key().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + name + "." + ext + "\"");
            ctx.result(bytes);
        });
    }

    /**
     * Why this person may not read the report's numbers now, or null. Owners read them as the
     * overseer; anyone else only while no stage is blinded (the screening service refuses otherwise).
     */
    private String withheld(Access a) {
        Viewer v = a.can(Role.OWNER) ? Viewer.overseer("web:" + a.user().username()) : ScreenRoutes.viewer(a);
        try {
            screening.prismaCounts(v, a.project());
            return null;
        } catch (UserError e) {
            return "The report's numbers are withheld while screening is blinded: they would reveal reviewers' "
                    + "decisions. A project owner can read them, or they open to everyone when blinding ends.";
        }
    }

    static List<Map.Entry<String, List<Link>>> exportLinks(String base) {
        return List.of(
                Map.entry("Included studies", List.of(
                        new Link("RIS", base + "/reports/included.ris", "included-ris"),
                        new Link("CSV", base + "/reports/included.csv", "included-csv"),
                        new Link("XLSX", base + "/reports/included.xlsx", "included-xlsx"))),
                Map.entry("Full texts excluded, with reasons", List.of(
                        new Link("CSV", base + "/reports/excluded.csv", "excluded-csv"),
                        new Link("Markdown", base + "/reports/excluded.md", "excluded-md"),
                        new Link("HTML", base + "/reports/excluded.html", "excluded-html"))),
                Map.entry("PRISMA-ScR checklist", List.of(
                        new Link("Markdown", base + "/reports/checklist.md", "checklist-md"),
                        new Link("HTML (opens in Word)", base + "/reports/checklist.html", "checklist-html"))),
                Map.entry("Evidence table and map (charting)", List.of(
                        new Link("CSV", base + "/chart/evidence.csv", "evidence-csv"),
                        new Link("XLSX", base + "/chart/evidence.xlsx", "evidence-xlsx"),
                        new Link("Evidence map (SVG)", base + "/chart/map.svg", "evidence-map"))),
                Map.entry("Project export: all records", subset(base, "all")));
    }

    private static List<Link> subset(String base, String subset) {
        return List.of("ris", "csv", "xlsx", "bibtex", "csl-json").stream()
                .map(f -> new Link(f.equals("csl-json") ? "CSL-JSON" : f.equals("bibtex") ? "BibTeX" : f.toUpperCase(java.util.Locale.ROOT),
                        base + "/export?subset=" + subset + "&format=" + f, "export-" + subset + "-" + f))
                .toList();
    }
}
