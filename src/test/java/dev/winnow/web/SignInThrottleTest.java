package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.account.AccountService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sign-in throttling cannot be turned against a user: behind a trusted proxy each client's own
 * address is counted; a browser that signed in before is counted apart from its address; an
 * address that guesses across many accounts is refused; a forwarded address from anyone but a
 * trusted proxy is ignored. On SQLite and PostgreSQL.
 */
class SignInThrottleTest {
    static final String PROXY = "127.0.0.1";

    static WebServer server(Database db, Set<String> trusted) {
        return new WebServer(db, new WebOptions("auto", 512L * 1024 * 1024, trusted)).start("127.0.0.1", 0);
    }

    static void guessWrong(WebClient c, String user, int times, String... headers) {
        for (int i = 0; i < times; i++) {
            assertThat(c.signIn(user, "wrong guess " + i, headers).statusCode()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void behindATrustedProxyEachClientsAddressIsThrottledNotTheProxys(TestDb kind) {
        try (Database db = kind.fresh()) {
            new AccountService(db).addUser("ann", null, "ann password 123", false, "test");
            try (WebServer s = server(db, Set.of(PROXY))) {
                WebClient attacker = new WebClient(s.port());
                guessWrong(attacker, "ann", AccountService.MAX_FAILURES, "X-Forwarded-For", "203.0.113.9");
                var refused = attacker.signIn("ann", "ann password 123", "X-Forwarded-For", "203.0.113.9");
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).contains("Too many failed sign-ins for this account from your address");
                // ann, through the same proxy from her own address, signs in
                WebClient ann = new WebClient(s.port());
                assertThat(ann.signIn("ann", "ann password 123", "X-Forwarded-For", "198.51.100.7").statusCode())
                        .isEqualTo(302);
                assertThat(s.undeclaredProxies()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aForwardedAddressFromAnUntrustedPeerIsIgnored(TestDb kind) {
        try (Database db = kind.fresh()) {
            new AccountService(db).addUser("ann", null, "ann password 123", false, "test");
            try (WebServer s = server(db, Set.of())) {
                WebClient attacker = new WebClient(s.port());
                for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
                    attacker.signIn("ann", "wrong " + i, "X-Forwarded-For", "192.0.2." + i);
                }
                assertThat(attacker.signIn("ann", "wrong again", "X-Forwarded-For", "192.0.2.99").statusCode())
                        .isEqualTo(429);
                // the operator is told, once, which peer forwards without being declared
                assertThat(s.undeclaredProxies()).containsExactly(PROXY);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void wrongGuessesFromTheSameAddressDoNotLockOutABrowserThatSignedInBefore(TestDb kind) {
        try (Database db = kind.fresh()) {
            new AccountService(db).addUser("ann", null, "ann password 123", false, "test");
            try (WebServer s = server(db, Set.of())) {
                WebClient ann = new WebClient(s.port());
                assertThat(ann.signIn("ann", "ann password 123").statusCode()).isEqualTo(302);
                ann.postForm("/logout", java.util.Map.of("_csrf", ann.csrf));
                // everyone shares 127.0.0.1 here, as behind a proxy nobody configured
                WebClient attacker = new WebClient(s.port());
                guessWrong(attacker, "ann", AccountService.MAX_FAILURES);
                assertThat(attacker.signIn("ann", "ann password 123").statusCode()).isEqualTo(429);
                // ann's browser carries its device cookie: counted apart, she signs in
                assertThat(ann.signIn("ann", "ann password 123").statusCode()).isEqualTo(302);
                // no request said it was forwarded: nothing to warn about
                assertThat(s.undeclaredProxies()).isEmpty();
                // and its own wrong guesses are still throttled
                ann.postForm("/logout", java.util.Map.of("_csrf", ann.csrf));
                guessWrong(ann, "ann", AccountService.MAX_FAILURES);
                assertThat(ann.signIn("ann", "ann password 123").statusCode()).isEqualTo(429);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anAddressGuessingAcrossAccountsIsRefused(TestDb kind) {
        try (Database db = kind.fresh()) {
            new AccountService(db).addUser("bob", null, "bob password 123", false, "test");
            try (WebServer s = server(db, Set.of(PROXY))) {
                WebClient sprayer = new WebClient(s.port());
                for (int i = 0; i < AccountService.MAX_ADDRESS_FAILURES; i++) {
                    sprayer.signIn("user" + i, "Winter2026!", "X-Forwarded-For", "203.0.113.50");
                }
                var refused = sprayer.signIn("bob", "bob password 123", "X-Forwarded-For", "203.0.113.50");
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.body()).contains("Too many failed sign-ins from your address");
                assertThat(new WebClient(s.port()).signIn("bob", "bob password 123", "X-Forwarded-For", "198.51.100.8")
                        .statusCode()).isEqualTo(302);
            }
        }
    }
}
