package dev.winnow.web;

import dev.winnow.account.AccountService;
import dev.winnow.account.AccountService.SignInRefused;
import dev.winnow.account.InvitationService;
import dev.winnow.UserError;
import dev.winnow.account.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Signing in and out: {@code GET/POST /login}, {@code POST /logout}; on a fresh server the first
 * account, an administrator ({@code GET/POST /signup}); joining a project by an owner's invitation
 * link ({@code GET/POST /invite/{token}}). Forms sent before a session exists carry a double-submit
 * token (a cookie and a form field).
 */
final class AuthRoutes {
    /** A browser that signed in before: its sign-in attempts are throttled apart (see AccountService.signIn). */
    static final String DEVICE_COOKIE = "winnow_device";
    private static final long DEVICE_MAX_AGE = java.time.Duration.ofDays(365).toSeconds();
    private final AccountService accounts;
    private final InvitationService invitations;
    private final Security security;
    private final Views views;
    /** What else signing out ends (the user's screening reservations). */
    private final java.util.function.LongConsumer onSignOut;

    AuthRoutes(AccountService accounts, InvitationService invitations, Security security, Views views,
               java.util.function.LongConsumer onSignOut) {
        this.accounts = accounts;
        this.invitations = invitations;
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
        r.get("/signup", ctx -> signUpForm(ctx, null, 200));
        r.post("/signup", this::signUp);
        r.get("/invite/{token}", ctx -> inviteForm(ctx, null, 200));
        r.post("/invite/{token}", this::acceptInvite);
    }

    private void signUpForm(Context ctx, String error, int status) {
        if (!accounts.firstRun()) {
            throw new WebError(404, "Accounts here are made by invitation: ask a project owner for a link, or an "
                    + "administrator to add you.");
        }
        join(ctx, status, "Create the first account", "This Winnow has no accounts yet. The first account is its "
                + "administrator: you can then create projects and invite your team.", "/signup", "Create account",
                error);
    }

    private void signUp(Context ctx) {
        if (!formTokenOk(ctx)) {
            signUpForm(ctx, "The form had expired or was not sent from this site. Please try again.", 403);
            return;
        }
        try {
            accounts.signUpFirst(ctx.formParam("username"), ctx.formParam("displayName"), ctx.formParam("password"));
        } catch (UserError e) {
            signUpForm(ctx, e.getMessage(), 400);
            return;
        }
        signInAfterJoining(ctx, "/");
    }

    private void inviteForm(Context ctx, String error, int status) {
        var offer = invitations.offer(ctx.pathParam("token")).orElseThrow(() -> new WebError(404,
                "This invitation link is not valid any more (used, expired or mistyped): ask the project's owner for "
                        + "a new one."));
        join(ctx, status, "Join “" + offer.projectTitle() + "”", "You are invited as " + offer.role().label()
                + ". Choose a user name and a password; you will be signed in and taken to the project.",
                "/invite/" + ctx.pathParam("token"), "Join as " + offer.role().label(), error);
    }

    private void acceptInvite(Context ctx) {
        if (!formTokenOk(ctx)) {
            inviteForm(ctx, "The form had expired or was not sent from this site. Please try again.", 403);
            return;
        }
        String key;
        try {
            var offer = invitations.offer(ctx.pathParam("token"));
            invitations.accept(ctx.pathParam("token"), ctx.formParam("username"), ctx.formParam("displayName"),
                    ctx.formParam("password"));
            key = offer.map(InvitationService.Offer::projectKey).orElse(null);
        } catch (UserError e) {
            inviteForm(ctx, e.getMessage(), 400);
            return;
        }
        signInAfterJoining(ctx, key == null ? "/" : "/p/" + key);
    }

    private boolean formTokenOk(Context ctx) {
        return Tokens.same(ctx.cookie(Security.LOGIN_COOKIE), ctx.formParam(Security.CSRF_FIELD));
    }

    /** The account was just made with this password: sign its owner in and go on. */
    private void signInAfterJoining(Context ctx, String to) {
        try {
            signInAndGo(ctx, to);
        } catch (SignInRefused e) {
            form(ctx, "Your account is made, but signing you in was refused: " + e.getMessage(),
                    e.throttled() ? 429 : 401);
        }
    }

    /**
     * Signs in with the form's user name and password from the client's address (a trusted proxy's
     * forwarded one) and this browser's device cookie, sets the cookies and goes on to {@code to}.
     */
    private void signInAndGo(Context ctx, String to) {
        var signIn = accounts.signIn(ctx.formParam("username"), ctx.formParam("password"),
                security.clientAddress(ctx), ctx.cookie(DEVICE_COOKIE));
        security.setCookie(ctx, Security.SESSION_COOKIE, signIn.cookieValue(),
                AccountService.ABSOLUTE_TIMEOUT.toSeconds(), "Lax");
        security.setCookie(ctx, DEVICE_COOKIE, signIn.deviceCookie(), DEVICE_MAX_AGE, "Strict");
        security.setCookie(ctx, Security.LOGIN_COOKIE, "", 0, "Strict");
        ctx.redirect(to);
    }

    private void join(Context ctx, int status, String heading, String intro, String action, String button,
                      String error) {
        String token = Tokens.random();
        security.setCookie(ctx, Security.LOGIN_COOKIE, token, 3600, "Strict");
        ctx.status(status).html(views.render("auth/join.jte", Map.of(
                "page", new PageInfo(Security.user(ctx), token, heading, null, null),
                "heading", heading, "intro", intro, "action", action, "button", button,
                "error", error == null ? "" : error,
                "username", ProjectRoutes.typed(ctx, "username"))));
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
                "username", ProjectRoutes.typed(ctx, "username"),
                "firstRun", accounts.firstRun())));
    }

    private void signIn(Context ctx) {
        if (!Tokens.same(ctx.cookie(Security.LOGIN_COOKIE), ctx.formParam(Security.CSRF_FIELD))) {
            form(ctx, "The sign-in form had expired or was not sent from this site. Please try again.", 403);
            return;
        }
        try {
            signInAndGo(ctx, safeNext(ctx.formParam("next")));
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
