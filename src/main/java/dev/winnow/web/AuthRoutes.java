package dev.winnow.web;

import dev.winnow.account.AccountService;
import dev.winnow.account.AccountService.SignInRefused;
import dev.winnow.account.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Signing in and out: {@code GET/POST /login}, {@code POST /logout}. */
final class AuthRoutes {
    /** A browser that signed in before: its sign-in attempts are throttled apart (see AccountService.signIn). */
    static final String DEVICE_COOKIE = "winnow_device";
    private static final long DEVICE_MAX_AGE = java.time.Duration.ofDays(365).toSeconds();
    private final AccountService accounts;
    private final Security security;
    private final Views views;
    /** What else signing out ends (the user's screening reservations). */
    private final java.util.function.LongConsumer onSignOut;

    AuthRoutes(AccountService accounts, Security security, Views views, java.util.function.LongConsumer onSignOut) {
        this.accounts = accounts;
        this.security = security;
        this.views = views;
        this.onSignOut = onSignOut;
    }

    void register(RoutesConfig r) {
        r.get("/login", ctx -> form(ctx, null, 200));
        r.post("/login", this::signIn);
        r.post("/logout", ctx -> {
            if (Security.user(ctx) != null) {
                onSignOut.accept(Security.user(ctx).id());
            }
            accounts.signOut(ctx.cookie(Security.SESSION_COOKIE));
            security.setCookie(ctx, Security.SESSION_COOKIE, "", 0, "Lax");
            ctx.redirect("/login");
        });
    }

    private void form(Context ctx, String error, int status) {
        if (Security.user(ctx) != null && error == null) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        String token = Tokens.random();
        security.setCookie(ctx, Security.LOGIN_COOKIE, token, 3600, "Strict");
        String next = ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next");
        ctx.status(status).html(views.render("auth/login.jte", Map.of(
                "page", new PageInfo(null, token, "Sign in", null, null),
                "error", error == null ? "" : error,
                "next", safeNext(next),
                "username", ctx.formParam("username") == null ? "" : ctx.formParam("username"))));
    }

    private void signIn(Context ctx) {
        if (!Tokens.same(ctx.cookie(Security.LOGIN_COOKIE), ctx.formParam(Security.CSRF_FIELD))) {
            form(ctx, "The sign-in form had expired or was not sent from this site. Please try again.", 403);
            return;
        }
        try {
            var signIn = accounts.signIn(ctx.formParam("username"), ctx.formParam("password"),
                    security.clientAddress(ctx), ctx.cookie(DEVICE_COOKIE));
            security.setCookie(ctx, Security.SESSION_COOKIE, signIn.cookieValue(),
                    AccountService.ABSOLUTE_TIMEOUT.toSeconds(), "Lax");
            security.setCookie(ctx, DEVICE_COOKIE, signIn.deviceCookie(), DEVICE_MAX_AGE, "Strict");
            security.setCookie(ctx, Security.LOGIN_COOKIE, "", 0, "Strict");
            ctx.redirect(safeNext(ctx.formParam("next")));
        } catch (SignInRefused e) {
            form(ctx, e.getMessage(), e.throttled() ? 429 : 401);
        }
    }

    /** Only a path on this site (never "//host" or "https://…") is followed after sign-in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }
}
