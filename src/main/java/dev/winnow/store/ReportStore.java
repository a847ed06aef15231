package dev.winnow.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The reads the report needs that no other store offers: per-source record tallies, the sources
 * behind each study, unlinked records, related-report pairs, and charting forms (decisions, resolutions and full
 * texts are read through the screening stores).
 * Read-only.
 */
public final class ReportStore {
    private ReportStore() {
    }

    /** A source with the records stored for it and what its import files announced. */
    public record SourceRow(long id, String name, String platform, String kind, String otherMethod,
                            String searchString, String searchedOn, String notes, long records, Long declared,
                            int files) {
    }

    /** How many of a study's source records come from sources of one kind (and other method). */
    public record StudySourceRow(long studyId, String kind, String otherMethod, String sourceName, long records) {
    }

    /** Source records without a study, by the kind of their source. */
    public record UnlinkedRow(String kind, String otherMethod, String sourceName, long records) {
    }

    /** A pair of studies a person marked as reports of the same study ("related", not merged). */
    public record RelatedPair(long studyA, long studyB) {
    }

    /** An import file as the checklist and the archive show it. */
    public record ImportFileRow(long id, long sourceId, String fileName, String sha256, long sizeBytes, String format,
                                int recordCount, String importedAt) {
    }

    public static List<SourceRow> sources(Handle h, long projectId) {
        return h.createQuery("select s.id, s.name, s.platform, s.kind, s.other_method, s.search_string, s.searched_on, "
                        + "s.notes, (select count(*) from source_record r where r.source_id = s.id), "
                        + "(select sum(f.record_count) from import_file f where f.source_id = s.id), "
                        + "(select count(*) from import_file f where f.source_id = s.id) "
                        + "from source s where s.project_id = :p order by s.id")
                .bind("p", projectId)
                .map((rs, ctx) -> {
                    long declared = rs.getLong(10);
                    boolean none = rs.wasNull();
                    return new SourceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                            none ? null : declared, rs.getInt(11));
                })
                .list();
    }

    public static List<ImportFileRow> importFiles(Handle h, long projectId) {
        return h.createQuery("select id, source_id, file_name, sha256, size_bytes, format, record_count, imported_at "
                        + "from import_file where project_id = :p order by id")
                .bind("p", projectId)
                .map((rs, ctx) -> new ImportFileRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getInt(7), rs.getString(8)))
                .list();
    }

    public static List<Long> studyIds(Handle h, long projectId) {
        return h.createQuery("select id from study where project_id = :p order by id").bind("p", projectId)
                .mapTo(Long.class).list();
    }

    public static List<StudySourceRow> studySources(Handle h, long projectId) {
        return h.createQuery("select l.study_id, s.kind, s.other_method, s.name, count(*) from study_link l "
                        + "join source_record r on r.id = l.source_record_id join source s on s.id = r.source_id "
                        + "where r.project_id = :p group by l.study_id, s.kind, s.other_method, s.name")
                .bind("p", projectId)
                .map((rs, ctx) -> new StudySourceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    public static List<UnlinkedRow> unlinked(Handle h, long projectId) {
        return h.createQuery("select s.kind, s.other_method, s.name, count(*) from source_record r "
                        + "join source s on s.id = r.source_id left join study_link l on l.source_record_id = r.id "
                        + "where r.project_id = :p and l.source_record_id is null group by s.kind, s.other_method, s.name")
                .bind("p", projectId)
                .map((rs, ctx) -> new UnlinkedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    public static List<RelatedPair> relatedStudies(Handle h, long projectId) {
        return h.createQuery("select la.study_id, lb.study_id from dedup_pair d "
                        + "join study_link la on la.source_record_id = d.record_a "
                        + "join study_link lb on lb.source_record_id = d.record_b "
                        + "where d.project_id = :p and d.status = 'related'")
                .bind("p", projectId)
                .map((rs, ctx) -> new RelatedPair(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** The newest protocol version: number, body, date; null when there is none. */
    public record ProtocolRow(int version, String body, String createdAt) {
    }

    public static ProtocolRow latestProtocol(Handle h, long projectId) {
        return h.createQuery("select version, body, created_at from protocol_version where project_id = :p "
                        + "order by version desc limit 1")
                .bind("p", projectId)
                .map((rs, ctx) -> new ProtocolRow(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .findOne().orElse(null);
    }

    /** Link rules and how many source records each linked (dedup's reasons, for PRISMA-S item 16). */
    public record RuleCount(String rule, long records) {
    }

    public static List<RuleCount> linkRules(Handle h, long projectId) {
        return h.createQuery("select l.rule, count(*) from study_link l join study s on s.id = l.study_id "
                        + "where s.project_id = :p group by l.rule order by count(*) desc, l.rule")
                .bind("p", projectId)
                .map((rs, ctx) -> new RuleCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Charting forms: name, version, definition JSON, and how many entries each has by role. */
    public record ChartFormRow(long id, String name, int version, String definition, long reviewerEntries,
                               long consensusEntries, long reviewers) {
    }

    public static List<ChartFormRow> chartForms(Handle h, long projectId) {
        return h.createQuery("select f.id, f.name, f.version, f.definition, "
                        + "(select count(*) from chart_entry e where e.form_id = f.id and e.role = 'reviewer'), "
                        + "(select count(*) from chart_entry e where e.form_id = f.id and e.role = 'consensus'), "
                        + "(select count(distinct e.user_id) from chart_entry e where e.form_id = f.id) "
                        + "from chart_form f where f.project_id = :p order by f.name, f.version")
                .bind("p", projectId)
                .map((rs, ctx) -> new ChartFormRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }
}
