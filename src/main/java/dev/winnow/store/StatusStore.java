package dev.winnow.store;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The counts behind {@code winnow status}. */
public final class StatusStore {
    private StatusStore() {
    }

    public static ProjectStatus status(Handle h, Project p) {
        Map<String, Long> perStage = new LinkedHashMap<>();
        perStage.put("title-abstract", 0L);
        perStage.put("full-text", 0L);
        h.createQuery("select s.name, count(d.id) from stage s left join decision d on d.stage_id = s.id "
                        + "where s.project_id = :p group by s.name")
                .bind("p", p.id())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> perStage.put(e.getKey(), e.getValue()));
        return new ProjectStatus(p.key(), p.title(), p.kind().label(),
                count(h, "select count(*) from source where project_id = :p", p),
                count(h, "select count(*) from import_file where project_id = :p", p),
                count(h, "select count(*) from source_record where project_id = :p", p),
                count(h, "select count(*) from study where project_id = :p", p),
                perStage);
    }

    /** Source records not linked to a study yet: they cannot be screened until deduplication links them. */
    public static long awaitingDedup(Handle h, long projectId) {
        return h.createQuery("select count(*) from source_record r where r.project_id = :p and not exists "
                        + "(select 1 from study_link l where l.source_record_id = r.id)")
                .bind("p", projectId).mapTo(Long.class).one();
    }

    /** "Maybe" pairs deduplication left open for a person (those a merge already joined left out, as on the page). */
    public static long openMaybes(Handle h, long projectId) {
        return h.createQuery("select count(*) from dedup_pair d "
                        + "join study_link la on la.source_record_id = d.record_a "
                        + "join study_link lb on lb.source_record_id = d.record_b "
                        + "where d.project_id = :p and d.relation = 'maybe' and d.status = 'open' "
                        + "and la.study_id <> lb.study_id")
                .bind("p", projectId).mapTo(Long.class).one();
    }

    private static long count(Handle h, String sql, Project p) {
        return h.createQuery(sql).bind("p", p.id()).mapTo(Long.class).one();
    }
}
