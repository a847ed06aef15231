package dev.winnow.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code invitation}: links to join a project; only the SHA-256 of each link's secret is stored. */
public final class InvitationStore {
    private InvitationStore() {
    }

    public record Invitation(long id, long projectId, String role, String createdAt, String expiresAt, Long acceptedBy,
                             String acceptedAt) {
    }

    private static final String COLUMNS = "id, project_id, role, created_at, expires_at, accepted_by, accepted_at";

    public static long insert(Handle h, long projectId, String role, String tokenHash, Long createdBy, String expiresAt) {
        return h.createQuery("insert into invitation (project_id, role, token_hash, created_by, created_at, expires_at) "
                        + "values (:p, :r, :t, :by, :now, :exp) returning id")
                .bind("p", projectId).bind("r", role).bind("t", tokenHash).bind("by", createdBy)
                .bind("now", Clock.now()).bind("exp", expiresAt).mapTo(Long.class).one();
    }

    public static Optional<Invitation> findByHash(Handle h, String tokenHash) {
        return h.createQuery("select " + COLUMNS + " from invitation where token_hash = :t").bind("t", tokenHash)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Marks an invitation used; false when someone used it first. */
    public static boolean accept(Handle h, long id, long userId) {
        return h.createUpdate("update invitation set accepted_by = :u, accepted_at = :now "
                        + "where id = :id and accepted_at is null")
                .bind("u", userId).bind("now", Clock.now()).bind("id", id).execute() == 1;
    }

    /** A project's invitations not used yet, newest first. */
    public static List<Invitation> open(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from invitation where project_id = :p and accepted_at is null "
                        + "order by id desc")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).list();
    }

    private static Invitation row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long by = rs.getLong(6);
        Long acceptedBy = rs.wasNull() ? null : by;
        return new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                acceptedBy, rs.getString(7));
    }
}
