package dev.winnow.store;

import dev.winnow.screen.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What the ranking of one reviewer may read at a stage: that reviewer's own decisions and the
 * resolved outcomes, never another reviewer's decisions (blinding).
 */
public final class RankInputStore {
    private RankInputStore() {
    }

    /**
     * The project's study records with id ≥ {@code fromId}, in id order: how the ranking's features
     * catch up with records that arrived since they were built, without reading the others again.
     */
    public static List<StudyStore.Study> studiesFrom(Handle h, long projectId, long fromId) {
        return h.createQuery("select id, project_id, fields from study where project_id = :p and id >= :from "
                        + "order by id")
                .bind("p", projectId).bind("from", fromId)
                .map((rs, ctx) -> new StudyStore.Study(rs.getLong(1), rs.getLong(2), RecordJson.read(rs.getString(3))))
                .list();
    }

    /**
     * The project's study records, id → when their fields last changed, in id order: how the
     * ranking's features notice a study whose text a deduplication merge (or its undoing) rewrote.
     */
    public static Map<Long, String> studyVersions(Handle h, long projectId) {
        Map<Long, String> out = new LinkedHashMap<>();
        h.createQuery("select id, updated_at from study where project_id = :p order by id")
                .bind("p", projectId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The named study records of the project that still exist, in id order. */
    public static List<StudyStore.Study> studies(Handle h, long projectId, Collection<Long> ids) {
        List<StudyStore.Study> out = new ArrayList<>();
        for (List<Long> batch : IdBatches.of(ids.stream().sorted().toList())) {
            out.addAll(h.createQuery("select id, project_id, fields from study where project_id = :p and id in (<ids>) "
                            + "order by id")
                    .bind("p", projectId).bindList("ids", batch)
                    .map((rs, ctx) -> new StudyStore.Study(rs.getLong(1), rs.getLong(2), RecordJson.read(rs.getString(3))))
                    .list());
        }
        return out;
    }

    /** One of the reviewer's own decisions (the newest per study counts). */
    public record OwnDecision(long id, long studyId, Verdict verdict) {
    }

    /** The reviewer's own decisions at the stage, oldest first. */
    public static List<OwnDecision> ownDecisions(Handle h, long stageId, long userId) {
        return h.createQuery("select id, study_id, verdict from decision where stage_id = :s and user_id = :u "
                        + "order by id")
                .bind("s", stageId).bind("u", userId)
                .map((rs, ctx) -> new OwnDecision(rs.getLong(1), rs.getLong(2), Verdict.parse(rs.getString(3))))
                .list();
    }

    /** The resolved outcome per study at the stage (the newest resolution counts), in resolution order. */
    public static Map<Long, Verdict> resolutions(Handle h, long stageId) {
        Map<Long, Verdict> out = new LinkedHashMap<>();
        h.createQuery("select study_id, verdict from resolution where stage_id = :s order by id")
                .bind("s", stageId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Verdict.parse(rs.getString(2))))
                .forEach(e -> {
                    out.remove(e.getKey());
                    out.put(e.getKey(), e.getValue());
                });
        return out;
    }
}
