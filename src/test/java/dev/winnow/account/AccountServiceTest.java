package dev.winnow.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountServiceTest {
    @Test
    void argon2idHashesUseThePhcFormatAndVerifyOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher();
        String h = hasher.hash("correct horse battery");
        assertThat(h).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse battery", h)).isTrue();
        assertThat(hasher.verify("correct horse batterY", h)).isFalse();
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(h); // fresh salt each time
        assertThat(hasher.verify("x", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "garbage")).isFalse();
        // parameters are read from the string: a cheaper hash still verifies, and is flagged for rehash
        String weak = new PasswordHasher(64, 1, 1).hash("pw pw pw pw");
        assertThat(hasher.verify("pw pw pw pw", weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(h)).isFalse();
    }

    @Test
    void knownAnswerFromTheReferenceImplementation() {
        // the reference implementation's own check (phc-winner-argon2, src/test.c): password "password",
        // salt "somesalt", Argon2id, t=2, m=65536, p=1
        assertThat(new PasswordHasher().verify("password",
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void firstUserIsAdminSessionsAreSharedAndFailuresAreThrottled(TestDb kind) {
        try (Database db = kind.fresh()) {
            AccountService a = new AccountService(db);
            var first = a.addUser("Ada", null, "long enough password", false, "test");
            var second = a.addUser("bob", "Bob B.", "another long password", false, "test");
            assertThat(first.username()).isEqualTo("ada");
            assertThat(first.admin()).isTrue();
            assertThat(second.admin()).isFalse();
            assertThatThrownBy(() -> a.addUser("ada", null, "long enough password", false, "test"))
                    .isInstanceOf(UserError.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> a.addUser("carol", null, "short", false, "test"))
                    .hasMessageContaining("at least 10 characters");
            assertThatThrownBy(() -> a.addUser("no spaces", null, "long enough password", false, "test"))
                    .hasMessageContaining("is not a user name");

            var signIn = a.signIn("ADA", "long enough password", "10.0.0.1");
            // a second service instance (another server process) sees the same session
            var other = new AccountService(db);
            assertThat(other.session(signIn.cookieValue())).hasValueSatisfying(s -> {
                assertThat(s.user().username()).isEqualTo("ada");
                assertThat(s.csrfToken()).isEqualTo(signIn.session().csrfToken());
            });
            assertThat(other.session("forged")).isEmpty();
            other.signOut(signIn.cookieValue());
            assertThat(a.session(signIn.cookieValue())).isEmpty();

            for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
                assertThatThrownBy(() -> a.signIn("bob", "wrong password!", "10.0.0.2"))
                        .isInstanceOfSatisfying(AccountService.SignInRefused.class,
                                e -> assertThat(e.throttled()).isFalse())
                        .hasMessage("Wrong user name or password.");
            }
            // now even the right password is refused from that address, with a clear message…
            assertThatThrownBy(() -> a.signIn("bob", "another long password", "10.0.0.2"))
                    .isInstanceOfSatisfying(AccountService.SignInRefused.class, e -> assertThat(e.throttled()).isTrue())
                    .hasMessageContaining("Too many failed sign-ins").hasMessageContaining("15 minutes");
            // …but not from another address
            assertThat(a.signIn("bob", "another long password", "10.0.0.3").session().user().username()).isEqualTo("bob");

            String token = a.createApiToken("bob", "script", "test");
            assertThat(token).startsWith("wnw_");
            assertThat(a.userForApiToken(token)).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("bob"));
            assertThat(a.userForApiToken(token + "x")).isEmpty();

            a.setPassword("bob", "a brand new password", "test");
            assertThatThrownBy(() -> a.signIn("bob", "another long password", "10.0.0.4"))
                    .hasMessage("Wrong user name or password.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theFirstAccountThatCanSignInIsAdminAndAdminsCanBeMadeLater(TestDb kind) {
        try (Database db = kind.fresh()) {
            // the demo's reviewers: accounts without a password (they cannot sign in)
            db.useTransaction(h -> {
                dev.winnow.store.UserStore.ensure(h, "demo-reviewer-1");
                dev.winnow.store.UserStore.ensure(h, "demo-reviewer-2");
            });
            AccountService accounts = new AccountService(db);
            assertThat(accounts.addUser("alice", null, "alice password 1", false, "test").admin()).isTrue();
            assertThat(accounts.addUser("bob", null, "bob password 12", false, "test").admin()).isFalse();
            assertThat(accounts.setAdmin("bob", true, "test").admin()).isTrue();
            assertThat(accounts.setAdmin("alice", false, "test").admin()).isFalse();
            assertThatThrownBy(() -> accounts.setAdmin("bob", false, "test")).isInstanceOf(UserError.class)
                    .hasMessageContaining("only administrator");
            assertThatThrownBy(() -> accounts.setAdmin("nobody", true, "test")).isInstanceOf(UserError.class)
                    .hasMessageContaining("winnow user add nobody");
        }
    }
}
