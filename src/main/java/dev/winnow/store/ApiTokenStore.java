package dev.winnow.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code api_token}: bearer tokens for the JSON API; only their SHA-256 is stored. */
public final class ApiTokenStore {
    private ApiTokenStore() {
    }

    public record ApiToken(long id, long userId, String label, String createdAt, String lastUsedAt,
                           String revokedAt) {
    }

    public static long insert(Handle h, long userId, String label, String tokenHash) {
        return h.createQuery("insert into api_token (user_id, label, token_hash, created_at) "
                        + "values (:u, :l, :t, :now) returning id")
                .bind("u", userId).bind("l", label).bind("t", tokenHash).bind("now", Clock.now())
                .mapTo(Long.class).one();
    }

    /** The live (not revoked) token with this hash. */
    public static Optional<ApiToken> findLive(Handle h, String tokenHash) {
        return h.createQuery("select id, user_id, label, created_at, last_used_at, revoked_at from api_token "
                        + "where token_hash = :t and revoked_at is null")
                .bind("t", tokenHash).map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<ApiToken> forUser(Handle h, long userId) {
        return h.createQuery("select id, user_id, label, created_at, last_used_at, revoked_at from api_token "
                        + "where user_id = :u order by id")
                .bind("u", userId).map((rs, ctx) -> row(rs)).list();
    }

    public static void markUsed(Handle h, long id, String at) {
        h.createUpdate("update api_token set last_used_at = :at where id = :id").bind("at", at).bind("id", id).execute();
    }

    public static int revoke(Handle h, long userId, long id) {
        return h.createUpdate("update api_token set revoked_at = :at where id = :id and user_id = :u and revoked_at is null")
                .bind("at", Clock.now()).bind("id", id).bind("u", userId).execute();
    }

    private static ApiToken row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiToken(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }
}
