package dev.winnow.report.flow;

import java.util.List;

/**
 * Everything the PRISMA 2020 flow is computed from, as plain values: the sources with their
 * record counts, each study record's trail, and how many source records dedup has not yet linked
 * to a study. Built from the database by the report service, or by hand in tests.
 *
 * @param unlinkedDatabaseRecords database/register source records without a study
 * @param unlinkedOtherRecords    other-method source records without a study
 */
public record FlowFacts(List<SourceTally> sources, List<StudyTrail> studies, long unlinkedDatabaseRecords,
                        long unlinkedOtherRecords) {
    public FlowFacts {
        sources = List.copyOf(sources);
        studies = List.copyOf(studies);
    }

    public FlowFacts(List<SourceTally> sources, List<StudyTrail> studies) {
        this(sources, studies, 0, 0);
    }
}
