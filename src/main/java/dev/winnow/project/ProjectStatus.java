package dev.winnow.project;

import java.util.Map;

/** How far a project has got: the counts `winnow status` prints. */
public record ProjectStatus(
        String project, String title, String kind, long sources, long importFiles, long sourceRecords,
        long studyRecords, Map<String, Long> decisionsPerStage) {
}
