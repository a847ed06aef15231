package dev.winnow.report.flow;

import dev.winnow.report.flow.StudyTrail.Eligibility;
import dev.winnow.report.flow.StudyTrail.Removal;
import dev.winnow.report.flow.StudyTrail.Retrieval;
import dev.winnow.report.flow.StudyTrail.Screening;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The PRISMA 2020 arithmetic: from {@link FlowFacts} to a {@link FlowDiagram}, checking that the
 * numbers add up. Pure: no I/O. Every box is counted from the study trails, independently of the
 * box above it, and then the template's equations are checked; a broken equation becomes a
 * {@link Violation} naming the numbers and the likely cause (records not yet linked by dedup,
 * records still waiting for a screening outcome, …).
 */
public final class FlowCalculator {
    /** The label under which full-text exclusions without a recorded reason are counted. */
    public static final String NO_REASON = "Reason not recorded";

    private FlowCalculator() {
    }

    public static FlowDiagram compute(FlowFacts facts) {
        List<Violation> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        // ---- identification: records per source
        List<Count> databases = new ArrayList<>();
        List<Count> registers = new ArrayList<>();
        long websites = 0;
        long organisations = 0;
        long citations = 0;
        long otherMethod = 0;
        List<Count> otherLabelled = new ArrayList<>();
        boolean hasWebsites = false;
        boolean hasOrganisations = false;
        boolean hasCitations = false;
        boolean previousSource = false;
        boolean otherSource = false;
        for (SourceTally s : facts.sources()) {
            if (s.declaredByFiles() != null && s.declaredByFiles() != s.records()) {
                violations.add(new Violation("records identified = records imported",
                        "source '" + s.displayName() + "': its import files announced " + s.declaredByFiles()
                                + " records but " + s.records() + " are stored (an import did not finish?)"));
            }
            switch (s.kind()) {
                case DATABASE -> databases.add(new Count(s.displayName(), s.records()));
                case REGISTER -> registers.add(new Count(s.displayName(), s.records()));
                case OTHER -> {
                    OtherMethod m = s.method() == null ? OtherMethod.OTHER : s.method();
                    switch (m) {
                        case WEBSITES -> { websites += s.records(); hasWebsites = true; otherSource = true; }
                        case ORGANISATIONS -> { organisations += s.records(); hasOrganisations = true; otherSource = true; }
                        case CITATION_SEARCHING -> { citations += s.records(); hasCitations = true; otherSource = true; }
                        case PREVIOUS_REVIEW -> previousSource = true;
                        case OTHER -> {
                            otherMethod += s.records();
                            otherSource = true;
                            String label = s.methodLabel() == null || s.methodLabel().isBlank()
                                    ? s.displayName() : s.methodLabel().strip();
                            otherLabelled.add(new Count(label, s.records()));
                        }
                    }
                }
            }
        }
        List<Count> otherSources = new ArrayList<>();
        if (hasWebsites) {
            otherSources.add(new Count(OtherMethod.WEBSITES.label(), websites));
        }
        if (hasOrganisations) {
            otherSources.add(new Count(OtherMethod.ORGANISATIONS.label(), organisations));
        }
        if (hasCitations) {
            otherSources.add(new Count(OtherMethod.CITATION_SEARCHING.label(), citations));
        }
        otherSources.addAll(merge(otherLabelled));
        long databaseResults = sum(databases);
        long registerResults = sum(registers);
        long identifiedDbr = databaseResults + registerResults;

        // ---- the study records, by column
        List<StudyTrail> dbr = filter(facts.studies(), StudyTrail::inDatabaseColumn);
        List<StudyTrail> other = filter(facts.studies(), StudyTrail::inOtherColumn);
        List<StudyTrail> previous = filter(facts.studies(), StudyTrail::previous);
        List<StudyTrail> orphans = filter(facts.studies(), t -> t.databaseRecords() + t.registerRecords()
                + t.otherRecords() + t.previousRecords() == 0);
        if (!orphans.isEmpty()) {
            violations.add(new Violation("every study record comes from a source",
                    orphans.size() + " study records have no source record linked to them " + ids(orphans)));
        }
        long linkedDbr = facts.studies().stream().mapToLong(t -> t.databaseRecords() + t.registerRecords()).sum();
        if (linkedDbr + facts.unlinkedDatabaseRecords() != identifiedDbr) {
            violations.add(new Violation("records identified = records linked to studies + records not linked",
                    "the sources hold " + identifiedDbr + " database and register records, but the study links "
                            + "count " + linkedDbr + " and " + facts.unlinkedDatabaseRecords() + " are unlinked"));
        }
        if (facts.unlinkedOtherRecords() > 0) {
            violations.add(new Violation("every record identified by other methods belongs to a study",
                    facts.unlinkedOtherRecords() + " records from other methods are not linked to a study yet "
                            + "(run dedup)"));
        }

        // ---- removed before screening
        long duplicates = linkedDbr - dbr.size();
        long removedByAutomation = count(dbr, t -> t.removal() == Removal.AUTOMATION);
        long removedOther = count(dbr, t -> t.removal() == Removal.OTHER_REASON);
        List<StudyTrail> screenable = filter(dbr, t -> t.removal() == Removal.NONE);

        // ---- title/abstract screening (databases and registers)
        List<StudyTrail> screened = filter(screenable, t -> t.screening().decided());
        long recordsScreened = screened.size();
        long expectedScreened = identifiedDbr - duplicates - removedByAutomation - removedOther;
        if (recordsScreened != expectedScreened) {
            List<String> causes = new ArrayList<>();
            if (facts.unlinkedDatabaseRecords() > 0) {
                causes.add(facts.unlinkedDatabaseRecords() + " records are not linked to a study yet (run dedup)");
            }
            long notScreened = count(screenable, t -> t.screening() == Screening.NOT_SCREENED);
            long pending = count(screenable, t -> t.screening() == Screening.PENDING);
            if (notScreened > 0) {
                causes.add(notScreened + " records have not been screened");
            }
            if (pending > 0) {
                causes.add(pending + " records wait for more decisions or a resolution of a conflict");
            }
            violations.add(new Violation("records screened = records identified − records removed before screening",
                    recordsScreened + " ≠ " + identifiedDbr + " − " + (duplicates + removedByAutomation + removedOther)
                            + " = " + expectedScreened + (causes.isEmpty() ? "" : ": " + String.join("; ", causes))));
        }
        long excludedByReviewers = count(screened, t -> t.screening() == Screening.EXCLUDED_BY_REVIEWERS);
        long excludedByRule = count(screened, t -> t.screening() == Screening.EXCLUDED_BY_STOPPING_RULE);
        long recordsExcluded = excludedByReviewers + excludedByRule;

        List<StudyTrail> strayFullText = filter(facts.studies(), t -> !t.previous()
                && t.screening() != Screening.INCLUDED && t.inDatabaseColumn()
                && (t.retrieval() != Retrieval.NOT_SOUGHT || t.eligibility() != Eligibility.NOT_ASSESSED));
        if (!strayFullText.isEmpty()) {
            violations.add(new Violation("only records that pass screening reach full text",
                    strayFullText.size() + " records have full-text retrieval or decisions without having passed "
                            + "title/abstract screening " + ids(strayFullText)));
        }

        // ---- full text (databases and registers)
        List<StudyTrail> sought = filter(screened, t -> t.screening() == Screening.INCLUDED);
        long dbrSought = sought.size();
        if (dbrSought != recordsScreened - recordsExcluded) {
            violations.add(new Violation("reports sought = records screened − records excluded",
                    dbrSought + " ≠ " + recordsScreened + " − " + recordsExcluded));
        }
        FullText dbrFull = fullText(sought, "databases and registers", violations, warnings);

        // ---- other methods: no screening box; straight to reports sought
        List<StudyTrail> otherExcludedEarly = filter(other, t -> t.screening().excluded()
                || t.removal() != Removal.NONE);
        if (!otherExcludedEarly.isEmpty()) {
            warnings.add(otherExcludedEarly.size() + " records found only by other methods were excluded or removed "
                    + "before full text; the PRISMA 2020 template has no box for this, so they are left out of "
                    + "'reports sought for retrieval' (other methods)");
        }
        List<StudyTrail> otherSought = filter(other, t -> !t.screening().excluded() && t.removal() == Removal.NONE);
        FullText otherFull = fullText(otherSought, "other methods", violations, warnings);

        // ---- included
        Set<Long> previousGroups = previous.stream().map(StudyTrail::group).collect(Collectors.toSet());
        List<StudyTrail> included = new ArrayList<>(dbrFull.included);
        included.addAll(otherFull.included);
        long newReports = included.size();
        Set<Long> newGroups = new HashSet<>();
        for (StudyTrail t : included) {
            if (!previousGroups.contains(t.group())) {
                newGroups.add(t.group());
            }
        }
        long newStudies = newGroups.size();
        long previousStudies = previousGroups.size();
        long previousReports = previous.size();
        if (newStudies > newReports) {
            violations.add(new Violation("studies included ≤ reports of included studies",
                    newStudies + " studies from " + newReports + " reports"));
        }
        boolean updated = previousSource || !previous.isEmpty();
        boolean otherMethods = otherSource || !other.isEmpty();

        return new FlowDiagram(updated, otherMethods, databases, registers, databaseResults, registerResults,
                otherSources, websites, organisations, citations, otherMethod,
                duplicates, removedByAutomation, removedOther,
                recordsScreened, recordsExcluded, excludedByReviewers, excludedByRule,
                dbrSought, dbrFull.notRetrieved, dbrFull.assessed, dbrFull.excluded,
                otherSought.size(), otherFull.notRetrieved, otherFull.assessed, otherFull.excluded,
                previousStudies, previousReports, newStudies, newReports,
                previousStudies + newStudies, previousReports + newReports,
                violations, warnings);
    }

    private record FullText(long notRetrieved, long assessed, List<Count> excluded, List<StudyTrail> included) {
    }

    /** Reports sought → not retrieved / assessed → excluded with reasons / included, for one column. */
    private static FullText fullText(List<StudyTrail> sought, String column, List<Violation> violations,
                                     List<String> warnings) {
        List<StudyTrail> notRetrieved = filter(sought, t -> t.retrieval() == Retrieval.NOT_RETRIEVED);
        List<StudyTrail> contradictory = filter(notRetrieved, t -> t.eligibility().decided());
        if (!contradictory.isEmpty()) {
            violations.add(new Violation("a report not retrieved cannot be assessed",
                    contradictory.size() + " reports (" + column + ") are marked not retrieved but have a full-text "
                            + "outcome " + ids(contradictory)));
        }
        List<StudyTrail> assessed = filter(sought, t -> t.retrieval() != Retrieval.NOT_RETRIEVED
                && t.eligibility().decided());
        long expected = sought.size() - notRetrieved.size();
        if (assessed.size() != expected) {
            long waiting = count(sought, t -> t.retrieval() != Retrieval.NOT_RETRIEVED && !t.eligibility().decided());
            violations.add(new Violation("reports assessed = reports sought − reports not retrieved",
                    "(" + column + ") " + assessed.size() + " ≠ " + sought.size() + " − " + notRetrieved.size() + " = "
                            + expected + (waiting > 0 ? ": " + waiting + " reports wait for a full-text outcome" : "")));
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        long unexplained = 0;
        List<StudyTrail> included = new ArrayList<>();
        for (StudyTrail t : assessed) {
            if (t.eligibility() == Eligibility.INCLUDED) {
                included.add(t);
            } else {
                String r = t.exclusionReason();
                if (r == null || r.isBlank()) {
                    r = NO_REASON;
                    unexplained++;
                }
                reasons.merge(r.strip(), 1L, Long::sum);
            }
        }
        if (unexplained > 0) {
            warnings.add(unexplained + " full-text exclusions (" + column + ") have no recorded reason; journals "
                    + "expect a reason for every excluded report");
        }
        List<Count> excluded = reasons.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Count::n).reversed().thenComparing(Count::label))
                .toList();
        long excludedTotal = sum(excluded);
        if (excludedTotal != assessed.size() - included.size()) {
            violations.add(new Violation("reports excluded = reports assessed − reports included",
                    "(" + column + ") " + excludedTotal + " ≠ " + assessed.size() + " − " + included.size()));
        }
        return new FullText(notRetrieved.size(), assessed.size(), excluded, included);
    }

    private static List<Count> merge(List<Count> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach(c -> m.merge(c.label(), c.n(), Long::sum));
        return m.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private static long sum(List<Count> counts) {
        return counts.stream().mapToLong(Count::n).sum();
    }

    private static List<StudyTrail> filter(List<StudyTrail> ts, Predicate<StudyTrail> p) {
        return ts.stream().filter(p).toList();
    }

    private static long count(List<StudyTrail> ts, Predicate<StudyTrail> p) {
        return ts.stream().filter(p).count();
    }

    private static String ids(List<StudyTrail> ts) {
        String shown = ts.stream().limit(10).map(t -> "#" + t.studyId()).collect(Collectors.joining(", "));
        return "(study " + shown + (ts.size() > 10 ? ", …" : "") + ")";
    }
}
