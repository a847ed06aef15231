package dev.winnow.project;

import dev.winnow.UserError;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.MembershipStore;
import dev.winnow.store.MembershipStore.Member;
import dev.winnow.store.MembershipStore.ProjectRole;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.UserStore;
import dev.winnow.store.UserStore.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project's team: who is a member, in which role. */
public final class TeamService {
    private final Database db;

    public TeamService(Database db) {
        this.db = db;
    }

    /** A member's view of one project: the project and their role in it. */
    public record Access(Project project, User user, Role role) {
        public boolean can(Role needed) {
            return role.atLeast(needed);
        }
    }

    /**
     * The project with this key as this user may see it; empty when there is no such project
     * or the user is not a member (callers answer both with "not found").
     */
    public Optional<Access> access(String projectKey, User user) {
        if (projectKey == null || user == null) {
            return Optional.empty();
        }
        return db.withHandle(h -> ProjectStore.findByKey(h, projectKey)
                .flatMap(p -> UserStore.role(h, p.id(), user.id()).map(r -> new Access(p, user, Role.parse(r)))));
    }

    public List<ProjectRole> projectsOf(User user) {
        return db.withHandle(h -> MembershipStore.projectsOf(h, user.id()));
    }

    public List<Member> members(Project p) {
        return db.withHandle(h -> MembershipStore.members(h, p.id()));
    }

    /** Adds a person (by user name) to the team, or changes their role if already a member. */
    public Member put(Project p, String username, Role role, User by) {
        return db.inTransaction(h -> put(h, p, username, role, by));
    }

    /** {@link #put} inside the caller's transaction (a new project and its first owner are one unit). */
    static Member put(org.jdbi.v3.core.Handle h, Project p, String username, Role role, User by) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        User u = UserStore.findByName(h, name).orElseThrow(() -> new UserError(
                "no user named '" + name + "' (an administrator adds people with 'winnow user add NAME')"));
        Optional<String> old = UserStore.role(h, p.id(), u.id());
        if (old.isPresent()) {
            if (old.get().equals("owner") && role != Role.OWNER && MembershipStore.owners(h, p.id()) <= 1) {
                throw new UserError("'" + name + "' is the project's only owner: make someone else owner first");
            }
            MembershipStore.setRole(h, p.id(), u.id(), role.label());
        } else {
            UserStore.addMember(h, p.id(), u.id(), role.label());
        }
        AuditStore.record(h, p.id(), by == null ? null : by.id(), by == null ? "cli" : by.username(),
                old.isPresent() ? "team.role" : "team.add", "user " + name,
                Map.of("role", role.label(), "was", old.orElse("")));
        return MembershipStore.members(h, p.id()).stream().filter(m -> m.userId() == u.id()).findFirst()
                .orElseThrow();
    }

    /** Removes a member (never the last owner). */
    public void remove(Project p, String username, User by) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        db.useTransaction(h -> {
            User u = UserStore.findByName(h, name).orElseThrow(() -> new UserError("no user named '" + name + "'"));
            Optional<String> old = UserStore.role(h, p.id(), u.id());
            if (old.isEmpty()) {
                throw new UserError("'" + name + "' is not on this project's team");
            }
            if (old.get().equals("owner") && MembershipStore.owners(h, p.id()) <= 1) {
                throw new UserError("'" + name + "' is the project's only owner and cannot be removed");
            }
            MembershipStore.remove(h, p.id(), u.id());
            AuditStore.record(h, p.id(), by == null ? null : by.id(), by == null ? "cli" : by.username(),
                    "team.remove", "user " + name, Map.of("was", old.get()));
        });
    }
}
