package dev.winnow.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signing up on a fresh server and joining a project by invitation, on both databases. */
class InvitationServiceTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theFirstAccountIsMadeFromTheWebOnlyOnAFreshServer(TestDb kind) {
        try (Database db = kind.fresh()) {
            AccountService accounts = new AccountService(db);
            assertThat(accounts.firstRun()).isTrue();
            assertThatThrownBy(() -> accounts.signUpFirst("olive", null, "short")).isInstanceOf(UserError.class)
                    .hasMessageContaining("at least 10 characters");
            assertThat(accounts.firstRun()).isTrue();
            var olive = accounts.signUpFirst("Olive", "Olive Owner", "owner password 1");
            assertThat(olive.admin()).isTrue();
            assertThat(olive.username()).isEqualTo("olive");
            assertThat(accounts.firstRun()).isFalse();
            assertThatThrownBy(() -> accounts.signUpFirst("mallory", null, "another password 1"))
                    .isInstanceOf(UserError.class).hasMessageContaining("already has accounts");
            assertThat(accounts.find("mallory")).isEmpty();
            assertThat(accounts.signIn("olive", "owner password 1", "127.0.0.1").session().user().id())
                    .isEqualTo(olive.id());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anInvitationMakesTheAccountAndTheMembershipOnce(TestDb kind) {
        try (Database db = kind.fresh()) {
            AccountService accounts = new AccountService(db);
            var olive = accounts.addUser("olive", null, "owner password 1", true, "test");
            Project p = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
            InvitationService invitations = new InvitationService(db, accounts);
            var invite = invitations.invite(p, Role.REVIEWER, olive);
            assertThat(invitations.offer(invite.token())).hasValueSatisfying(o -> {
                assertThat(o.projectKey()).isEqualTo(p.key());
                assertThat(o.role()).isEqualTo(Role.REVIEWER);
            });
            assertThat(invitations.offer("not-a-token")).isEmpty();
            // a refused acceptance stores nothing and leaves the link usable
            assertThatThrownBy(() -> invitations.accept(invite.token(), "olive", null, "reviewer password 1"))
                    .isInstanceOf(UserError.class).hasMessageContaining("is taken");
            assertThatThrownBy(() -> invitations.accept(invite.token(), "rita", null, "short"))
                    .isInstanceOf(UserError.class).hasMessageContaining("at least 10 characters");
            assertThat(accounts.find("rita")).isEmpty();

            var rita = invitations.accept(invite.token(), "Rita", "Rita Reviewer", "reviewer password 1");
            assertThat(rita.admin()).isFalse();
            assertThat(new TeamService(db).members(p)).extracting(m -> m.username() + ":" + m.role())
                    .containsExactly("rita:reviewer");
            assertThat(accounts.signIn("rita", "reviewer password 1", "127.0.0.1").session().user().username())
                    .isEqualTo("rita");
            // used once
            assertThat(invitations.offer(invite.token())).isEmpty();
            assertThatThrownBy(() -> invitations.accept(invite.token(), "sam", null, "another password 1"))
                    .isInstanceOf(UserError.class).hasMessageContaining("not valid any more");
            assertThat(accounts.find("sam")).isEmpty();
            long stored = db.withHandle(h -> h.createQuery("select count(*) from invitation where token_hash = :t")
                    .bind("t", invite.token()).mapTo(Long.class).one());
            assertThat(stored).as("the link's secret itself is never stored").isZero();
        }
    }
}
