package dev.winnow.report.checklist;

import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.screen.Agreement;
import java.util.List;
import java.util.Map;

/**
 * What the project knows that the checklists ask for, as plain values (read by
 * {@link ChecklistService}, or built by hand in tests).
 */
public record ChecklistFacts(
        String title, String kind, Protocol protocol, List<Source> sources, List<Stage> stages, FlowDiagram flow,
        List<Form> forms, List<Rule> dedupRules, long sourceRecords, long studyRecords, String software) {

    /** The newest protocol version; {@code fields} is its body read as YAML/JSON (empty when it is plain text). */
    public record Protocol(int version, String savedAt, Map<String, Object> fields, String body) {
    }

    /** A searched source, with its import files. */
    public record Source(String name, String platform, String kind, String otherMethod, String searchString,
                         String searchedOn, String notes, long records, List<File> files) {
    }

    public record File(String name, String sha256, String format, int records, String importedAt) {
    }

    /**
     * A screening stage as run.
     *
     * @param resolutions how conflicts and outcomes were resolved: method → count
     */
    public record Stage(String name, int reviewersPerRecord, boolean blinded, int reviewers, long decisions,
                        Agreement agreement, Map<String, Long> resolutions) {
    }

    /** A charting form: its fields' labels, entries by role, distinct people charting. */
    public record Form(String name, int version, List<String> fields, long reviewerEntries, long consensusEntries,
                       long people) {
    }

    public record Rule(String rule, long records) {
    }
}
