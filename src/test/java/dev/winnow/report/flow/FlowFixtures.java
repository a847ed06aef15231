package dev.winnow.report.flow;

import dev.winnow.importing.SourceKind;
import dev.winnow.report.flow.StudyTrail.Eligibility;
import dev.winnow.report.flow.StudyTrail.Removal;
import dev.winnow.report.flow.StudyTrail.Retrieval;
import dev.winnow.report.flow.StudyTrail.Screening;
import java.util.ArrayList;
import java.util.List;

/** Hand-built projects for the flow and rendering tests. */
public final class FlowFixtures {
    private FlowFixtures() {
    }

    /** Builds study trails in bulk: n studies, each given the same fate. */
    public static final class Trails {
        public final List<StudyTrail> list = new ArrayList<>();
        long next = 1;

        public Trails add(int n, int dbRecordsEach, Screening s, Retrieval r, Eligibility e, String reason) {
            for (int i = 0; i < n; i++) {
                long id = next++;
                list.add(new StudyTrail(id, id, dbRecordsEach, 0, 0, 0, Removal.NONE, s, r, e, reason));
            }
            return this;
        }

        public Trails add(StudyTrail t) {
            list.add(t);
            next = Math.max(next, t.studyId() + 1);
            return this;
        }

        public long id() {
            return next++;
        }
    }

    /** 100 records in two databases, 20 duplicates, 3 removed, 77 screened, 6 reports of 5 studies included. */
    public static Trails newReview() {
        Trails t = new Trails();
        t.add(20, 2, Screening.EXCLUDED_BY_REVIEWERS, Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null);
        t.add(40, 1, Screening.EXCLUDED_BY_REVIEWERS, Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null);
        t.add(5, 1, Screening.EXCLUDED_BY_STOPPING_RULE, Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null);
        long a = t.id();
        long b = t.id();
        long c = t.id();
        t.add(new StudyTrail(a, a, 1, 0, 0, 0, Removal.AUTOMATION, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        t.add(new StudyTrail(b, b, 1, 0, 0, 0, Removal.AUTOMATION, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        t.add(new StudyTrail(c, c, 1, 0, 0, 0, Removal.OTHER_REASON, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        t.add(2, 1, Screening.INCLUDED, Retrieval.NOT_RETRIEVED, Eligibility.NOT_ASSESSED, null);
        t.add(3, 1, Screening.INCLUDED, Retrieval.RETRIEVED, Eligibility.EXCLUDED, "Wrong population");
        t.add(1, 1, Screening.INCLUDED, Retrieval.RETRIEVED, Eligibility.EXCLUDED, "Wrong concept");
        t.add(6, 1, Screening.INCLUDED, Retrieval.RETRIEVED, Eligibility.INCLUDED, null);
        // the last two included reports describe one study
        StudyTrail last = t.list.removeLast();
        StudyTrail before = t.list.getLast();
        t.list.add(last.inGroup(before.group()));
        return t;
    }

    public static List<SourceTally> twoDatabases() {
        return List.of(new SourceTally("MEDLINE", "Ovid", SourceKind.DATABASE, null, null, 60, 60L),
                SourceTally.database("CINAHL", 40));
    }


    /** The new review's diagram. */
    public static FlowDiagram newReviewDiagram() {
        return FlowCalculator.compute(new FlowFacts(twoDatabases(), newReview().list));
    }
}
