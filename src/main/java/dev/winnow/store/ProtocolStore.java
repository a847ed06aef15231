package dev.winnow.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code protocol_version}: every save of a project's protocol is a new numbered version. */
public final class ProtocolStore {
    private ProtocolStore() {
    }

    /** One stored version; {@code body} is the protocol as JSON. */
    public record ProtocolRow(long id, long projectId, int version, String body, String createdAt, Long createdBy) {
    }

    private static final String COLUMNS = "id, project_id, version, body, created_at, created_by";

    /** Stores the next version (1 for the first) and returns it. */
    public static ProtocolRow append(Handle h, long projectId, String body, Long userId) {
        int version = h.createQuery("select coalesce(max(version), 0) + 1 from protocol_version where project_id = :p")
                .bind("p", projectId).mapTo(Integer.class).one();
        String now = Clock.now();
        long id = h.createQuery("insert into protocol_version (project_id, version, body, created_at, created_by) "
                        + "values (:p, :v, :b, :now, :u) returning id")
                .bind("p", projectId).bind("v", version).bind("b", body).bind("now", now).bind("u", userId)
                .mapTo(Long.class).one();
        return new ProtocolRow(id, projectId, version, body, now, userId);
    }

    public static Optional<ProtocolRow> latest(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from protocol_version where project_id = :p "
                        + "order by version desc limit 1")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).findOne();
    }

    public static Optional<ProtocolRow> version(Handle h, long projectId, int version) {
        return h.createQuery("select " + COLUMNS + " from protocol_version where project_id = :p and version = :v")
                .bind("p", projectId).bind("v", version).map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<ProtocolRow> history(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from protocol_version where project_id = :p order by version")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).list();
    }

    private static ProtocolRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProtocolRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                (Long) rs.getObject(6, Long.class));
    }
}
