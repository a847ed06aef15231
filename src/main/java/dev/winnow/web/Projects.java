package dev.winnow.web;

import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.project.TeamService.Access;
import io.javalin.http.Context;

/** The membership check every project route makes: non-members get 404, never the project's data. */
final class Projects {
    private final TeamService team;

    Projects(TeamService team) {
        this.team = team;
    }

    /** The project named by the route's {@code {key}}, if the signed-in person is a member with at least this role. */
    Access access(Context ctx, Role needed) {
        Access a = team.access(ctx.pathParam("key"), Security.user(ctx)).orElseThrow(WebError::notFound);
        if (!a.can(needed)) {
            throw WebError.forbidden("Your role in this project (" + a.role().label() + ") cannot do this; "
                    + "a project owner can change your role.");
        }
        return a;
    }
}
