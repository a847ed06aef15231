package dev.winnow.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code app_user} and {@code membership}. */
public final class UserStore {
    private UserStore() {
    }

    /** A person who can sign in; {@code passwordHash} is null for a reviewer known only by name (imports). */
    public record User(long id, String username, String displayName, boolean admin, boolean disabled) {
    }

    private static final String COLUMNS = "id, username, display_name, is_admin, disabled";

    public static User insert(Handle h, String username, String displayName, String passwordHash, boolean admin) {
        long id = h.createQuery("insert into app_user (username, display_name, password_hash, is_admin, created_at) "
                        + "values (:u, :d, :p, :a, :now) returning id")
                .bind("u", username).bind("d", displayName).bind("p", passwordHash).bind("a", admin)
                .bind("now", Clock.now()).mapTo(Long.class).one();
        return new User(id, username, displayName, admin, false);
    }

    public static Optional<User> findByName(Handle h, String username) {
        return h.createQuery("select " + COLUMNS + " from app_user where username = :u").bind("u", username)
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5))).findOne();
    }

    public static Optional<User> findById(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from app_user where id = :id").bind("id", id)
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5))).findOne();
    }

    public static Optional<String> passwordHash(Handle h, long userId) {
        return h.createQuery("select password_hash from app_user where id = :id").bind("id", userId)
                .mapTo(String.class).findOne();
    }

    /** How many administrators can sign in (they have a password): accounts the demo made cannot. */
    public static long adminsWhoCanSignIn(Handle h) {
        return h.createQuery("select count(*) from app_user where is_admin = :t and password_hash is not null")
                .bind("t", true).mapTo(Long.class).one();
    }

    /** Makes a user an administrator, or no longer one. */
    public static void setAdmin(Handle h, long userId, boolean admin) {
        h.createUpdate("update app_user set is_admin = :a where id = :u").bind("a", admin).bind("u", userId).execute();
    }

    public static long count(Handle h) {
        return h.createQuery("select count(*) from app_user").mapTo(Long.class).one();
    }

    public static List<User> list(Handle h) {
        return h.createQuery("select " + COLUMNS + " from app_user order by id")
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5))).list();
    }

    /** The user with this name, created (without a password) when missing. */
    public static User ensure(Handle h, String username) {
        return findByName(h, username).orElseGet(() -> insert(h, username, username, null, false));
    }

    public static void addMember(Handle h, long projectId, long userId, String role) {
        h.createUpdate("insert into membership (project_id, user_id, role, added_at) values (:p, :u, :r, :now)")
                .bind("p", projectId).bind("u", userId).bind("r", role).bind("now", Clock.now()).execute();
    }

    public static Optional<String> role(Handle h, long projectId, long userId) {
        return h.createQuery("select role from membership where project_id = :p and user_id = :u")
                .bind("p", projectId).bind("u", userId).mapTo(String.class).findOne();
    }

    /** Sets a user's password hash (the encoded Argon2id string). */
    public static void setPasswordHash(Handle h, long userId, String encoded) {
        h.createUpdate("update app_user set password_hash = :p where id = :u").bind("p", encoded).bind("u", userId)
                .execute();
    }
}
