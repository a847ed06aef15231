package dev.winnow.report.flow;

import java.util.List;

/**
 * The PRISMA 2020 flow of one review, every number computed from the project's data by
 * {@link FlowCalculator}. Names follow the boxes of the PRISMA 2020 templates (Page et al., BMJ
 * 2021;372:n71) and the data keys of the PRISMA2020 R package; see {@code docs/reporting.md}.
 *
 * <p>A diagram with {@link #violations()} must not be drawn: its numbers do not add up.
 */
public record FlowDiagram(
        boolean updatedReview, boolean otherMethods,
        List<Count> databases, List<Count> registers, long databaseResults, long registerResults,
        List<Count> otherSources, long websiteResults, long organisationResults, long citationsResults,
        long otherMethodResults,
        long duplicates, long excludedAutomatic, long excludedOther,
        long recordsScreened, long recordsExcluded, long recordsExcludedByReviewers,
        long recordsExcludedByStoppingRule,
        long dbrSoughtReports, long dbrNotRetrievedReports, long dbrAssessed, List<Count> dbrExcluded,
        long otherSoughtReports, long otherNotRetrievedReports, long otherAssessed, List<Count> otherExcluded,
        long previousStudies, long previousReports, long newStudies, long newReports, long totalStudies,
        long totalReports,
        List<Violation> violations, List<String> warnings) {

    public FlowDiagram {
        databases = List.copyOf(databases);
        registers = List.copyOf(registers);
        otherSources = List.copyOf(otherSources);
        dbrExcluded = List.copyOf(dbrExcluded);
        otherExcluded = List.copyOf(otherExcluded);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    /** True when every invariant holds and the diagram may be drawn. */
    public boolean consistent() {
        return violations.isEmpty();
    }

    /** Records identified in databases and registers. */
    public long identifiedDatabaseRecords() {
        return databaseResults + registerResults;
    }

    /** Records identified by other methods (previous-review studies not included). */
    public long identifiedOtherRecords() {
        return websiteResults + organisationResults + citationsResults + otherMethodResults;
    }

    public long removedBeforeScreening() {
        return duplicates + excludedAutomatic + excludedOther;
    }

    public long dbrExcludedTotal() {
        return dbrExcluded.stream().mapToLong(Count::n).sum();
    }

    public long otherExcludedTotal() {
        return otherExcluded.stream().mapToLong(Count::n).sum();
    }
}
