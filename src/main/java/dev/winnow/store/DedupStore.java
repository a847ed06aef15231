package dev.winnow.store;

import dev.winnow.record.Doi;
import dev.winnow.record.Record;
import dev.winnow.record.Titles;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Rows of {@code study_link} and {@code dedup_pair}, and the study updates deduplication makes. */
public final class DedupStore {
    private DedupStore() {
    }

    /** A stored pair of source records: a "maybe" for a person, or a related pair. */
    public record PairRow(long id, long projectId, long recordA, long recordB, String relation, String rule,
                          String evidence, String status) {
    }

    /** Source record id → study id, for every linked record of a project. */
    public static Map<Long, Long> links(Handle h, long projectId) {
        Map<Long, Long> out = new HashMap<>();
        h.createQuery("select l.source_record_id, l.study_id from study_link l join study s on s.id = l.study_id "
                        + "where s.project_id = :p")
                .bind("p", projectId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public static void link(Handle h, long sourceRecordId, long studyId, String rule, String evidence, Long by) {
        h.createUpdate("insert into study_link (source_record_id, study_id, rule, evidence, linked_at, linked_by) "
                        + "values (:r, :s, :rule, :e, :now, :by)")
                .bind("r", sourceRecordId).bind("s", studyId).bind("rule", rule).bind("e", evidence)
                .bind("now", Clock.now()).bind("by", by).execute();
    }

    /** Moves a linked record to another study, with the rule that says why. */
    public static void relink(Handle h, long sourceRecordId, long studyId, String rule, String evidence, Long by) {
        h.createUpdate("update study_link set study_id = :s, rule = :rule, evidence = :e, linked_at = :now, "
                        + "linked_by = :by where source_record_id = :r")
                .bind("r", sourceRecordId).bind("s", studyId).bind("rule", rule).bind("e", evidence)
                .bind("now", Clock.now()).bind("by", by).execute();
    }

    public static Optional<Long> studyOf(Handle h, long sourceRecordId) {
        return h.createQuery("select study_id from study_link where source_record_id = :r")
                .bind("r", sourceRecordId).mapTo(Long.class).findOne();
    }

    /** The source records linked to a study, in id order. */
    public static List<Long> members(Handle h, long studyId) {
        return h.createQuery("select source_record_id from study_link where study_id = :s order by source_record_id")
                .bind("s", studyId).mapTo(Long.class).list();
    }

    /** Rewrites a study's merged fields (its id, and so every decision on it, stays). */
    public static void updateStudy(Handle h, long studyId, Record merged) {
        h.createUpdate("update study set fields = :f, title = :t, year = :y, doi = :d, updated_at = :now where id = :id")
                .bind("f", RecordJson.write(merged)).bind("t", Titles.display(merged.title()))
                .bind("y", merged.year()).bind("d", Doi.normalise(merged.doi())).bind("now", Clock.now())
                .bind("id", studyId).execute();
    }

    /** Whether reviewers have worked on a study: decisions, resolutions, full texts or charting. */
    public static boolean hasWork(Handle h, long studyId) {
        return h.createQuery("select (select count(*) from decision where study_id = :s) "
                        + "+ (select count(*) from resolution where study_id = :s) "
                        + "+ (select count(*) from full_text where study_id = :s) "
                        + "+ (select count(*) from chart_entry where study_id = :s)")
                .bind("s", studyId).mapTo(Long.class).one() > 0;
    }

    /** Deletes a study that no longer has records or work (its open screening assignments go with it). */
    public static void deleteStudy(Handle h, long studyId) {
        h.createUpdate("delete from assignment where study_id = :s").bind("s", studyId).execute();
        h.createUpdate("delete from study where id = :s").bind("s", studyId).execute();
    }

    /** Every stored pair of a project as "a:b" keys (a &lt; b), to skip pairs found again. */
    public static Set<String> pairKeys(Handle h, long projectId) {
        Set<String> out = new HashSet<>();
        h.createQuery("select record_a, record_b from dedup_pair where project_id = :p").bind("p", projectId)
                .map((rs, ctx) -> pairKey(rs.getLong(1), rs.getLong(2))).forEach(out::add);
        return out;
    }

    public static String pairKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    public static long insertPair(Handle h, long projectId, long recordA, long recordB, String relation, String rule,
                                  String evidence, String status) {
        return h.createQuery("insert into dedup_pair (project_id, record_a, record_b, relation, rule, evidence, status, "
                        + "created_at) values (:p, :a, :b, :rel, :rule, :e, :st, :now) returning id")
                .bind("p", projectId).bind("a", recordA).bind("b", recordB).bind("rel", relation).bind("rule", rule)
                .bind("e", evidence).bind("st", status).bind("now", Clock.now()).mapTo(Long.class).one();
    }

    private static final String PAIR_COLUMNS = "id, project_id, record_a, record_b, relation, rule, evidence, status";

    public static Optional<PairRow> findPair(Handle h, long projectId, long pairId) {
        return h.createQuery("select " + PAIR_COLUMNS + " from dedup_pair where id = :id and project_id = :p")
                .bind("id", pairId).bind("p", projectId).map((rs, ctx) -> pair(rs)).findOne();
    }

    /** A project's open "maybe" pairs, oldest first. */
    public static List<PairRow> openMaybes(Handle h, long projectId) {
        return maybes(h, projectId, "open", "id");
    }

    /** A project's "maybe" pairs people merged, newest decision first. */
    public static List<PairRow> mergedMaybes(Handle h, long projectId) {
        return maybes(h, projectId, "merged", "decided_at desc, id desc");
    }

    private static List<PairRow> maybes(Handle h, long projectId, String status, String order) {
        return h.createQuery("select " + PAIR_COLUMNS + " from dedup_pair where project_id = :p and relation = 'maybe' "
                        + "and status = :st order by " + order)
                .bind("p", projectId).bind("st", status).map((rs, ctx) -> pair(rs)).list();
    }

    private static PairRow pair(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PairRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }

    /** A link of a source record to its study, with the rule and evidence that made it. */
    public record LinkRow(long sourceRecordId, long studyId, String rule, String evidence) {
    }

    /** The project's links made by one rule (e.g. a manual merge), in source record order. */
    public static List<LinkRow> linksByRule(Handle h, long projectId, String rule) {
        return h.createQuery("select l.source_record_id, l.study_id, l.rule, l.evidence from study_link l "
                        + "join study s on s.id = l.study_id where s.project_id = :p and l.rule = :rule "
                        + "order by l.source_record_id")
                .bind("p", projectId).bind("rule", rule)
                .map((rs, ctx) -> new LinkRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    public static void decidePair(Handle h, long pairId, String status, Long by) {
        h.createUpdate("update dedup_pair set status = :st, decided_by = :by, decided_at = :now where id = :id")
                .bind("st", status).bind("by", by).bind("now", Clock.now()).bind("id", pairId).execute();
    }

    /** Per pair of sources (by name), how many studies hold records of both. */
    public record Overlap(String sourceA, String sourceB, long studies) {
    }

    public static List<Overlap> overlap(Handle h, long projectId) {
        return h.createQuery("with ss as (select distinct l.study_id, s.name from study_link l "
                        + "join source_record r on r.id = l.source_record_id join source s on s.id = r.source_id "
                        + "where r.project_id = :p) "
                        + "select a.name, b.name, count(*) from ss a join ss b on a.study_id = b.study_id "
                        + "and a.name < b.name group by a.name, b.name order by a.name, b.name")
                .bind("p", projectId).map((rs, ctx) -> new Overlap(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }
}
