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
}
