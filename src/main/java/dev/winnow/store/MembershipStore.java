package dev.winnow.store;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Rows of {@code membership} read as teams (adding one member is {@link UserStore#addMember}). */
public final class MembershipStore {
    private MembershipStore() {
    }

    /** One person on a project's team. */
    public record Member(long userId, String username, String displayName, String role, String addedAt) {
    }

    /** A project as one of its members sees it in a list. */
    public record ProjectRole(Project project, String role) {
    }

    public static List<Member> members(Handle h, long projectId) {
        return h.createQuery("select u.id, u.username, u.display_name, m.role, m.added_at from membership m "
                        + "join app_user u on u.id = m.user_id where m.project_id = :p order by u.username")
                .bind("p", projectId)
                .map((rs, ctx) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public static int setRole(Handle h, long projectId, long userId, String role) {
        return h.createUpdate("update membership set role = :r where project_id = :p and user_id = :u")
                .bind("r", role).bind("p", projectId).bind("u", userId).execute();
    }

    public static int remove(Handle h, long projectId, long userId) {
        return h.createUpdate("delete from membership where project_id = :p and user_id = :u")
                .bind("p", projectId).bind("u", userId).execute();
    }

    public static long owners(Handle h, long projectId) {
        return h.createQuery("select count(*) from membership where project_id = :p and role = 'owner'")
                .bind("p", projectId).mapTo(Long.class).one();
    }

    /** The projects this user is a member of, with the user's role in each. */
    public static List<ProjectRole> projectsOf(Handle h, long userId) {
        return h.createQuery("select p.id, p.key, p.title, p.kind, p.description, p.created_at, m.role "
                        + "from membership m join project p on p.id = m.project_id where m.user_id = :u order by p.id")
                .bind("u", userId)
                .map((rs, ctx) -> new ProjectRole(new Project(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ProjectKind.parse(rs.getString(4)), rs.getString(5), rs.getString(6)), rs.getString(7)))
                .list();
    }
}
