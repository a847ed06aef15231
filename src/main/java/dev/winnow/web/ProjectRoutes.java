package dev.winnow.web;

import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.project.TeamService.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Project pages: {@code GET /} (my projects; administrators also create one), {@code POST /projects},
 * {@code GET /p/{key}} (overview), {@code GET|POST /p/{key}/team}, {@code GET /p/{key}/records}.
 */
public final class ProjectRoutes {
    private final ProjectService projects;
    private final TeamService team;
    private final Projects access;
    private final Views views;
    private final dev.winnow.review.ReviewStatusService review;
    private final dev.winnow.account.InvitationService invitations;

    ProjectRoutes(ProjectService projects, TeamService team, dev.winnow.review.ReviewStatusService review,
                  dev.winnow.account.InvitationService invitations, Projects access, Views views) {
        this.review = review;
        this.invitations = invitations;
        this.projects = projects;
        this.team = team;
        this.access = access;
        this.views = views;
    }

    void register(RoutesConfig r) {
        r.get("/", ctx -> listPage(ctx, "", 200));
        r.post("/projects", this::create);
        r.get("/p/{key}", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            var viewer = ScreenRoutes.viewer(a);
            ctx.html(views.render("project/overview.jte", Map.of(
                    "page", page(ctx, a.project().title(), a, "overview"),
                    "status", projects.status(a.project()),
                    "review", review.status(viewer, a.project()), // its stages: the outcomes this viewer may see
                    "members", team.members(a.project()))));
        });
        r.get("/p/{key}/team", ctx -> teamPage(ctx, access.access(ctx, Role.VIEWER), null));
        r.post("/p/{key}/team/invite", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            var invite = invitations.invite(a.project(), Role.parse(ctx.formParam("role") == null ? "reviewer"
                    : ctx.formParam("role")), a.user());
            String origin = ctx.scheme() + "://" + ctx.host();
            ctx.html(views.render("project/team.jte", Map.of(
                    "page", page(ctx, "Team", a, "team"),
                    "members", team.members(a.project()),
                    "error", "",
                    "inviteLink", origin + "/invite/" + invite.token())));
        });
        r.post("/p/{key}/team", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            String username = ctx.formParam("username");
            try {
                if ("remove".equals(ctx.formParam("action"))) {
                    team.remove(a.project(), username, a.user());
                } else {
                    team.put(a.project(), username, Role.parse(ctx.formParam("role")), a.user());
                }
            } catch (dev.winnow.UserError e) {
                ctx.status(400);
                teamPage(ctx, a, e.getMessage());
                return;
            }
            ctx.redirect("/p/" + a.project().key() + "/team");
        });
        r.get("/p/{key}/records", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            long records = projects.status(a.project()).studyRecords();
            Paging paging = Paging.of(ctx.queryParam("page"), records, "this project's " + records + " records");
            var studies = !paging.ok() ? java.util.List.<dev.winnow.store.StudyStore.Study>of()
                    : projects.studies(a.project(), paging.offset(), Paging.SIZE);
            ctx.status(paging.status()).html(views.render("project/records.jte", Map.of(
                    "page", page(ctx, "Records", a, "records"),
                    "studies", studies,
                    "pageNo", paging.pageNo(),
                    "pages", paging.pages(),
                    "error", paging.error())));
        });
    }

    private void teamPage(Context ctx, Access a, String error) {
        ctx.html(views.render("project/team.jte", Map.of(
                "page", page(ctx, "Team", a, "team"),
                "members", team.members(a.project()),
                "error", error == null ? "" : error)));
    }

    private void create(Context ctx) {
        var user = Security.user(ctx);
        if (!user.admin()) {
            throw WebError.forbidden("Only an administrator can create projects.");
        }
        dev.winnow.project.Project p;
        try {
            p = projects.createOwnedBy(ctx.formParam("title"), ProjectKind.parse(
                    ctx.formParam("kind") == null ? "scoping" : ctx.formParam("kind")), ctx.formParam("description"),
                    user);
        } catch (dev.winnow.UserError e) {
            listPage(ctx, e.getMessage(), 400); // the form again, with what was typed
            return;
        }
        ctx.redirect("/p/" + p.key());
    }

    private void listPage(Context ctx, String error, int status) {
        ctx.status(status).html(views.render("project/list.jte", Map.of(
                "page", page(ctx, "Projects", null, null),
                "projects", team.projectsOf(Security.user(ctx)),
                "error", error,
                "typedTitle", typed(ctx, "title"),
                "typedDescription", typed(ctx, "description"))));
    }

    /** What the person typed into a form field, to show it again after an error ("" when nothing was posted). */
    static String typed(Context ctx, String field) {
        String v = "POST".equalsIgnoreCase(ctx.method().name()) ? ctx.formParam(field) : null;
        return v == null ? "" : v;
    }

    static PageInfo page(Context ctx, String title, Access a, String tab) {
        return new PageInfo(Security.user(ctx), Security.csrf(ctx), title, a, tab);
    }

    static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || !v.matches("\\d{1,6}")) {
            return fallback;
        }
        return Integer.parseInt(v);
    }
}
