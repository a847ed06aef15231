package dev.winnow.store;

import org.jdbi.v3.core.Handle;

/** Rows of {@code login_attempt}: every sign-in attempt, kept for throttling and for the audit. */
public final class LoginAttemptStore {
    private LoginAttemptStore() {
    }

    public static void record(Handle h, String username, String remote, boolean success) {
        h.createUpdate("insert into login_attempt (username, remote, success, at) values (:u, :r, :s, :at)")
                .bind("u", username).bind("r", remote).bind("s", success).bind("at", Clock.now()).execute();
    }

    /** Failed attempts for this name from this address since {@code since}, after the last success. */
    public static int failuresSince(Handle h, String username, String remote, String since) {
        String lastSuccess = h.createQuery("select max(at) from login_attempt where username = :u and remote = :r "
                        + "and success = :t")
                .bind("u", username).bind("r", remote).bind("t", true).mapTo(String.class).findOne().orElse(null);
        String from = lastSuccess != null && lastSuccess.compareTo(since) > 0 ? lastSuccess : since;
        return h.createQuery("select count(*) from login_attempt where username = :u and remote = :r "
                        + "and success = :f and at > :since")
                .bind("u", username).bind("r", remote).bind("f", false).bind("since", from)
                .mapTo(Integer.class).one();
    }

    /** The oldest failure counted since {@code since}, to say when the lock lifts. */
    public static String oldestFailureSince(Handle h, String username, String remote, String since) {
        return h.createQuery("select min(at) from login_attempt where username = :u and remote = :r "
                        + "and success = :f and at > :since")
                .bind("u", username).bind("r", remote).bind("f", false).bind("since", since)
                .mapTo(String.class).findOne().orElse(null);
    }

    /** Failed attempts from this address (any user name) since {@code since}. */
    public static int addressFailuresSince(Handle h, String remote, String since) {
        return h.createQuery("select count(*) from login_attempt where remote = :r and success = :f and at > :since")
                .bind("r", remote).bind("f", false).bind("since", since).mapTo(Integer.class).one();
    }

    /** Remembers a browser its user signed in from (the cookie's hash). */
    public static void trustDevice(Handle h, long userId, String tokenHash) {
        h.createUpdate("insert into trusted_device (user_id, token_hash, created_at) values (:u, :t, :at)")
                .bind("u", userId).bind("t", tokenHash).bind("at", Clock.now()).execute();
    }

    /** The user a device cookie's hash was issued to, if any. */
    public static java.util.Optional<Long> deviceUser(Handle h, String tokenHash) {
        return h.createQuery("select user_id from trusted_device where token_hash = :t")
                .bind("t", tokenHash).mapTo(Long.class).findOne();
    }
}
