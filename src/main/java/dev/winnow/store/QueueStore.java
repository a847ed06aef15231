package dev.winnow.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The questions a reviewer's screening queue asks, answered in SQL so that a request reads a few
 * index entries instead of a whole stage. A study is <em>open</em> to a reviewer at a stage when
 * the reviewer holds no assignment for it and has made no (non-pilot) decision on it, no
 * resolution settled it, and fewer than {@code capacity} people hold it (reserved or decided).
 * Decisions and resolutions are append-only, so a study closed by them stays closed (unless the
 * capacity grows); a reservation may expire or be released, so a study closed only by reservations
 * can open again.
 */
public final class QueueStore {
    private QueueStore() {
    }

    /** How many people decided study {@code s} at the stage outside a pilot round (never goes down). */
    private static final String DECIDED = """
            (select count(distinct d.user_id) from decision d where d.stage_id = :stage and d.study_id = s.id
                                   and d.origin <> 'pilot')""";

    /** How many people hold study {@code s} at the stage: reserved, or decided outside a pilot round. */
    private static final String PEOPLE = """
            (select count(*) from (select a.user_id from assignment a where a.stage_id = :stage and a.study_id = s.id
                                   union
                                   select d.user_id from decision d where d.stage_id = :stage and d.study_id = s.id
                                   and d.origin <> 'pilot') people)""";

    private static final String OPEN = """
             not exists (select 1 from assignment a where a.stage_id = :stage and a.study_id = s.id and a.user_id = :me)
             and not exists (select 1 from decision d where d.stage_id = :stage and d.study_id = s.id
                             and d.user_id = :me and d.origin <> 'pilot')
             and not exists (select 1 from resolution r where r.stage_id = :stage and r.study_id = s.id)
             and\s""" + PEOPLE + " < :capacity ";

    /**
     * Studies assigned to this reviewer that they have not decided and nobody resolved, oldest
     * assignment first.
     */
    public static List<Long> heldUndecided(Handle h, long stageId, long userId) {
        return h.createQuery("""
                        select a.study_id from assignment a
                        where a.stage_id = :stage and a.user_id = :me
                          and not exists (select 1 from decision d where d.stage_id = :stage and d.study_id = a.study_id
                                          and d.user_id = :me and d.origin <> 'pilot')
                          and not exists (select 1 from resolution r where r.stage_id = :stage and r.study_id = a.study_id)
                        order by a.id""")
                .bind("stage", stageId).bind("me", userId).mapTo(Long.class).list();
    }

    /** The project's studies open to this reviewer, with id at least {@code fromId}, in id order. */
    public static List<Long> openInProject(Handle h, long projectId, long stageId, long userId, int capacity,
                                           long fromId, int limit) {
        return h.createQuery("select s.id from study s where s.project_id = :p and s.id >= :from and " + OPEN
                        + " order by s.id limit :limit")
                .bind("p", projectId).bind("from", fromId).bind("stage", stageId).bind("me", userId)
                .bind("capacity", capacity).bind("limit", limit).mapTo(Long.class).list();
    }

    /** Which of these studies (of this project) are open to this reviewer. */
    public static Set<Long> openAmong(Handle h, long projectId, long stageId, long userId, int capacity,
                                      Collection<Long> ids) {
        return opennessAmong(h, projectId, stageId, userId, capacity, ids).open();
    }

    /**
     * Which of these studies are open to this reviewer ({@code open}), and which are closed to
     * everyone for good ({@code closedToAll}: resolved, or decided by {@code capacity} people; a
     * reservation may still be released).
     */
    public record Openness(Set<Long> open, Set<Long> closedToAll) {
    }

    public static Openness opennessAmong(Handle h, long projectId, long stageId, long userId, int capacity,
                                         Collection<Long> ids) {
        Set<Long> open = new java.util.HashSet<>();
        Set<Long> closedToAll = new java.util.HashSet<>();
        for (List<Long> batch : IdBatches.of(ids)) {
            h.createQuery("select s.id, "
                            + "exists (select 1 from resolution r where r.stage_id = :stage and r.study_id = s.id) "
                            + "or " + DECIDED + " >= :capacity, "
                            + "exists (select 1 from assignment a where a.stage_id = :stage and a.study_id = s.id "
                            + "and a.user_id = :me) "
                            + "or exists (select 1 from decision d where d.stage_id = :stage and d.study_id = s.id "
                            + "and d.user_id = :me and d.origin <> 'pilot'), "
                            + PEOPLE + " >= :capacity "
                            + "from study s where s.project_id = :p and s.id in (<ids>)")
                    .bind("p", projectId).bindList("ids", batch)
                    .bind("stage", stageId).bind("me", userId).bind("capacity", capacity)
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        if (rs.getBoolean(2)) {
                            closedToAll.add(id);
                        } else if (!rs.getBoolean(3) && !rs.getBoolean(4)) {
                            open.add(id);
                        }
                        return id;
                    }).list();
        }
        return new Openness(open, closedToAll);
    }

    /** The slots of a study already taken at a stage. */
    public static Set<Integer> takenSlots(Handle h, long stageId, long studyId) {
        return Set.copyOf(h.createQuery("select slot from assignment where stage_id = :s and study_id = :t and slot is not null")
                .bind("s", stageId).bind("t", studyId).mapTo(Integer.class).list());
    }

    /** Whether a study belongs to a project. */
    public static boolean inProject(Handle h, long projectId, long studyId) {
        return h.createQuery("select count(*) from study where id = :t and project_id = :p")
                .bind("t", studyId).bind("p", projectId).mapTo(Long.class).one() > 0;
    }

    /** How many distinct studies this reviewer decided at a stage. */
    public static long decidedBy(Handle h, long stageId, long userId) {
        return h.createQuery("select count(distinct study_id) from decision where stage_id = :s and user_id = :u")
                .bind("s", stageId).bind("u", userId).mapTo(Long.class).one();
    }

    /** How many study records a project has. */
    public static long studies(Handle h, long projectId) {
        return h.createQuery("select count(*) from study where project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }

    /** How many people hold a study at a stage now: reserved, or decided outside a pilot round. */
    public static long people(Handle h, long stageId, long studyId) {
        return h.createQuery("select " + PEOPLE + " from study s where s.id = :t")
                .bind("stage", stageId).bind("t", studyId).mapTo(Long.class).one();
    }

    /** Whether this reviewer holds a study at a stage: reserved it, or decided it outside a pilot round. */
    public static boolean holds(Handle h, long stageId, long studyId, long userId) {
        return h.createQuery("select count(*) from (select a.user_id from assignment a where a.stage_id = :s "
                        + "and a.study_id = :t and a.user_id = :u union all select d.user_id from decision d "
                        + "where d.stage_id = :s and d.study_id = :t and d.user_id = :u and d.origin <> 'pilot') x")
                .bind("s", stageId).bind("t", studyId).bind("u", userId).mapTo(Long.class).one() > 0;
    }

    /** Whether a resolution settled a study at a stage. */
    public static boolean resolved(Handle h, long stageId, long studyId) {
        return h.createQuery("select count(*) from resolution where stage_id = :s and study_id = :t")
                .bind("s", stageId).bind("t", studyId).mapTo(Long.class).one() > 0;
    }
}
