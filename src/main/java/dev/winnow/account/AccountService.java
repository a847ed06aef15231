package dev.winnow.account;

import dev.winnow.UserError;
import dev.winnow.store.ApiTokenStore;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Clock;
import dev.winnow.store.Database;
import dev.winnow.store.LoginAttemptStore;
import dev.winnow.store.SessionStore;
import dev.winnow.store.UserStore;
import dev.winnow.store.UserStore.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * People who can sign in: accounts, passwords (Argon2id, see {@link PasswordHasher}), sign-in with
 * throttling, sessions stored in the database (shared by every server instance), and API tokens.
 */
public final class AccountService {
    /**
     * Failures allowed per user name and address (or per user name and device, for a browser that
     * signed in as that user before) inside {@link #THROTTLE_WINDOW} before sign-in is refused there.
     */
    public static final int MAX_FAILURES = 5;
    /** Failures allowed from one address, whatever the user names, inside the window. */
    public static final int MAX_ADDRESS_FAILURES = 30;
    public static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
    /** A session ends after this long without a request… */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    /** …and in any case this long after sign-in. */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(14);
    /** Sessions record activity at most this often (keeps reads free of writes). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    public static final int MIN_PASSWORD = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Database db;
    private final PasswordHasher hasher;
    /** Verified against when the name is unknown, so that the answer takes as long either way. */
    private final String dummyHash;

    public AccountService(Database db) {
        this(db, new PasswordHasher());
    }

    public AccountService(Database db, PasswordHasher hasher) {
        this.db = db;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not a password " + Tokens.random());
    }

    /** A signed-in browser: who, and the CSRF token its forms must carry. */
    public record Session(User user, String csrfToken) {
    }

    /**
     * What a successful sign-in returns: the cookie value (shown once, stored hashed), the session,
     * and the browser's device cookie value (new when it had none for this user, else the same).
     */
    public record SignIn(String cookieValue, Session session, String deviceCookie) {
    }

    /** Sign-in refused: wrong name or password, or too many failures. The message can be shown as is. */
    public static final class SignInRefused extends UserError {
        private final boolean throttled;

        SignInRefused(String message, boolean throttled) {
            super(message);
            this.throttled = throttled;
        }

        public boolean throttled() {
            return throttled;
        }
    }

    /**
     * Adds a person. The first account that can sign in is always an administrator (accounts made
     * without a password, such as the demo's reviewers, do not count). The password is checked for
     * length only (at least {@value #MIN_PASSWORD} characters): long passphrases beat rules.
     */
    public User addUser(String username, String displayName, String password, boolean admin, String actor) {
        String name = normaliseName(username);
        checkPassword(password);
        String hash = hasher.hash(password);
        return db.inTransaction(h -> {
            if (UserStore.findByName(h, name).isPresent()) {
                throw new UserError("a user named '" + name + "' already exists");
            }
            boolean first = UserStore.adminsWhoCanSignIn(h) == 0;
            User u = UserStore.insert(h, name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                    hash, admin || first);
            AuditStore.record(h, null, null, actor, "user.add", "user " + name,
                    java.util.Map.of("admin", u.admin()));
            return u;
        });
    }

    /** A new password's hash, after the length check (for accounts made elsewhere in this package). */
    String hashNew(String password) {
        checkPassword(password);
        return hasher.hash(password);
    }

    /**
     * True until some account can sign in (has a password): then the web offers to create the first
     * account, the administrator, so a fresh server needs no command line.
     */
    public boolean firstRun() {
        return db.withHandle(h -> canSignIn(h) == 0);
    }

    /** How many accounts can sign in (have a password). */
    private static long canSignIn(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select count(*) from app_user where password_hash is not null").mapTo(Long.class).one();
    }

    /** The first account, created from the web on a fresh server: an administrator. Refused once anyone can sign in. */
    public User signUpFirst(String username, String displayName, String password) {
        String name = normaliseName(username);
        String hash = hashNew(password);
        return db.inTransaction(h -> {
            if (canSignIn(h) > 0) {
                throw new UserError("This server already has accounts: ask its administrator or a project owner to "
                        + "invite you.");
            }
            if (UserStore.findByName(h, name).isPresent()) {
                throw new UserError("the user name '" + name + "' is taken: choose another");
            }
            User u = UserStore.insert(h, name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                    hash, true);
            AuditStore.record(h, null, u.id(), u.username(), "user.sign-up", "user " + name,
                    java.util.Map.of("admin", true));
            return u;
        });
    }

    /** Makes an existing user an administrator ({@code admin}) or no longer one; refuses to leave none. */
    public User setAdmin(String username, boolean admin, String actor) {
        String name = normaliseName(username);
        return db.inTransaction(h -> {
            User u = UserStore.findByName(h, name).orElseThrow(() -> new UserError("no user named '" + name
                    + "' (add them with: winnow user add " + name + ")"));
            if (!admin && u.admin() && UserStore.adminsWhoCanSignIn(h) <= 1
                    && UserStore.passwordHash(h, u.id()).isPresent()) {
                throw new UserError(name + " is the only administrator who can sign in: make someone else one first");
            }
            UserStore.setAdmin(h, u.id(), admin);
            AuditStore.record(h, null, null, actor, admin ? "user.admin" : "user.admin.revoke", "user " + name, null);
            return UserStore.findById(h, u.id()).orElseThrow();
        });
    }

    public void setPassword(String username, String password, String actor) {
        String name = normaliseName(username);
        checkPassword(password);
        String hash = hasher.hash(password);
        db.useTransaction(h -> {
            User u = UserStore.findByName(h, name).orElseThrow(() -> new UserError("no user named '" + name + "'"));
            UserStore.setPasswordHash(h, u.id(), hash);
            SessionStore.deleteForUser(h, u.id());
            AuditStore.record(h, null, u.id(), actor, "user.password", "user " + name, null);
        });
    }

    public Optional<User> find(String username) {
        return db.withHandle(h -> UserStore.findByName(h, username == null ? "" : username.strip().toLowerCase(Locale.ROOT)));
    }

    public List<User> list() {
        return db.withHandle(UserStore::list);
    }

    /** Signs in from an address, without a device cookie (see below). */
    public SignIn signIn(String username, String password, String remote) {
        return signIn(username, password, remote, null);
    }

    /**
     * Signs in: checks throttling, then the password; records the attempt either way. On success
     * a new session is stored and its cookie value returned.
     *
     * <p>Throttling, so that guessing is slow and nobody can lock a user out: an address is refused
     * after {@link #MAX_FAILURES} failures for one user name, or {@link #MAX_ADDRESS_FAILURES} for
     * any, inside the window. A browser that signed in as this user before carries a device cookie
     * ({@code device}): its attempts are counted for that device instead of the address, so wrong
     * guesses from elsewhere — even from the same address, as behind a proxy — never refuse it.
     */
    public SignIn signIn(String username, String password, String remote, String device) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String address = remote == null ? "" : remote;
        Instant now = Instant.now();
        String windowStart = Clock.format(now.minus(THROTTLE_WINDOW));
        Optional<User> named = db.withHandle(h -> UserStore.findByName(h, name));
        String deviceHash = device == null || device.isBlank() || device.length() > 100 ? null : Tokens.sha256(device);
        boolean knownDevice = deviceHash != null && named.isPresent() && db.withHandle(h ->
                LoginAttemptStore.deviceUser(h, deviceHash)).filter(id -> id == named.get().id()).isPresent();
        // a known device's attempts are counted apart from its address
        String from = knownDevice ? "device:" + deviceHash.substring(0, 16) : address;
        if (!knownDevice && db.withHandle(h -> LoginAttemptStore.addressFailuresSince(h, address, windowStart))
                >= MAX_ADDRESS_FAILURES) {
            db.useTransaction(h -> LoginAttemptStore.record(h, name, from, false));
            throw new SignInRefused("Too many failed sign-ins from your address. Try again in "
                    + THROTTLE_WINDOW.toMinutes() + " minutes.", true);
        }
        int failures = db.withHandle(h -> LoginAttemptStore.failuresSince(h, name, from, windowStart));
        if (failures >= MAX_FAILURES) {
            String oldest = db.withHandle(h -> LoginAttemptStore.oldestFailureSince(h, name, from, windowStart));
            long minutes = oldest == null ? THROTTLE_WINDOW.toMinutes()
                    : Math.max(1, Duration.between(now, Instant.parse(oldest).plus(THROTTLE_WINDOW)).toMinutes() + 1);
            db.useTransaction(h -> LoginAttemptStore.record(h, name, from, false));
            throw new SignInRefused("Too many failed sign-ins for this account from " + (knownDevice ? "this browser"
                    : "your address") + ". "
                    + "Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".", true);
        }
        Optional<User> user = named;
        String stored = user.flatMap(u -> db.withHandle(h -> UserStore.passwordHash(h, u.id()))).orElse(null);
        boolean ok = hasher.verify(password == null ? "" : password, stored == null ? dummyHash : stored)
                && stored != null && user.isPresent() && !user.get().disabled();
        if (!ok) {
            db.useTransaction(h -> LoginAttemptStore.record(h, name, from, false));
            throw new SignInRefused("Wrong user name or password.", false);
        }
        User u = user.get();
        String cookie = Tokens.random();
        String csrf = Tokens.random();
        String rehash = hasher.needsRehash(stored) ? hasher.hash(password) : null;
        String deviceCookie = knownDevice ? device : Tokens.random();
        db.useTransaction(h -> {
            LoginAttemptStore.record(h, name, from, true);
            if (!knownDevice) {
                LoginAttemptStore.trustDevice(h, u.id(), Tokens.sha256(deviceCookie));
            }
            SessionStore.insert(h, Tokens.sha256(cookie), u.id(), csrf, Clock.format(now.plus(IDLE_TIMEOUT)));
            if (rehash != null) {
                UserStore.setPasswordHash(h, u.id(), rehash);
            }
            AuditStore.record(h, null, u.id(), u.username(), "user.sign-in", "user " + u.username(), null);
        });
        return new SignIn(cookie, new Session(u, csrf), deviceCookie);
    }

    /** The live session for a cookie value, if any; extends its idle timeout now and then. */
    public Optional<Session> session(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String id = Tokens.sha256(cookieValue);
        Instant now = Instant.now();
        // most requests only read; the rare write (expiry, a touch now and then) is a unit of work of its own
        record Found(SessionStore.SessionRow row, Optional<User> user) {
        }
        Optional<Found> found = db.withHandle(h -> SessionStore.find(h, id)
                .map(r -> new Found(r, UserStore.findById(h, r.userId()))));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var r = found.get().row();
        if (Instant.parse(r.expiresAt()).isBefore(now)
                || Instant.parse(r.createdAt()).plus(ABSOLUTE_TIMEOUT).isBefore(now)) {
            db.useTransaction(h -> SessionStore.delete(h, id));
            return Optional.empty();
        }
        Optional<User> u = found.get().user();
        if (u.isEmpty() || u.get().disabled()) {
            return Optional.empty();
        }
        if (Instant.parse(r.lastSeenAt()).plus(TOUCH_EVERY).isBefore(now)) {
            db.useTransaction(h -> SessionStore.touch(h, id, Clock.format(now), Clock.format(now.plus(IDLE_TIMEOUT))));
        }
        return Optional.of(new Session(u.get(), r.csrfToken()));
    }

    public void signOut(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return;
        }
        db.useTransaction(h -> {
            String id = Tokens.sha256(cookieValue);
            SessionStore.find(h, id).ifPresent(r -> {
                SessionStore.delete(h, id);
                AuditStore.record(h, null, r.userId(), "user " + r.userId(), "user.sign-out", null, null);
            });
        });
    }

    /** Creates an API token for a user; the token is returned once and stored only as a hash. */
    public String createApiToken(String username, String label, String actor) {
        String name = normaliseName(username);
        String token = "wnw_" + Tokens.random();
        db.useTransaction(h -> {
            User u = UserStore.findByName(h, name).orElseThrow(() -> new UserError("no user named '" + name + "'"));
            ApiTokenStore.insert(h, u.id(), label == null || label.isBlank() ? "api" : label.strip(), Tokens.sha256(token));
            AuditStore.record(h, null, u.id(), actor, "user.api-token", "user " + name, java.util.Map.of("label",
                    label == null ? "api" : label));
        });
        return token;
    }

    /** The user an API token belongs to, if the token is live. */
    public Optional<User> userForApiToken(String token) {
        if (token == null || !token.startsWith("wnw_") || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        return db.withHandle(h -> ApiTokenStore.findLive(h, hash).flatMap(t -> {
            if (t.lastUsedAt() == null || Instant.parse(t.lastUsedAt()).plus(TOUCH_EVERY).isBefore(Instant.now())) {
                ApiTokenStore.markUsed(h, t.id(), Clock.now());
            }
            return UserStore.findById(h, t.userId());
        }).filter(u -> !u.disabled()));
    }

    static String normaliseName(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new UserError("'" + (username == null ? "" : username) + "' is not a user name: use 1-64 lower-case "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new UserError("a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 1024) {
            throw new UserError("a password is at most 1024 characters");
        }
    }
}
