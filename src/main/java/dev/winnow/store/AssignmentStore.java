package dev.winnow.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Rows of {@code assignment}: reservations, which reviewer holds which record at a stage until they
 * decide it (the row is then deleted: the decision holds their place), it expires, or it is
 * released (sign-out, an owner). A record has
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
                        rs.getLong(4), Columns.intOrNull(rs, 5), rs.getString(6))).list();
    }

    public static List<AssignmentRow> forUser(Handle h, long stageId, long userId) {
        return forStage(h, stageId).stream().filter(a -> a.userId() == userId).toList();
    }

    /** Deletes this reviewer's reservation of a record (their decision now holds the place). */
    public static void spend(Handle h, long stageId, long studyId, long userId) {
        h.createUpdate("delete from assignment where stage_id = :s and study_id = :t and user_id = :u")
                .bind("s", stageId).bind("t", studyId).bind("u", userId).execute();
    }

    /** Whether any reservation at a stage was made before {@code cutoff} (an index lookup). */
    public static boolean anyOlderThan(Handle h, long stageId, String cutoff) {
        return h.createQuery("select 1 from assignment where stage_id = :s and assigned_at < :c limit 1")
                .bind("s", stageId).bind("c", cutoff).mapTo(Integer.class).findOne().isPresent();
    }

    /** Releases the reservations at a stage made before {@code cutoff}; the rows released. */
    public static List<AssignmentRow> releaseOlderThan(Handle h, long stageId, String cutoff) {
        List<AssignmentRow> gone = forStage(h, stageId).stream().filter(a -> a.assignedAt().compareTo(cutoff) < 0)
                .toList();
        h.createUpdate("delete from assignment where stage_id = :s and assigned_at < :c")
                .bind("s", stageId).bind("c", cutoff).execute();
        return gone;
    }

    /** Releases every reservation at a stage; the rows released. */
    public static List<AssignmentRow> releaseStage(Handle h, long stageId) {
        List<AssignmentRow> gone = forStage(h, stageId);
        h.createUpdate("delete from assignment where stage_id = :s").bind("s", stageId).execute();
        return gone;
    }

    /** Releases every reservation a user holds, in every project (signing out); how many. */
    public static int releaseUser(Handle h, long userId) {
        return h.createUpdate("delete from assignment where user_id = :u").bind("u", userId).execute();
    }

    /**
     * The lowest study id reserved at a stage whose record this reviewer has not decided: below it,
     * no record this reviewer could still be given is held by a reservation that may be released.
     */
    public static Long lowestReservedUndecidedBy(Handle h, long stageId, long userId) {
        return h.createQuery("select min(a.study_id) from assignment a where a.stage_id = :s and not exists "
                        + "(select 1 from decision d where d.stage_id = :s and d.study_id = a.study_id "
                        + "and d.user_id = :u and d.origin <> 'pilot')")
                .bind("s", stageId).bind("u", userId).mapTo(Long.class).one();
    }
}
