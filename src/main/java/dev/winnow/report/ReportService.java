package dev.winnow.report;

import dev.winnow.importing.SourceKind;
import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.report.flow.FlowCalculator;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.report.flow.FlowFacts;
import dev.winnow.report.flow.OtherMethod;
import dev.winnow.report.flow.SourceTally;
import dev.winnow.report.flow.StudyTrail;
import dev.winnow.report.flow.StudyTrail.Eligibility;
import dev.winnow.report.flow.StudyTrail.Removal;
import dev.winnow.report.flow.StudyTrail.Retrieval;
import dev.winnow.report.flow.StudyTrail.Screening;
import dev.winnow.report.render.PdfRenderer;
import dev.winnow.report.render.PngRenderer;
import dev.winnow.report.render.PrismaCsv;
import dev.winnow.report.render.PrismaData;
import dev.winnow.report.render.SvgFlowRenderer;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.FullTextStore;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.Json;
import dev.winnow.store.ReportStore;
import dev.winnow.store.StageStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The PRISMA report of a project: gathers the facts from the database (read-only), computes the
 * flow with {@link FlowCalculator}, and renders it.
 */
public final class ReportService {
    public enum Format {
        JSON("json"), SVG("svg"), PNG("png"), PDF("pdf"), CSV("csv");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public boolean binary() {
            return this == PNG || this == PDF;
        }

        public static Format parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("unknown format '" + text + "': expected json, svg, png, pdf or csv");
            }
        }
    }

    private final Database db;

    public ReportService(Database db) {
        this.db = db;
    }

    public FlowDiagram flow(Project p) {
        return FlowCalculator.compute(db.withHandle(h -> facts(h, p.id())));
    }

    /** The diagram in a format; a flow whose numbers do not add up is refused ({@link FlowNotBalanced}). */
    public byte[] prisma(Project p, Format format) {
        FlowDiagram d = flow(p);
        if (!d.consistent()) {
            throw new FlowNotBalanced(d.violations());
        }
        return switch (format) {
            case JSON -> (Json.pretty(PrismaData.json(d)) + "\n").getBytes(StandardCharsets.UTF_8);
            case CSV -> PrismaCsv.write(d).getBytes(StandardCharsets.UTF_8);
            case SVG -> SvgFlowRenderer.render(d).getBytes(StandardCharsets.UTF_8);
            case PNG -> PngRenderer.render(SvgFlowRenderer.render(d), 2f);
            case PDF -> PdfRenderer.render(SvgFlowRenderer.render(d), "PRISMA 2020 flow diagram: " + p.title());
        };
    }

    /** The facts the flow is computed from, read in one go. */
    public static FlowFacts facts(Handle h, long projectId) {
        List<SourceTally> sources = new ArrayList<>();
        for (ReportStore.SourceRow s : ReportStore.sources(h, projectId)) {
            SourceKind kind = SourceKind.parse(s.kind());
            OtherMethod method = kind == SourceKind.OTHER ? method(s.otherMethod(), s.name()) : null;
            sources.add(new SourceTally(s.name(), s.platform(), kind, method, s.otherMethod(), s.records(),
                    s.declared()));
        }

        Map<Long, int[]> perStudy = new HashMap<>();
        for (long id : ReportStore.studyIds(h, projectId)) {
            perStudy.put(id, new int[4]);
        }
        for (ReportStore.StudySourceRow r : ReportStore.studySources(h, projectId)) {
            int[] c = perStudy.computeIfAbsent(r.studyId(), k -> new int[4]);
            c[slot(r.kind(), r.otherMethod(), r.sourceName())] += (int) r.records();
        }
        long unlinkedDbr = 0;
        long unlinkedOther = 0;
        for (ReportStore.UnlinkedRow u : ReportStore.unlinked(h, projectId)) {
            if (slot(u.kind(), u.otherMethod(), u.sourceName()) < 2) {
                unlinkedDbr += u.records();
            } else {
                unlinkedOther += u.records();
            }
        }

        Map<Long, Long> group = groups(perStudy.keySet(), ReportStore.relatedStudies(h, projectId));
        Map<Long, StageOutcomes.Result> titleAbstract = outcomes(h, projectId, "title-abstract");
        Map<Long, StageOutcomes.Result> fullText = outcomes(h, projectId, "full-text");
        Map<Long, String> retrieval = new HashMap<>();
        FullTextStore.latest(h, projectId).forEach(f -> retrieval.put(f.studyId(), f.status()));

        List<StudyTrail> trails = new ArrayList<>();
        perStudy.keySet().stream().sorted().forEach(id -> {
            int[] c = perStudy.get(id);
            StageOutcomes.Result ta = titleAbstract.get(id);
            StageOutcomes.Result ft = fullText.get(id);
            trails.add(new StudyTrail(id, group.get(id), c[0], c[1], c[2], c[3], Removal.NONE, screening(ta),
                    retrieval(retrieval.get(id)), eligibility(ft), ft == null ? null : ft.primaryReason()));
        });
        return new FlowFacts(sources, trails, unlinkedDbr, unlinkedOther);
    }

    /** 0 database, 1 register, 2 other method, 3 previous version of the review. */
    private static int slot(String kind, String otherMethod, String sourceName) {
        return switch (SourceKind.parse(kind)) {
            case DATABASE -> 0;
            case REGISTER -> 1;
            case OTHER -> method(otherMethod, sourceName) == OtherMethod.PREVIOUS_REVIEW ? 3 : 2;
        };
    }

    /**
     * An other-method source's kind; a source of method "other" whose name starts with "Previous"
     * ("Previous version of the review", "Previous review 2019") holds the previous version's included
     * studies (the import command has no method of that name).
     */
    static OtherMethod method(String otherMethod, String sourceName) {
        OtherMethod m = OtherMethod.of(otherMethod);
        if (m == OtherMethod.OTHER && sourceName != null
                && sourceName.strip().toLowerCase(java.util.Locale.ROOT).startsWith("previous")) {
            return OtherMethod.PREVIOUS_REVIEW;
        }
        return m;
    }

    private static Map<Long, StageOutcomes.Result> outcomes(Handle h, long projectId, String stageName) {
        return StageStore.find(h, projectId, stageName)
                .map(stage -> StageOutcomes.derive(DecisionStore.history(h, stage.id()),
                        ResolutionStore.history(h, stage.id()), stage.reviewersPerRecord()))
                .orElse(Map.of());
    }

    private static Screening screening(StageOutcomes.Result r) {
        if (r == null) {
            return Screening.NOT_SCREENED;
        }
        return switch (r.outcome().status()) {
            case INCLUDED -> Screening.INCLUDED;
            case EXCLUDED -> r.byStoppingRule() ? Screening.EXCLUDED_BY_STOPPING_RULE : Screening.EXCLUDED_BY_REVIEWERS;
            case PENDING -> Screening.NOT_SCREENED;
            default -> Screening.PENDING;
        };
    }

    private static Eligibility eligibility(StageOutcomes.Result r) {
        if (r == null) {
            return Eligibility.NOT_ASSESSED;
        }
        return switch (r.outcome().status()) {
            case INCLUDED -> Eligibility.INCLUDED;
            case EXCLUDED -> Eligibility.EXCLUDED;
            case PENDING -> Eligibility.NOT_ASSESSED;
            default -> Eligibility.PENDING;
        };
    }

    private static Retrieval retrieval(String status) {
        if (status == null) {
            return Retrieval.NOT_SOUGHT;
        }
        return switch (status) {
            case "retrieved" -> Retrieval.RETRIEVED;
            case "not-retrieved" -> Retrieval.NOT_RETRIEVED;
            default -> Retrieval.SOUGHT;
        };
    }

    /** Studies joined by "related" pairs share the smallest id of their group (union-find). */
    static Map<Long, Long> groups(Iterable<Long> ids, List<ReportStore.RelatedPair> pairs) {
        Map<Long, Long> parent = new HashMap<>();
        ids.forEach(id -> parent.put(id, id));
        for (ReportStore.RelatedPair p : pairs) {
            long a = root(parent, p.studyA());
            long b = root(parent, p.studyB());
            if (a != b) {
                parent.put(Math.max(a, b), Math.min(a, b));
            }
        }
        Map<Long, Long> out = new HashMap<>();
        parent.keySet().forEach(id -> out.put(id, root(parent, id)));
        return out;
    }

    private static long root(Map<Long, Long> parent, long id) {
        long r = id;
        while (parent.getOrDefault(r, r) != r) {
            r = parent.get(r);
        }
        return r;
    }
}
