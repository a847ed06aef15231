package dev.winnow.report.checklist;

import dev.winnow.report.flow.Count;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.report.render.PrismaData;
import dev.winnow.screen.Agreement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The PRISMA-ScR checklist (Tricco et al., Ann Intern Med 2018;169:467–473; 22 items, 12 and 16
 * optional) and the PRISMA-S search-reporting items (Rethlefsen et al., Syst Rev 2021;10:39),
 * each pre-filled from {@link ChecklistFacts} where the project knows the answer, and otherwise
 * saying what to write and where. Requirements are paraphrased. Pure.
 */
public final class Checklists {
    private Checklists() {
    }

    public static List<ChecklistItem> scopingReview(ChecklistFacts f) {
        List<ChecklistItem> items = new ArrayList<>();
        boolean saysScoping = f.title() != null && f.title().toLowerCase(Locale.ROOT).contains("scoping review");
        items.add(new ChecklistItem("1", "Title", "Title", "Identify the report as a scoping review.",
                "Project title: \"" + f.title() + "\"" + (saysScoping ? "" : " (it does not say \"scoping review\")"),
                "Title page: a title that names the report a scoping review."));
        items.add(new ChecklistItem("2", "Abstract", "Structured summary",
                "Background, objectives, eligibility criteria, sources of evidence, charting methods, results and "
                        + "conclusions that relate to the review questions and objectives.",
                summaryFacts(f), "Abstract: write the structured summary (the PRISMA 2020 abstract checklist is a good guide)."));
        items.add(new ChecklistItem("3", "Introduction", "Rationale",
                "The rationale in the context of what is already known, and why a scoping approach suits the question.",
                null, "Introduction."));
        items.add(new ChecklistItem("4", "Introduction", "Objectives",
                "The questions and objectives, with their key elements (population or participants, concepts, context).",
                join("; ", field(f, "Question", "question", "objective", "objectives", "review_question"),
                        field(f, "Population", "population", "participants"), field(f, "Concept", "concept"),
                        field(f, "Context", "context")),
                "Introduction: state the objectives in prose."));
        items.add(new ChecklistItem("5", "Methods", "Protocol and registration",
                "Whether a protocol exists, where it can be accessed, and its registration number.",
                f.protocol() == null ? null : "Protocol version " + f.protocol().version() + " saved in Winnow on "
                        + day(f.protocol().savedAt()) + (field(f, "Registration", "registration", "registry",
                        "osf", "prospero") == null ? "" : "; " + field(f, "Registration", "registration", "registry",
                        "osf", "prospero")),
                "Methods: where the protocol is published and its registration (e.g. OSF) number."));
        items.add(new ChecklistItem("6", "Methods", "Eligibility criteria",
                "The characteristics of the sources used as eligibility criteria (e.g. years, language, publication "
                        + "status), with a rationale.",
                join("; ", field(f, "Inclusion", "inclusion", "inclusion_criteria", "include"),
                        field(f, "Exclusion", "exclusion", "exclusion_criteria", "exclude"),
                        field(f, "Exclusion reasons", "reasons", "exclusion_reasons"),
                        field(f, "Limits", "limits", "years", "language", "languages")),
                "Methods: the rationale for each criterion."));
        items.add(new ChecklistItem("7", "Methods", "Information sources",
                "All sources searched (databases with their dates of coverage, contact with authors, other sources) "
                        + "and the date the most recent search was run.",
                informationSources(f),
                "Methods: each database's dates of coverage" + (missingDates(f) ? "; search dates missing for some "
                        + "sources (set them on the source)" : "") + "."));
        items.add(new ChecklistItem("8", "Methods", "Search",
                "The full electronic search strategy for at least one database, including limits, so it can be repeated.",
                searches(f), missingStrategies(f)));
        items.add(new ChecklistItem("9", "Methods", "Selection of sources of evidence",
                "The process for selecting sources (screening and eligibility).", selection(f),
                "Methods: how disagreements were settled in practice, and any pilot of the criteria."));
        items.add(new ChecklistItem("10", "Methods", "Data charting process",
                "How data were charted (calibrated forms, independent or duplicate charting) and any process for "
                        + "obtaining and confirming data from investigators.", charting(f),
                "Methods: whether the form was piloted and revised, and contact with investigators."));
        items.add(new ChecklistItem("11", "Methods", "Data items",
                "All variables sought, with any assumptions and simplifications.", dataItems(f),
                "Methods: define each variable and its assumptions."));
        items.add(new ChecklistItem("12", "Methods", "Critical appraisal of individual sources (optional)",
                "If done: the rationale, the methods, and how the results were used.", null,
                "Methods, if appraisal was done (optional for scoping reviews)."));
        items.add(new ChecklistItem("13", "Methods", "Synthesis of results",
                "How the charted data were handled and summarised.", null, "Methods."));
        items.add(new ChecklistItem("14", "Results", "Selection of sources of evidence",
                "The numbers of sources screened, assessed for eligibility and included, with the reasons for "
                        + "exclusion at each stage, ideally in a flow diagram.", selectionResults(f.flow()),
                f.flow() != null && f.flow().consistent()
                        ? "Results: insert the flow diagram (winnow report prisma --format svg|png|pdf)."
                        : "Results: finish screening so that the flow adds up, then insert the diagram."));
        items.add(new ChecklistItem("15", "Results", "Characteristics of sources of evidence",
                "The characteristics of each source charted, with citations.",
                f.flow() == null ? null : f.flow().newStudies() + " studies (" + f.flow().newReports()
                        + " reports) included; the list with citations: winnow report included",
                "Results: a table of the characteristics charted for each source."));
        items.add(new ChecklistItem("16", "Results", "Critical appraisal within sources of evidence (optional)",
                "If done, the appraisal data.", null, "Results, if appraisal was done (optional)."));
        items.add(new ChecklistItem("17", "Results", "Results of individual sources of evidence",
                "For each included source, the charted data relevant to the questions.",
                f.forms().isEmpty() ? null : "Charted with " + f.forms().size() + " form(s); entries per source are "
                        + "in the project (and its archive).",
                "Results: the charted data per source (table or appendix)."));
        items.add(new ChecklistItem("18", "Results", "Synthesis of results",
                "A summary or presentation of the charting results as they relate to the questions.", null, "Results."));
        items.add(new ChecklistItem("19", "Discussion", "Summary of evidence",
                "The main results (concepts, themes, types of evidence), linked to the questions; relevance to key groups.",
                null, "Discussion."));
        items.add(new ChecklistItem("20", "Discussion", "Limitations", "The limitations of the scoping-review process.",
                null, "Discussion."));
        items.add(new ChecklistItem("21", "Discussion", "Conclusions",
                "A general interpretation with respect to the questions, with implications and next steps.", null,
                "Discussion."));
        items.add(new ChecklistItem("22", "Funding", "Funding",
                "The funding of the included sources and of the review, and the funders' role.", null, "Funding statement."));
        return items;
    }

    /** The PRISMA-S items; the ones the project can answer are pre-filled. */
    public static List<ChecklistItem> searchReporting(ChecklistFacts f) {
        List<ChecklistItem> items = new ArrayList<>();
        List<ChecklistFacts.Source> dbs = f.sources().stream().filter(s -> "database".equals(s.kind())).toList();
        List<ChecklistFacts.Source> registers = f.sources().stream().filter(s -> "register".equals(s.kind())).toList();
        List<ChecklistFacts.Source> others = f.sources().stream().filter(s -> "other".equals(s.kind())).toList();
        items.add(new ChecklistItem("S1", "Information sources and methods", "Database name",
                "Each database searched, with the platform it was searched on.",
                dbs.isEmpty() ? null : dbs.stream().map(s -> s.name() + (blank(s.platform()) ? "" : " via " + s.platform()))
                        .collect(Collectors.joining("; ")), null));
        items.add(new ChecklistItem("S2", "Information sources and methods", "Multi-database searching",
                "Whether several databases were searched at once on one platform, and which.", null,
                "Methods: say whether any platform searched several databases at once."));
        items.add(new ChecklistItem("S3", "Information sources and methods", "Study registries",
                "The study registries searched.", registers.isEmpty() ? "No register was searched (none recorded)."
                        : registers.stream().map(ChecklistFacts.Source::name).collect(Collectors.joining("; ")), null));
        items.add(new ChecklistItem("S4", "Information sources and methods", "Online resources and browsing",
                "Online resources (web sites, tables of contents, proceedings) searched or browsed, and how.",
                otherOfKind(others, "website", "organisation", "organization"),
                "Methods: how each resource was browsed."));
        items.add(new ChecklistItem("S5", "Information sources and methods", "Citation searching",
                "Cited or citing references examined, and how.", otherOfKind(others, "citation", "reference"),
                "Methods: backward or forward, and the tool used."));
        items.add(new ChecklistItem("S6", "Information sources and methods", "Contacts",
                "Authors, experts, manufacturers or others contacted for studies or data.", null, "Methods."));
        items.add(new ChecklistItem("S7", "Information sources and methods", "Other methods",
                "Any other information sources or search methods.",
                others.isEmpty() ? null : others.stream().map(s -> s.name() + " (" + nz(s.otherMethod()) + ", "
                        + s.records() + " records)").collect(Collectors.joining("; ")), null));
        items.add(new ChecklistItem("S8", "Search strategies", "Full search strategies",
                "Every search strategy, copied exactly as run.", searches(f),
                f.sources().stream().anyMatch(s -> s.kind().equals("database") && blank(s.searchString()))
                        ? "Appendix: strategies missing for some databases (record them on the source)." : null));
        items.add(new ChecklistItem("S9", "Search strategies", "Limits and restrictions",
                "Limits applied (dates, language, …) and why.", field(f, "Limits", "limits", "years", "language"),
                "Methods: justify each limit."));
        items.add(new ChecklistItem("S10", "Search strategies", "Search filters",
                "Published search filters used (cited), and whether they were modified.", null, "Methods."));
        items.add(new ChecklistItem("S11", "Search strategies", "Prior work",
                "Search strategies reused or adapted from other reviews.", null, "Methods."));
        items.add(new ChecklistItem("S12", "Search strategies", "Updates",
                "Methods used to update the search (re-runs, alerts).",
                f.flow() != null && f.flow().updatedReview() ? "This is an updated review: "
                        + f.flow().previousStudies() + " studies included in the previous version." : null,
                "Methods: how and when the searches were updated."));
        items.add(new ChecklistItem("S13", "Search strategies", "Dates of searches",
                "For each source, the date of the last search.",
                f.sources().isEmpty() ? null : f.sources().stream().map(s -> s.name() + ": "
                        + (blank(s.searchedOn()) ? "date not recorded" : s.searchedOn())).collect(Collectors.joining("; ")),
                missingDates(f) ? "Record the missing search dates." : null));
        items.add(new ChecklistItem("S14", "Peer review", "Peer review",
                "How the search strategies were peer reviewed (e.g. PRESS).", null, "Methods."));
        items.add(new ChecklistItem("S15", "Managing records", "Total records",
                "The total number of records from each database and other source.",
                f.sources().isEmpty() ? null : f.sources().stream().map(s -> s.name() + " (n = " + s.records() + ")")
                        .collect(Collectors.joining("; ")) + "; " + f.sourceRecords() + " records in all", null));
        items.add(new ChecklistItem("S16", "Managing records", "Deduplication",
                "The deduplication process and the software used.", dedup(f), null));
        return items;
    }

    // ---- pieces

    private static String summaryFacts(ChecklistFacts f) {
        List<String> parts = new ArrayList<>();
        List<String> dbs = f.sources().stream().filter(s -> "database".equals(s.kind()))
                .map(ChecklistFacts.Source::name).toList();
        if (!dbs.isEmpty()) {
            parts.add("Sources of evidence: " + String.join(", ", dbs) + searchedUpTo(f));
        }
        FlowDiagram d = f.flow();
        if (d != null && d.consistent()) {
            parts.add("Results: " + d.recordsScreened() + " records screened, " + (d.dbrAssessed() + d.otherAssessed())
                    + " full texts assessed, " + d.newStudies() + " studies included");
        }
        return parts.isEmpty() ? null : String.join(". ", parts) + ".";
    }

    private static String searchedUpTo(ChecklistFacts f) {
        String latest = f.sources().stream().map(ChecklistFacts.Source::searchedOn).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).max(String::compareTo).orElse(null);
        return latest == null ? "" : " (searched up to " + latest + ")";
    }

    private static String informationSources(ChecklistFacts f) {
        if (f.sources().isEmpty()) {
            return null;
        }
        String list = f.sources().stream().map(s -> s.name() + (blank(s.platform()) ? "" : " (" + s.platform() + ")")
                + ("other".equals(s.kind()) ? " [" + nz(s.otherMethod()) + "]" : "")
                + (blank(s.searchedOn()) ? "" : ", searched " + s.searchedOn())).collect(Collectors.joining("; "));
        String latest = f.sources().stream().map(ChecklistFacts.Source::searchedOn).filter(s -> !blank(s))
                .max(String::compareTo).orElse(null);
        return list + (latest == null ? "" : ". Most recent search: " + latest + ".");
    }

    private static boolean missingDates(ChecklistFacts f) {
        return f.sources().stream().anyMatch(s -> blank(s.searchedOn()));
    }

    private static String searches(ChecklistFacts f) {
        String s = f.sources().stream().filter(x -> !blank(x.searchString()))
                .map(x -> x.name() + (blank(x.platform()) ? "" : " (" + x.platform() + ")")
                        + (blank(x.searchedOn()) ? "" : ", " + x.searchedOn()) + ":\n" + x.searchString().strip())
                .collect(Collectors.joining("\n\n"));
        return s.isEmpty() ? null : s;
    }

    private static String missingStrategies(ChecklistFacts f) {
        List<String> missing = f.sources().stream().filter(x -> "database".equals(x.kind()) && blank(x.searchString()))
                .map(ChecklistFacts.Source::name).toList();
        if (f.sources().stream().noneMatch(x -> !blank(x.searchString()))) {
            return "Appendix: the full strategy of at least one database (none is recorded in the project).";
        }
        return missing.isEmpty() ? null : "Appendix: the strategies for " + String.join(", ", missing)
                + " (not recorded in the project).";
    }

    private static String selection(ChecklistFacts f) {
        if (f.stages().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (ChecklistFacts.Stage s : f.stages()) {
            StringBuilder b = new StringBuilder(stageName(s.name())).append(": ");
            b.append(s.reviewersPerRecord()).append(s.reviewersPerRecord() == 1 ? " reviewer" : " reviewers")
                    .append(" per record").append(s.blinded() ? ", independently (blinded to each other)" : "")
                    .append("; ").append(s.reviewers()).append(" people made ").append(s.decisions())
                    .append(" decisions");
            Agreement a = s.agreement();
            if (a != null && a.n() > 0) {
                b.append(String.format(Locale.ROOT, "; agreement %.1f%% on %d records", 100 * a.percent(), a.n()));
                if (a.kappa() != null) {
                    b.append(String.format(Locale.ROOT, ", Cohen's kappa %.2f", a.kappa()));
                }
            }
            if (!s.resolutions().isEmpty()) {
                b.append("; resolved: ").append(s.resolutions().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
            parts.add(b.toString());
        }
        FlowDiagram d = f.flow();
        if (d != null && d.recordsExcludedByStoppingRule() > 0) {
            parts.add(d.recordsExcludedByStoppingRule() + " records were excluded unscreened by a stopping rule");
        }
        parts.add("Software: " + f.software());
        return String.join(". ", parts) + ".";
    }

    private static String stageName(String s) {
        return switch (s) {
            case "title-abstract" -> "Title/abstract screening";
            case "full-text" -> "Full-text screening";
            default -> s;
        };
    }

    private static String charting(ChecklistFacts f) {
        if (f.forms().isEmpty()) {
            return null;
        }
        return f.forms().stream().map(x -> "Form \"" + x.name() + "\" version " + x.version() + ": "
                + x.reviewerEntries() + " reviewer entries by " + x.people() + " people"
                + (x.consensusEntries() > 0 ? ", " + x.consensusEntries() + " consensus entries" : ""))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String dataItems(ChecklistFacts f) {
        if (f.forms().isEmpty()) {
            return null;
        }
        return f.forms().stream().map(x -> x.name() + ": " + String.join(", ", x.fields()))
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String selectionResults(FlowDiagram d) {
        if (d == null) {
            return null;
        }
        if (!d.consistent()) {
            return "The flow does not add up yet: " + d.violations().stream().map(Object::toString)
                    .collect(Collectors.joining("; "));
        }
        Map<String, Object> v = PrismaData.values(d);
        StringBuilder b = new StringBuilder();
        b.append(d.identifiedDatabaseRecords()).append(" records from databases and registers");
        if (d.otherMethods()) {
            b.append(" and ").append(d.identifiedOtherRecords()).append(" from other methods");
        }
        b.append("; ").append(d.duplicates()).append(" duplicates removed; ").append(d.recordsScreened())
                .append(" records screened, ").append(d.recordsExcluded()).append(" excluded; ")
                .append(d.dbrSoughtReports() + d.otherSoughtReports()).append(" reports sought, ")
                .append(d.dbrNotRetrievedReports() + d.otherNotRetrievedReports()).append(" not retrieved; ")
                .append(d.dbrAssessed() + d.otherAssessed()).append(" assessed for eligibility, ")
                .append(d.dbrExcludedTotal() + d.otherExcludedTotal()).append(" excluded");
        List<Count> reasons = new ArrayList<>(d.dbrExcluded());
        reasons.addAll(d.otherExcluded());
        if (!reasons.isEmpty()) {
            b.append(" (").append(reasons.stream().map(c -> c.label() + ": " + c.n()).collect(Collectors.joining(", ")))
                    .append(")");
        }
        b.append("; ").append(v.get("new_studies")).append(" studies (").append(v.get("new_reports"))
                .append(" reports) included.");
        return b.toString();
    }

    private static String otherOfKind(List<ChecklistFacts.Source> others, String... kinds) {
        String s = others.stream().filter(x -> {
            String m = nz(x.otherMethod()).toLowerCase(Locale.ROOT);
            for (String k : kinds) {
                if (m.contains(k)) {
                    return true;
                }
            }
            return false;
        }).map(x -> x.name() + " (" + x.records() + " records" + (blank(x.searchedOn()) ? "" : ", " + x.searchedOn())
                + ")").collect(Collectors.joining("; "));
        return s.isEmpty() ? null : s;
    }

    private static String dedup(ChecklistFacts f) {
        if (f.dedupRules().isEmpty()) {
            return null;
        }
        return f.sourceRecords() + " records were deduplicated in " + f.software() + " into " + f.studyRecords()
                + " study records; links by rule: " + f.dedupRules().stream().map(r -> r.rule() + " " + r.records())
                .collect(Collectors.joining(", ")) + ". Every link keeps the rule and evidence that made it.";
    }

    /** "Label: value" for the first protocol field found under any of the names, or null. */
    static String field(ChecklistFacts f, String label, String... names) {
        if (f.protocol() == null || f.protocol().fields().isEmpty()) {
            return null;
        }
        for (String n : names) {
            Object v = find(f.protocol().fields(), n);
            if (v != null) {
                String text = render(v);
                if (!text.isBlank()) {
                    return label + ": " + text;
                }
            }
        }
        return null;
    }

    private static Object find(Map<?, ?> m, String name) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        for (Object v : m.values()) {
            if (v instanceof Map<?, ?> nested) {
                Object found = find(nested, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String render(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(Checklists::render).collect(Collectors.joining("; "));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + render(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static String join(String sep, String... parts) {
        String s = java.util.Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining(sep));
        return s.isEmpty() ? null : s;
    }

    private static String day(String iso) {
        return iso == null || iso.length() < 10 ? String.valueOf(iso) : iso.substring(0, 10);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
