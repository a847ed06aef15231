package dev.winnow.web;

import dev.winnow.project.Role;
import dev.winnow.project.TeamService.Access;
import dev.winnow.store.UserStore.User;

/**
 * What every page's frame needs: who is signed in, the CSRF token forms carry, the page's title,
 * and (inside a project) the project and the viewer's role, for the navigation.
 */
public record PageInfo(User user, String csrf, String title, Access access, String tab) {
    public boolean inProject() {
        return access != null;
    }

    public boolean can(String role) {
        return access != null && access.can(Role.parse(role));
    }

    public String base() {
        return access == null ? "" : "/p/" + access.project().key();
    }
}
