package dev.winnow.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The audit log: who did what, when. Append-only (the table refuses UPDATE and DELETE). Call
 * {@link #record} inside the same transaction as the work it describes, so the two commit together.
 */
public final class AuditStore {
    private AuditStore() {
    }

    public record AuditEvent(long id, Long projectId, Long userId, String actor, String action, String target,
                             String details, String at) {
    }

    /**
     * @param actor   who, as a person reads it: a username; null means the command line ("cli:{os-user}")
     * @param action  a dotted verb: "import.file", "dedup.merge", "screen.decision", "protocol.save", …
     * @param target  what it was done to ("study 42", "file refs.ris"), or null
     * @param details anything else worth keeping, as an object written to JSON, or null
     */
    public static void record(Handle h, Long projectId, Long userId, String actor, String action, String target,
                              Object details) {
        h.createUpdate("insert into audit_event (project_id, user_id, actor, action, target, details, at) "
                        + "values (:p, :u, :actor, :action, :target, :details, :at)")
                .bind("p", projectId).bind("u", userId).bind("actor", actor == null ? commandLineActor() : actor).bind("action", action)
                .bind("target", target).bind("details", details == null ? null : Json.write(details))
                .bind("at", Clock.now()).execute();
    }

    /** The actor for work done from the command line without a named person. */
    public static String commandLineActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    public static List<AuditEvent> forProject(Handle h, long projectId) {
        return h.createQuery("select id, project_id, user_id, actor, action, target, details, at from audit_event "
                        + "where project_id = :p order by id")
                .bind("p", projectId)
                .map((rs, ctx) -> new AuditEvent(rs.getLong(1), nullableLong(rs, 2), nullableLong(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** SQLite's driver cannot read a NULL through getObject(i, Long.class). */
    static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
