package dev.winnow.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Rows of {@code web_session}: signed-in browsers. The row's id is the SHA-256 of the cookie's
 * value (never the value itself), so a copy of the database does not give away live sessions.
 * Every instance of the web server reads the same rows, so a team can run several behind a proxy.
 */
public final class SessionStore {
    private SessionStore() {
    }

    public record SessionRow(String idHash, long userId, String csrfToken, String createdAt, String expiresAt,
                             String lastSeenAt) {
    }

    public static void insert(Handle h, String idHash, long userId, String csrfToken, String expiresAt) {
        String now = Clock.now();
        h.createUpdate("insert into web_session (id, user_id, csrf_token, created_at, expires_at, last_seen_at) "
                        + "values (:id, :u, :csrf, :now, :exp, :now)")
                .bind("id", idHash).bind("u", userId).bind("csrf", csrfToken).bind("now", now).bind("exp", expiresAt)
                .execute();
    }

    public static Optional<SessionRow> find(Handle h, String idHash) {
        return h.createQuery("select id, user_id, csrf_token, created_at, expires_at, last_seen_at from web_session "
                        + "where id = :id")
                .bind("id", idHash)
                .map((rs, ctx) -> new SessionRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .findOne();
    }

    public static void touch(Handle h, String idHash, String lastSeenAt, String expiresAt) {
        h.createUpdate("update web_session set last_seen_at = :seen, expires_at = :exp where id = :id")
                .bind("seen", lastSeenAt).bind("exp", expiresAt).bind("id", idHash).execute();
    }

    public static void delete(Handle h, String idHash) {
        h.createUpdate("delete from web_session where id = :id").bind("id", idHash).execute();
    }

    public static int deleteForUser(Handle h, long userId) {
        return h.createUpdate("delete from web_session where user_id = :u").bind("u", userId).execute();
    }

    public static int deleteExpired(Handle h, String now) {
        return h.createUpdate("delete from web_session where expires_at < :now").bind("now", now).execute();
    }
}
