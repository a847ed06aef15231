package dev.winnow.report.checklist;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.winnow.project.Project;
import dev.winnow.report.ReportService;
import dev.winnow.report.flow.FlowCalculator;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.screen.Agreement;
import dev.winnow.screen.Decision;
import dev.winnow.screen.Verdict;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.Json;
import dev.winnow.store.ReportStore;
import dev.winnow.store.StageStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Reads what the checklists need from a project and writes them as Markdown or HTML. */
public final class ChecklistService {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Database db;

    public ChecklistService(Database db) {
        this.db = db;
    }

    public String markdown(Project p) {
        ChecklistFacts f = facts(p);
        return ChecklistWriter.markdown(p.title(), Checklists.scopingReview(f), Checklists.searchReporting(f));
    }

    public String html(Project p) {
        ChecklistFacts f = facts(p);
        return ChecklistWriter.html(p.title(), Checklists.scopingReview(f), Checklists.searchReporting(f));
    }

    public ChecklistFacts facts(Project p) {
        return db.withHandle(h -> facts(h, p));
    }

    static ChecklistFacts facts(Handle h, Project p) {
        FlowDiagram flow = FlowCalculator.compute(ReportService.facts(h, p.id()));
        ReportStore.ProtocolRow proto = ReportStore.latestProtocol(h, p.id());
        ChecklistFacts.Protocol protocol = proto == null ? null
                : new ChecklistFacts.Protocol(proto.version(), proto.createdAt(), parse(proto.body()), proto.body());

        List<ReportStore.ImportFileRow> files = ReportStore.importFiles(h, p.id());
        List<ChecklistFacts.Source> sources = new ArrayList<>();
        for (ReportStore.SourceRow s : ReportStore.sources(h, p.id())) {
            List<ChecklistFacts.File> own = files.stream().filter(f -> f.sourceId() == s.id())
                    .map(f -> new ChecklistFacts.File(f.fileName(), f.sha256(), f.format(), f.recordCount(), f.importedAt()))
                    .toList();
            sources.add(new ChecklistFacts.Source(s.name(), s.platform(), s.kind(), s.otherMethod(), s.searchString(),
                    s.searchedOn(), s.notes(), s.records(), own));
        }

        List<ChecklistFacts.Stage> stages = new ArrayList<>();
        for (StageStore.StageRow st : StageStore.list(h, p.id())) {
            List<Decision> history = DecisionStore.history(h, st.id()).stream()
                    .filter(d -> !"pilot".equals(d.origin())).toList();
            Map<Long, Map<Long, Decision>> newest = new LinkedHashMap<>();
            for (Decision d : history) {
                newest.computeIfAbsent(d.studyId(), k -> new TreeMap<>()).put(d.userId(), d);
            }
            // agreement between the first two reviewers of each record both decided (newest decisions)
            List<Verdict> first = new ArrayList<>();
            List<Verdict> second = new ArrayList<>();
            for (Map<Long, Decision> byUser : newest.values()) {
                if (byUser.size() >= 2) {
                    List<Decision> two = byUser.values().stream().limit(2).toList();
                    first.add(two.get(0).verdict());
                    second.add(two.get(1).verdict());
                }
            }
            Map<String, Long> resolutions = new TreeMap<>();
            ResolutionStore.history(h, st.id()).forEach(r -> resolutions.merge(r.method(), 1L, Long::sum));
            int reviewers = (int) history.stream().map(Decision::userId).distinct().count();
            stages.add(new ChecklistFacts.Stage(st.name(), st.reviewersPerRecord(), st.blinded(), reviewers,
                    history.size(), Agreement.of(first, second), resolutions));
        }

        List<ChecklistFacts.Form> forms = ReportStore.chartForms(h, p.id()).stream()
                .map(f -> new ChecklistFacts.Form(f.name(), f.version(), fieldLabels(f.definition()),
                        f.reviewerEntries(), f.consensusEntries(), f.reviewers()))
                .toList();
        List<ChecklistFacts.Rule> rules = ReportStore.linkRules(h, p.id()).stream()
                .map(r -> new ChecklistFacts.Rule(r.rule(), r.records())).toList();
        long records = sources.stream().mapToLong(ChecklistFacts.Source::records).sum();
        long studies = ReportStore.studyIds(h, p.id()).size();
        return new ChecklistFacts(p.title(), p.kind().label(), protocol, sources, stages, flow, forms, rules, records,
                studies, "Winnow " + version());
    }

    /** The protocol body read as YAML (JSON is YAML too); plain text gives no fields. */
    static Map<String, Object> parse(String body) {
        try {
            Object v = YAML.readValue(body, Object.class);
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, val) -> out.put(String.valueOf(k), val));
                return out;
            }
        } catch (Exception e) {
            // not YAML: the protocol is shown as text only
        }
        return Map.of();
    }

    /** The labels (else names) of a charting form's fields, read from its definition JSON. */
    static List<String> fieldLabels(String definition) {
        try {
            return dev.winnow.chart.FormYaml.read(definition, "stored form").fields().stream()
                    .map(f -> f.label() == null || f.label().isBlank() ? f.key() : f.label()).toList();
        } catch (RuntimeException notYaml) {
            // an older or hand-made definition: read it as JSON {"fields": [{"name", "label"}]}
        }
        try {
            Map<String, Object> def = Json.read(definition, new TypeReference<Map<String, Object>>() { });
            Object fields = def.get("fields");
            List<String> out = new ArrayList<>();
            if (fields instanceof List<?> l) {
                for (Object f : l) {
                    if (f instanceof Map<?, ?> m) {
                        Object label = m.get("label") != null ? m.get("label") : m.get("name");
                        if (label != null) {
                            out.add(String.valueOf(label));
                        }
                    } else if (f != null) {
                        out.add(String.valueOf(f));
                    }
                }
            }
            return out;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static String version() {
        String v = ChecklistService.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
