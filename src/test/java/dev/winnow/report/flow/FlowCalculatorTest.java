package dev.winnow.report.flow;

import dev.winnow.importing.SourceKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.report.flow.StudyTrail.Eligibility;
import dev.winnow.report.flow.StudyTrail.Removal;
import dev.winnow.report.flow.StudyTrail.Retrieval;
import dev.winnow.report.flow.StudyTrail.Screening;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PRISMA 2020 arithmetic on hand-built projects. */
class FlowCalculatorTest {

    @Test
    void aNewReviewAddsUpBoxByBox() {
        FlowDiagram d = FlowCalculator.compute(new FlowFacts(FlowFixtures.twoDatabases(), FlowFixtures.newReview().list));

        assertThat(d.violations()).isEmpty();
        assertThat(d.databases()).containsExactly(new Count("MEDLINE (Ovid)", 60), new Count("CINAHL", 40));
        assertThat(d.databaseResults()).isEqualTo(100);
        assertThat(d.duplicates()).isEqualTo(20);
        assertThat(d.excludedAutomatic()).isEqualTo(2);
        assertThat(d.excludedOther()).isEqualTo(1);
        assertThat(d.recordsScreened()).isEqualTo(77);
        assertThat(d.recordsExcluded()).isEqualTo(65);
        assertThat(d.recordsExcludedByReviewers()).isEqualTo(60);
        assertThat(d.recordsExcludedByStoppingRule()).isEqualTo(5);
        assertThat(d.dbrSoughtReports()).isEqualTo(12);
        assertThat(d.dbrNotRetrievedReports()).isEqualTo(2);
        assertThat(d.dbrAssessed()).isEqualTo(10);
        assertThat(d.dbrExcluded()).containsExactly(new Count("Wrong population", 3), new Count("Wrong concept", 1));
        assertThat(d.newReports()).isEqualTo(6);
        assertThat(d.newStudies()).isEqualTo(5);
        assertThat(d.updatedReview()).isFalse();
        assertThat(d.otherMethods()).isFalse();
        assertThat(d.totalStudies()).isEqualTo(5);
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void otherMethodsHaveTheirOwnColumnWithoutAScreeningBox() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        long web = t.id();
        long cite1 = t.id();
        long cite2 = t.id();
        long both = t.id();
        // found on a website only, included; two citation-search finds, one not retrieved, one excluded
        t.add(new StudyTrail(web, web, 0, 0, 1, 0, Removal.NONE, Screening.NOT_SCREENED, Retrieval.RETRIEVED,
                Eligibility.INCLUDED, null));
        t.add(new StudyTrail(cite1, cite1, 0, 0, 2, 0, Removal.NONE, Screening.NOT_SCREENED,
                Retrieval.NOT_RETRIEVED, Eligibility.NOT_ASSESSED, null));
        t.add(new StudyTrail(cite2, cite2, 0, 0, 1, 0, Removal.NONE, Screening.NOT_SCREENED, Retrieval.RETRIEVED,
                Eligibility.EXCLUDED, "Not a care model"));
        // found in a database and by citation searching: it stays in the databases column (a duplicate there)
        t.add(new StudyTrail(both, both, 1, 0, 1, 0, Removal.NONE, Screening.EXCLUDED_BY_REVIEWERS,
                Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null));
        List<SourceTally> sources = new ArrayList<>(FlowFixtures.twoDatabases());
        sources.set(1, SourceTally.database("CINAHL", 41));
        sources.add(SourceTally.other("Palliative care society site", OtherMethod.WEBSITES, 1));
        sources.add(SourceTally.other("Reference lists", OtherMethod.CITATION_SEARCHING, 4));

        FlowDiagram d = FlowCalculator.compute(new FlowFacts(sources, t.list));

        assertThat(d.violations()).isEmpty();
        assertThat(d.otherMethods()).isTrue();
        assertThat(d.otherSources()).containsExactly(new Count("Websites", 1), new Count("Citation searching", 4));
        assertThat(d.websiteResults()).isEqualTo(1);
        assertThat(d.citationsResults()).isEqualTo(4);
        assertThat(d.organisationResults()).isZero();
        assertThat(d.recordsScreened()).isEqualTo(78);
        assertThat(d.duplicates()).isEqualTo(20);
        assertThat(d.otherSoughtReports()).isEqualTo(3);
        assertThat(d.otherNotRetrievedReports()).isEqualTo(1);
        assertThat(d.otherAssessed()).isEqualTo(2);
        assertThat(d.otherExcluded()).containsExactly(new Count("Not a care model", 1));
        assertThat(d.newReports()).isEqualTo(7);
        assertThat(d.newStudies()).isEqualTo(6);
    }

    @Test
    void anUpdatedReviewCountsPreviousNewAndTotal() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        long p1 = t.id();
        long p2 = t.id();
        long p3 = t.id();
        // three reports of two previously included studies; p3 was found again by the new database search
        t.add(new StudyTrail(p1, 900, 0, 0, 0, 1, Removal.NONE, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        t.add(new StudyTrail(p2, 900, 0, 0, 0, 1, Removal.NONE, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        t.add(new StudyTrail(p3, 901, 1, 0, 0, 1, Removal.NONE, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        // a new report of previously included study 901 is included again: a report, not a new study
        StudyTrail lastIncluded = t.list.stream().filter(s -> s.eligibility() == Eligibility.INCLUDED).findFirst()
                .orElseThrow();
        t.list.set(t.list.indexOf(lastIncluded), lastIncluded.inGroup(901));
        List<SourceTally> sources = List.of(new SourceTally("MEDLINE", "Ovid", SourceKind.DATABASE, null, null, 61, 61L),
                SourceTally.database("CINAHL", 40), SourceTally.other("Review 2019", OtherMethod.PREVIOUS_REVIEW, 3));

        FlowDiagram d = FlowCalculator.compute(new FlowFacts(sources, t.list));

        assertThat(d.violations()).isEmpty();
        assertThat(d.updatedReview()).isTrue();
        assertThat(d.otherMethods()).isFalse();
        assertThat(d.previousStudies()).isEqualTo(2);
        assertThat(d.previousReports()).isEqualTo(3);
        // the re-found previous study's database record counts as a duplicate
        assertThat(d.duplicates()).isEqualTo(21);
        assertThat(d.recordsScreened()).isEqualTo(77);
        assertThat(d.newReports()).isEqualTo(6);
        assertThat(d.newStudies()).isEqualTo(4);
        assertThat(d.totalStudies()).isEqualTo(6);
        assertThat(d.totalReports()).isEqualTo(9);
    }

    @Test
    void unscreenedAndUnlinkedRecordsBreakTheScreeningEquation() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        t.add(3, 1, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null);
        t.add(2, 1, Screening.PENDING, Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null);
        List<SourceTally> sources = List.of(SourceTally.database("MEDLINE", 64), SourceTally.database("CINAHL", 44));

        FlowDiagram d = FlowCalculator.compute(new FlowFacts(sources, t.list, 3, 0));

        assertThat(d.consistent()).isFalse();
        assertThat(d.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("records screened = records identified − records removed before screening");
            assertThat(v.message()).startsWith("77 ≠ 108 − 23 = 85")
                    .contains("3 records are not linked to a study yet")
                    .contains("3 records have not been screened")
                    .contains("2 records wait for more decisions");
        });
    }

    @Test
    void fullTextContradictionsAndMissingOutcomesAreListed() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        t.add(1, 1, Screening.INCLUDED, Retrieval.NOT_RETRIEVED, Eligibility.INCLUDED, null);
        t.add(2, 1, Screening.INCLUDED, Retrieval.RETRIEVED, Eligibility.PENDING, null);
        t.add(1, 1, Screening.EXCLUDED_BY_REVIEWERS, Retrieval.RETRIEVED, Eligibility.INCLUDED, null);
        t.add(1, 1, Screening.INCLUDED, Retrieval.RETRIEVED, Eligibility.EXCLUDED, null);
        List<SourceTally> sources = List.of(SourceTally.database("MEDLINE", 65), SourceTally.database("CINAHL", 40),
                new SourceTally("Embase", "", SourceKind.DATABASE, null, null, 0, 12L));

        FlowDiagram d = FlowCalculator.compute(new FlowFacts(sources, t.list));

        assertThat(d.violations()).extracting(Violation::rule).containsExactlyInAnyOrder(
                "records identified = records imported",
                "only records that pass screening reach full text",
                "a report not retrieved cannot be assessed",
                "reports assessed = reports sought − reports not retrieved");
        assertThat(d.violations()).filteredOn(v -> v.rule().startsWith("reports assessed")).singleElement()
                .extracting(Violation::message).asString().contains("2 reports wait for a full-text outcome");
        assertThat(d.violations()).filteredOn(v -> v.rule().startsWith("records identified")).singleElement()
                .extracting(Violation::message).asString().contains("'Embase'").contains("announced 12");
        assertThat(d.dbrExcluded()).contains(new Count(FlowCalculator.NO_REASON, 1));
        assertThat(d.warnings()).anyMatch(w -> w.contains("1 full-text exclusions (databases and registers) have no "
                + "recorded reason"));
    }

    @Test
    void linksThatDoNotMatchTheSourcesAreReported() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        long orphan = t.id();
        t.add(new StudyTrail(orphan, orphan, 0, 0, 0, 0, Removal.NONE, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));

        FlowDiagram d = FlowCalculator.compute(new FlowFacts(
                List.of(SourceTally.database("MEDLINE", 60), SourceTally.database("CINAHL", 39)), t.list, 0, 2));

        assertThat(d.violations()).extracting(Violation::rule).containsExactlyInAnyOrder(
                "every study record comes from a source",
                "records identified = records linked to studies + records not linked",
                "every record identified by other methods belongs to a study",
                "records screened = records identified − records removed before screening");
        assertThat(d.violations().getFirst().message()).contains("#" + orphan);
    }

    @Test
    void otherMethodLabelsAreKeptAndPreviousReviewIsNotIdentification() {
        List<SourceTally> sources = List.of(
                new SourceTally("Hand search of JPSM", "", SourceKind.OTHER, OtherMethod.of("hand searching"),
                        "Hand searching", 2, null),
                new SourceTally("Experts", "", SourceKind.OTHER, OtherMethod.of("Organizations"), "Organizations", 1, null),
                new SourceTally("2019 review", "", SourceKind.OTHER, OtherMethod.of("previous-review"), null, 5, null));

        FlowDiagram d = FlowCalculator.compute(new FlowFacts(sources, List.of()));

        assertThat(d.otherSources()).containsExactly(new Count("Organisations", 1), new Count("Hand searching", 2));
        assertThat(d.identifiedOtherRecords()).isEqualTo(3);
        assertThat(d.updatedReview()).isTrue();
    }
}
