package dev.winnow.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Rows of {@code assignment}: which reviewer was given which record at a stage. A record has
 * numbered slots (1..reviewers per record); the unique index on (stage, study, slot) and on
 * (stage, study, user) makes a concurrent claim of the same slot, or of the same record twice by
 * one reviewer, a no-op instead of a duplicate.
 */
public final class AssignmentStore {
    private AssignmentStore() {
    }

    public record AssignmentRow(long id, long stageId, long studyId, long userId, Integer slot, String assignedAt) {
    }

    /** Takes a slot of a record for a reviewer; false when someone (or this reviewer) already holds it. */
    public static boolean claim(Handle h, long stageId, long studyId, long userId, int slot) {
        return h.createQuery("insert into assignment (stage_id, study_id, user_id, slot, assigned_at) "
                        + "values (:s, :t, :u, :slot, :now) on conflict do nothing returning id")
                .bind("s", stageId).bind("t", studyId).bind("u", userId).bind("slot", slot).bind("now", Clock.now())
                .mapTo(Long.class).findOne().isPresent();
    }

    public static List<AssignmentRow> forStage(Handle h, long stageId) {
        return h.createQuery("select id, stage_id, study_id, user_id, slot, assigned_at from assignment "
                        + "where stage_id = :s order by id")
                .bind("s", stageId).map((rs, ctx) -> new AssignmentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), (Integer) rs.getObject(5, Integer.class), rs.getString(6))).list();
    }

    public static List<AssignmentRow> forUser(Handle h, long stageId, long userId) {
        return forStage(h, stageId).stream().filter(a -> a.userId() == userId).toList();
    }
}
