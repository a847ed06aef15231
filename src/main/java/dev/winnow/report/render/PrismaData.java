package dev.winnow.report.render;

import dev.winnow.report.flow.Count;
import dev.winnow.report.flow.FlowDiagram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A flow diagram under the data keys of the PRISMA2020 R package (Haddaway et al., Campbell Syst
 * Rev 2022;18:e1230; repository prisma-flowdiagram/PRISMA2020, file {@code inst/extdata/PRISMA.csv}
 * and {@code R/PRISMA_data.R}), so that a reviewer can restyle the diagram with that package.
 * Lists of counts use the package's own text form: {@code "Name, n; Name, n"}.
 */
public final class PrismaData {
    private PrismaData() {
    }

    /** The package's keys, in the order of its CSV template, with this diagram's values. */
    public static Map<String, Object> values(FlowDiagram d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("previous_studies", d.previousStudies());
        m.put("previous_reports", d.previousReports());
        m.put("database_results", d.databaseResults());
        m.put("database_specific_results", pairs(d.databases()));
        m.put("register_results", d.registerResults());
        m.put("register_specific_results", pairs(d.registers()));
        m.put("website_results", d.websiteResults());
        m.put("organisation_results", d.organisationResults());
        m.put("citations_results", d.citationsResults());
        m.put("duplicates", d.duplicates());
        m.put("excluded_automatic", d.excludedAutomatic());
        m.put("excluded_other", d.excludedOther());
        m.put("records_screened", d.recordsScreened());
        m.put("records_excluded", d.recordsExcluded());
        m.put("dbr_sought_reports", d.dbrSoughtReports());
        m.put("dbr_notretrieved_reports", d.dbrNotRetrievedReports());
        m.put("other_sought_reports", d.otherSoughtReports());
        m.put("other_notretrieved_reports", d.otherNotRetrievedReports());
        m.put("dbr_assessed", d.dbrAssessed());
        m.put("dbr_excluded", pairs(d.dbrExcluded()));
        m.put("other_assessed", d.otherAssessed());
        m.put("other_excluded", pairs(d.otherExcluded()));
        m.put("new_studies", d.newStudies());
        m.put("new_reports", d.newReports());
        m.put("total_studies", d.totalStudies());
        m.put("total_reports", d.totalReports());
        return m;
    }

    /**
     * The JSON Winnow writes: the package's keys at the top level, plus a {@code winnow} object with
     * what the package has no key for (per-source lists as arrays, the reviewer/stopping-rule split,
     * other methods outside the template's three, the template variant, warnings).
     */
    public static Map<String, Object> json(FlowDiagram d) {
        Map<String, Object> m = values(d);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("previous", d.updatedReview());
        w.put("other", d.otherMethods());
        w.put("databases", list(d.databases(), "name"));
        w.put("registers", list(d.registers(), "name"));
        w.put("other_sources", list(d.otherSources(), "name"));
        w.put("other_method_results", d.otherMethodResults());
        w.put("records_excluded_by_reviewers", d.recordsExcludedByReviewers());
        w.put("records_excluded_by_stopping_rule", d.recordsExcludedByStoppingRule());
        w.put("dbr_excluded", list(d.dbrExcluded(), "reason"));
        w.put("other_excluded", list(d.otherExcluded(), "reason"));
        w.put("warnings", d.warnings());
        m.put("winnow", w);
        return m;
    }

    private static List<Map<String, Object>> list(List<Count> counts, String labelKey) {
        return counts.stream().map(c -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put(labelKey, c.label());
            e.put("n", c.n());
            return e;
        }).toList();
    }

    /**
     * "Name, n; Name, n" as the package parses it (it splits on ";" and then ","), so commas and
     * semicolons inside a name become spaces.
     */
    static String pairs(List<Count> counts) {
        return counts.stream()
                .map(c -> c.label().replaceAll("[,;]", " ").replaceAll("\\s+", " ").strip() + ", " + c.n())
                .collect(Collectors.joining("; "));
    }
}
