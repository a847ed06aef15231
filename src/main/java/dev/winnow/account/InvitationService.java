package dev.winnow.account;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.Role;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Clock;
import dev.winnow.store.Database;
import dev.winnow.store.InvitationStore;
import dev.winnow.store.InvitationStore.Invitation;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.UserStore;
import dev.winnow.store.UserStore.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Joining a project by invitation: an owner makes a link ({@link #invite}); the person it is sent to
 * opens it, chooses a user name and password, and is a member with the invited role at once
 * ({@link #accept}) — no administrator and no command line in between. A link is a 32-byte secret
 * (only its SHA-256 is stored), used once, and expires after {@link #VALID_FOR}.
 */
public final class InvitationService {
    public static final Duration VALID_FOR = Duration.ofDays(14);
    private final Database db;
    private final AccountService accounts;

    public InvitationService(Database db, AccountService accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** A link's secret (shown once) and what it invites to. */
    public record Invite(String token, Project project, Role role, String expiresAt) {
    }

    /** An invitation as its holder sees it before accepting: the project's title and the role. */
    public record Offer(String projectKey, String projectTitle, Role role) {
    }

    /** Makes an invitation to a project with a role; {@code by} is the owner who invites. */
    public Invite invite(Project project, Role role, User by) {
        String token = Tokens.random();
        String expires = Clock.format(Instant.now().plus(VALID_FOR));
        db.useTransaction(h -> {
            long id = InvitationStore.insert(h, project.id(), role.label(), Tokens.sha256(token),
                    by == null ? null : by.id(), expires);
            AuditStore.record(h, project.id(), by == null ? null : by.id(), by == null ? "cli" : by.username(),
                    "team.invite", "invitation " + id, Map.of("role", role.label()));
        });
        return new Invite(token, project, role, expires);
    }

    /** What a link offers, if it is a live invitation (unknown, used and expired links offer nothing). */
    public Optional<Offer> offer(String token) {
        return db.withHandle(h -> live(h, token).flatMap(i -> ProjectStore.findById(h, i.projectId())
                .map(p -> new Offer(p.key(), p.title(), Role.parse(i.role())))));
    }

    /**
     * Accepts an invitation: creates the account and the membership in one transaction, and returns
     * the new user (the caller signs them in). A used or expired link, a taken name or a short
     * password is refused with the reason; nothing is stored then.
     */
    public User accept(String token, String username, String displayName, String password) {
        String name = AccountService.normaliseName(username);
        String hash = accounts.hashNew(password);
        return db.inTransaction(h -> {
            Invitation i = live(h, token).orElseThrow(() -> new UserError(
                    "This invitation link is not valid any more (used, expired or mistyped): ask the project's owner "
                            + "for a new one."));
            if (UserStore.findByName(h, name).isPresent()) {
                throw new UserError("the user name '" + name + "' is taken: choose another (or, if it is yours, "
                        + "sign in and ask the owner to add you)");
            }
            User u = UserStore.insert(h, name, displayName == null || displayName.isBlank() ? name
                    : displayName.strip(), hash, false);
            UserStore.addMember(h, i.projectId(), u.id(), i.role());
            if (!InvitationStore.accept(h, i.id(), u.id())) {
                throw new UserError("This invitation link was used a moment ago: ask the project's owner for a new one.");
            }
            AuditStore.record(h, i.projectId(), u.id(), u.username(), "team.join", "invitation " + i.id(),
                    Map.of("role", i.role()));
            return u;
        });
    }

    private static Optional<Invitation> live(org.jdbi.v3.core.Handle h, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return InvitationStore.findByHash(h, Tokens.sha256(token))
                .filter(i -> i.acceptedAt() == null && Instant.parse(i.expiresAt()).isAfter(Instant.now()));
    }
}
