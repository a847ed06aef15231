package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.chart.ChartEntry;
import dev.winnow.chart.ChartService;
import dev.winnow.chart.ChartingForm;
import dev.winnow.chart.Difference;
import dev.winnow.chart.EvidenceMap;
import dev.winnow.chart.EvidenceMapSvg;
import dev.winnow.chart.Field;
import dev.winnow.chart.FieldType;
import dev.winnow.chart.FormYaml;
import dev.winnow.chart.TableFiles;
import dev.winnow.chart.Templates;
import dev.winnow.export.ExportService;
import dev.winnow.ingest.Format;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Json;
import dev.winnow.store.StudyStore.Study;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Charting pages: {@code GET /p/{key}/chart} (sources to chart, downloads), {@code GET|POST
 * /p/{key}/chart/form} (the form's YAML, owners edit it), {@code GET|POST /p/{key}/chart/{studyId}}
 * (my entry; once saved, the other reviewer's and the differences), {@code POST …/consensus},
 * {@code GET /p/{key}/chart/evidence.csv|.xlsx}, {@code GET /p/{key}/chart/map.svg|.png?field=F}.
 */
final class ChartRoutes {
    private final ProjectService projects;
    private final ChartService charts;
    private final ScreeningService screening;
    private final Projects access;
    private final Views views;

    ChartRoutes(ProjectService projects, ChartService charts, ScreeningService screening, Projects access, Views views) {
        this.projects = projects;
        this.charts = charts;
        this.screening = screening;
        this.access = access;
        this.views = views;
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/chart", ctx -> listPage(ctx, access.access(ctx, Role.VIEWER)));
        r.get("/p/{key}/chart/form", ctx -> formPage(ctx, access.access(ctx, Role.VIEWER), null, null, 200));
        r.post("/p/{key}/chart/form", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            String template = ctx.formParam("template");
            String yaml = template != null && !template.isBlank() ? Templates.yaml(template) : ctx.formParam("yaml");
            try {
                charts.importForm(a.project(), yaml == null ? "" : yaml, "chart-form.yaml", a.user().username());
            } catch (UserError e) {
                formPage(ctx, a, e.getMessage(), yaml, 400);
                return;
            }
            ctx.redirect("/p/" + a.project().key() + "/chart/form");
        });
        r.get("/p/{key}/chart/evidence.csv", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            StringWriter w = new StringWriter();
            TableFiles.csv(charts.evidenceTable(a.project()), w);
            download(ctx, ExportService.contentType(Format.CSV), a.project().key() + "-evidence-table.csv",
                    w.toString().getBytes(StandardCharsets.UTF_8));
        });
        r.get("/p/{key}/chart/evidence.xlsx", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TableFiles.xlsx(charts.evidenceTable(a.project()), "Evidence table", out);
            download(ctx, ExportService.contentType(Format.XLSX),
                    a.project().key() + "-evidence-table.xlsx", out.toByteArray());
        });
        r.get("/p/{key}/chart/map.svg", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            String svg = EvidenceMapSvg.render(map(ctx, a));
            download(ctx, "image/svg+xml", a.project().key() + "-evidence-map.svg", svg.getBytes(StandardCharsets.UTF_8));
        });
        r.get("/p/{key}/chart/map.png", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            download(ctx, "image/png", a.project().key() + "-evidence-map.png",
                    EvidenceMapSvg.png(EvidenceMapSvg.render(map(ctx, a))));
        });
        r.get("/p/{key}/chart/{studyId}", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            entryPage(ctx, a, study(ctx, a), null, null, 200);
        });
        r.post("/p/{key}/chart/{studyId}", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            Study s = study(ctx, a);
            ChartingForm form = charts.requireForm(a.project()).form();
            Map<String, Object> answers = answers(ctx, form);
            String action = ctx.formParam("action");
            if (action != null && action.startsWith("add-item:")) {
                entryPage(ctx, a, s, null, withExtraItem(answers, action.substring("add-item:".length())), 200);
                return;
            }
            try {
                charts.saveEntry(a.project(), s.id(), a.user().username(), answers, Map.of());
            } catch (UserError e) {
                entryPage(ctx, a, s, e.getMessage(), answers, 400);
                return;
            }
            ctx.redirect("/p/" + a.project().key() + "/chart/" + s.id());
        });
        r.post("/p/{key}/chart/{studyId}/consensus", ctx -> {
            Access a = access.access(ctx, Role.REVIEWER);
            Study s = study(ctx, a);
            ChartingForm form = charts.requireForm(a.project()).form();
            Map<String, Object> answers = answers(ctx, form);
            try {
                charts.saveConsensus(a.project(), s.id(), a.user().username(), ctx.formParams("agreedBy"), answers, Map.of());
            } catch (UserError e) {
                entryPage(ctx, a, s, e.getMessage(), answers, 400); // the answers as chosen, not lost
                return;
            }
            ctx.redirect("/p/" + a.project().key() + "/chart/" + s.id());
        });
    }

    private EvidenceMap map(Context ctx, Access a) {
        String field = ctx.queryParam("field");
        if (field == null || field.isBlank()) {
            List<String> fields = EvidenceMap.categoricalPaths(charts.requireForm(a.project()).form());
            if (fields.isEmpty()) {
                throw new UserError("the charting form has no categorical field to map");
            }
            field = fields.get(0);
        }
        return charts.evidenceMap(a.project(), field);
    }

    private static void download(Context ctx, String type, String name, byte[] bytes) {
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        ctx.result(bytes);
    }

    private Study study(Context ctx, Access a) {
        return projects.study(a.project(), WebError.pathId(ctx, "studyId")).orElseThrow(WebError::notFound);
    }

    /** The sources to chart: those included at full text; before any are, every record (with a note). */
    private void listPage(Context ctx, Access a) {
        List<Study> all = projects.studies(a.project(), 0, Integer.MAX_VALUE);
        List<Study> included = new ArrayList<>();
        try {
            var outcomes = screening.outcomes(Viewer.overseer(a.user().username()), a.project(), StageName.FULL_TEXT);
            for (Study s : all) {
                if (outcomes.of(s.id()).map(o -> o.status() == Outcome.Status.INCLUDED).orElse(false)) {
                    included.add(s);
                }
            }
        } catch (UserError e) {
            // no full-text stage yet: every record may be charted
        }
        boolean fallback = included.isEmpty();
        List<Study> shown = fallback ? all : included;
        Map<Long, String> state = new LinkedHashMap<>();
        List<ChartEntry> entries = charts.latest(a.project());
        for (Study s : shown) {
            long mine = entries.stream().filter(e -> e.studyId() == s.id() && e.role().equals(ChartService.REVIEWER)
                    && a.user().username().equals(e.reviewer())).count();
            long reviewers = entries.stream().filter(e -> e.studyId() == s.id() && e.role().equals(ChartService.REVIEWER)).count();
            boolean agreed = entries.stream().anyMatch(e -> e.studyId() == s.id() && !e.role().equals(ChartService.REVIEWER));
            state.put(s.id(), agreed ? "final" : mine > 0 ? "charted by you (" + reviewers + " of 2)" : reviewers + " of 2 charted");
        }
        Optional<ChartService.FormVersion> form = charts.currentForm(a.project());
        ctx.html(views.render("chart/list.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Charting", a, "chart"),
                "studies", shown.stream().map(s -> RecordView.of(s.id(), s.record())).toList(),
                "state", state,
                "fallback", fallback,
                "formName", form.map(f -> f.form().name() + " (version " + f.version() + ")").orElse(""),
                "mapFields", form.map(f -> EvidenceMap.categoricalPaths(f.form())).orElse(List.of()))));
    }

    private void formPage(Context ctx, Access a, String error, String yaml, int status) {
        Optional<ChartService.FormVersion> form = charts.currentForm(a.project());
        List<String> templates = new ArrayList<>();
        Templates.names().forEach(templates::add);
        ctx.status(status).html(views.render("chart/form.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Charting form", a, "chart"),
                "yaml", yaml != null ? yaml : form.map(f -> FormYaml.write(f.form())).orElse(""),
                "version", form.map(f -> "version " + f.version()).orElse("no form yet"),
                "templates", templates,
                "error", error == null ? "" : error)));
    }

    private void entryPage(Context ctx, Access a, Study s, String error, Map<String, Object> draft, int status) {
        Optional<ChartService.FormVersion> form = charts.currentForm(a.project());
        if (form.isEmpty()) {
            formPage(ctx, a, "Choose or write a charting form first.", null, 400);
            return;
        }
        String me = a.user().username();
        List<ChartEntry> visible = charts.entries(a.project(), s.id(), me);
        ChartEntry mine = visible.stream().filter(e -> e.role().equals(ChartService.REVIEWER) && me.equals(e.reviewer()))
                .findFirst().orElse(null);
        List<ChartEntry> others = visible.stream().filter(e -> e.role().equals(ChartService.REVIEWER)
                && !me.equals(e.reviewer())).toList();
        ChartEntry consensus = visible.stream().filter(e -> !e.role().equals(ChartService.REVIEWER)).findFirst().orElse(null);
        // oriented from the viewer's side: "you" first, then the other reviewer
        List<Difference> diffs = mine != null && !others.isEmpty()
                ? dev.winnow.chart.Differences.between(form.get().form(), mine.answers(), others.get(0).answers())
                : List.of();
        Map<String, Object> values = draft != null ? draft
                : consensus != null ? consensus.answers() : mine != null ? mine.answers() : Map.of();
        List<String> reviewers = new ArrayList<>();
        if (mine != null) {
            reviewers.add(me);
        }
        others.forEach(o -> reviewers.add(o.reviewer()));
        ctx.status(status).html(views.render("chart/entry.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Chart a source", a, "chart"),
                "record", RecordView.of(s.id(), s.record()),
                "form", form.get().form(),
                "inputs", inputs(form.get().form(), values),
                "saved", mine != null,
                "differences", diffs.stream().map(d -> new String[] {d.path(), show(d.first()), show(d.second())}).toList(),
                "otherNames", others.stream().map(ChartEntry::reviewer).toList(),
                "reviewers", reviewers,
                "consensus", consensus == null ? "" : "Consensus recorded, agreed by " + String.join(", ", consensus.agreedBy()) + ".",
                "error", error == null ? "" : error)));
    }

    static String show(Object v) {
        return v == null ? "—" : v instanceof String s ? s : Json.write(v);
    }

    /** Per section, the inputs to draw, with current values. */
    static List<Map.Entry<String, List<ChartInput>>> inputs(ChartingForm form, Map<String, Object> values) {
        List<Map.Entry<String, List<ChartInput>>> out = new ArrayList<>();
        for (var section : form.sections()) {
            List<ChartInput> ins = new ArrayList<>();
            for (Field f : section.fields()) {
                if (f.type() == FieldType.GROUP) {
                    List<?> items = values.get(f.key()) instanceof List<?> l ? l : List.of();
                    int count = Math.max(1, items.size());
                    ins.add(new ChartInput("group." + f.key(), f.label(), "group-start", f.help() == null ? "" : f.help(), f.required(), "", List.of(),
                            List.of(), f.key(), count));
                    for (int i = 0; i < count; i++) {
                        Map<?, ?> item = i < items.size() && items.get(i) instanceof Map<?, ?> m ? m : Map.of();
                        for (Field sub : f.fields()) {
                            ins.add(input("g." + f.key() + "." + i + "." + sub.key(), sub, item.get(sub.key()), f.key(), i + 1));
                        }
                    }
                } else {
                    ins.add(input("f." + f.key(), f, values.get(f.key()), null, 0));
                }
            }
            out.add(Map.entry(section.title(), ins));
        }
        return out;
    }

    private static ChartInput input(String name, Field f, Object value, String group, int item) {
        List<String> chosen = value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : value == null ? List.of() : List.of(value.toString());
        List<String> options = f.type() == FieldType.YES_NO_UNCLEAR ? List.of("yes", "no", "unclear") : f.options();
        return new ChartInput(name, f.label(), f.type().id(), f.help() == null ? "" : f.help(), f.required(),
                value == null || value instanceof List ? "" : value.toString(), options, chosen, group, item);
    }

    /** Reads a posted entry: {@code f.KEY} for fields, {@code g.GROUP.I.SUB} for group items (blank items dropped). */
    static Map<String, Object> answers(Context ctx, ChartingForm form) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, List<String>> params = ctx.formParamMap();
        for (Field f : form.fields()) {
            if (f.type() == FieldType.GROUP) {
                TreeMap<Integer, Map<String, Object>> items = new TreeMap<>();
                String prefix = "g." + f.key() + ".";
                params.forEach((k, vs) -> {
                    if (k.startsWith(prefix)) {
                        String[] parts = k.substring(prefix.length()).split("\\.", 2);
                        if (parts.length == 2 && parts[0].matches("\\d{1,4}")) {
                            Field sub = f.subfield(parts[1]);
                            Object v = sub != null && sub.type() == FieldType.MULTIPLE_CHOICE ? nonBlank(vs)
                                    : vs.isEmpty() ? "" : vs.get(0);
                            if (sub != null && !(v instanceof String s && s.isBlank()) && !(v instanceof List<?> l && l.isEmpty())) {
                                items.computeIfAbsent(Integer.parseInt(parts[0]), i -> new LinkedHashMap<>()).put(parts[1], v);
                            }
                        }
                    }
                });
                if (!items.isEmpty()) {
                    out.put(f.key(), new ArrayList<>(items.values()));
                }
            } else {
                List<String> vs = params.getOrDefault("f." + f.key(), List.of());
                if (f.type() == FieldType.MULTIPLE_CHOICE) {
                    List<String> picked = nonBlank(vs);
                    if (!picked.isEmpty()) {
                        out.put(f.key(), picked);
                    }
                } else if (!vs.isEmpty() && !vs.get(0).isBlank()) {
                    out.put(f.key(), vs.get(0));
                }
            }
        }
        return out;
    }

    private static List<String> nonBlank(List<String> vs) {
        return vs.stream().filter(v -> !v.isBlank()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withExtraItem(Map<String, Object> answers, String group) {
        Map<String, Object> out = new LinkedHashMap<>(answers);
        if (group != null && !group.isBlank()) {
            List<Object> items = out.get(group) instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
            if (items.isEmpty()) {
                items.add(Map.of());
            }
            items.add(Map.of());
            out.put(group, items);
        }
        return out;
    }
}
