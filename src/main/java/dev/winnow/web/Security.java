package dev.winnow.web;

import dev.winnow.account.AccountService;
import dev.winnow.account.AccountService.Session;
import dev.winnow.account.Tokens;
import dev.winnow.store.UserStore.User;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every request passes, in a before-handler: security headers, who is asking
 * (session cookie or API bearer token), and the CSRF token on every state-changing request
 * that rides on a cookie.
 */
final class Security {
    static final String SESSION_COOKIE = "winnow_session";
    /** Double-submit token for the sign-in form, before any session exists. */
    static final String LOGIN_COOKIE = "winnow_login";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private static final Logger LOG = LoggerFactory.getLogger(Security.class);
    /** At most this many undeclared proxies are remembered (and warned about). */
    private static final int UNDECLARED_KEPT = 16;
    private final AccountService accounts;
    private final WebOptions options;
    private final Set<String> undeclaredProxies = ConcurrentHashMap.newKeySet();

    Security(AccountService accounts, WebOptions options) {
        this.accounts = accounts;
        this.options = options;
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    static boolean isPublic(String path) {
        return ownForm(path) || path.equals("/health") || path.startsWith("/static/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    /**
     * Pages whose forms are sent before any session exists (sign in, the first account, an invitation):
     * open to everyone, protected by their own double-submit token (see {@code AuthRoutes}).
     */
    static boolean ownForm(String path) {
        return path.equals("/login") || path.equals("/signup") || path.startsWith("/invite/");
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    void before(Context ctx) {
        headers(ctx);
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/health")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        boolean unsafe = !SAFE.contains(ctx.method().name().toUpperCase(Locale.ROOT));
        if (unsafe) {
            checkOrigin(ctx);
            refuseNul(ctx);
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // a bearer token is not sent by browsers on their own, so it needs no CSRF token
            User u = accounts.userForApiToken(auth.substring(7).strip())
                    .orElseThrow(() -> new WebError(401, "The API token is unknown or revoked."));
            ctx.attribute("user", u);
            return;
        }
        Session s = accounts.session(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (s != null) {
            ctx.attribute("user", s.user());
            ctx.attribute("csrf", s.csrfToken());
            if (unsafe && !ownForm(path)) {
                String given = ctx.header(CSRF_HEADER);
                if (given == null) {
                    given = ctx.formParam(CSRF_FIELD);
                }
                if (!Tokens.same(given, s.csrfToken())) {
                    throw WebError.forbidden("This request was refused: its security token (CSRF) is missing or "
                            + "out of date. Reload the page and try again.");
                }
            }
            return;
        }
        if (isPublic(path)) {
            return;
        }
        if (isApi(ctx)) {
            throw new WebError(401, "Sign in first: send a session cookie or 'Authorization: Bearer TOKEN'.");
        }
        if (!unsafe) {
            String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        throw WebError.forbidden("Your session has ended. Sign in again, then repeat what you were doing.");
    }

    /** A state-changing request that says where it came from must come from this site. */
    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin == null || ctx.header("Authorization") != null) {
            return;
        }
        String bare = origin.replaceFirst("^https?://", "");
        if (host == null || !bare.equalsIgnoreCase(host)) {
            throw WebError.forbidden("This request was refused: it came from another site (" + origin + ").");
        }
    }

    /**
     * The client's address: the connection's, or — when the connection comes from a trusted proxy —
     * the last address in {@code X-Forwarded-For} that is not itself a trusted proxy.
     */
    String clientAddress(Context ctx) {
        String ip = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        if (!options.trustedProxies().contains(ip)) {
            if (forwarded != null && !forwarded.isBlank()) {
                noteUndeclaredProxy(ip);
            }
            return ip;
        }
        if (forwarded == null || forwarded.isBlank()) {
            return ip;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !options.trustedProxies().contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return ip;
    }

    /**
     * A peer that forwards for others but is not declared a trusted proxy: every client behind it
     * is one address to sign-in throttling, so one person's wrong guesses slow the sign-in of all
     * the others (a browser that signed in before is still counted apart). Said once per address
     * in the log, with the setting that fixes it; the header itself stays ignored.
     */
    private void noteUndeclaredProxy(String ip) {
        if (undeclaredProxies.size() < UNDECLARED_KEPT && undeclaredProxies.add(ip)) {
            LOG.warn("requests from {} carry X-Forwarded-For, but {} is not a trusted proxy: sign-in throttling "
                    + "counts every client behind it as one address. If it is your reverse proxy, start Winnow "
                    + "with --trusted-proxies {} (or WINNOW_TRUSTED_PROXIES, or trusted-proxies in winnow.conf); "
                    + "see docs/deployment.md", ip, ip, ip);
        }
    }

    /** The peers seen forwarding for others without being declared trusted proxies (see the log). */
    Set<String> undeclaredProxies() {
        return Set.copyOf(undeclaredProxies);
    }

    /**
     * A NUL character in a typed value means nothing (PostgreSQL cannot even store it): a form or
     * JSON body holding one is refused as a whole (400) before anything reads it. Uploads are files,
     * read by the importers, which take control characters out of records themselves.
     */
    private static void refuseNul(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean nul;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            nul = ctx.formParamMap().values().stream().flatMap(java.util.List::stream).anyMatch(v -> v.indexOf('\0') >= 0);
        } else if (type.startsWith("application/json")) {
            String body = ctx.body();
            nul = body.indexOf('\0') >= 0 || body.toLowerCase(Locale.ROOT).contains("\\u0000");
        } else {
            return;
        }
        if (nul) {
            throw new WebError(400, "The request holds a NUL character (U+0000), which no field may contain: "
                    + "remove it and send again.");
        }
    }

    /** Whether cookies set on this response should be marked Secure. */
    boolean secure(Context ctx) {
        return switch (options.secureCookies()) {
            case "always" -> true;
            case "never" -> false;
            default -> "https".equalsIgnoreCase(ctx.scheme())
                    || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        };
    }

    void setCookie(Context ctx, String name, String value, long maxAgeSeconds, String sameSite) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=")
                .append(sameSite).append("; Max-Age=").append(maxAgeSeconds);
        if (secure(ctx)) {
            c.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    static User user(Context ctx) {
        return ctx.attribute("user");
    }

    static String csrf(Context ctx) {
        return ctx.attribute("csrf");
    }
}
