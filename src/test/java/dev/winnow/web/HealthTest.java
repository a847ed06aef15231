package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import org.junit.jupiter.api.Test;

class HealthTest {
    @Test
    void healthAnswersJsonAndPagesAskForSignIn() {
        try (Database db = TestDb.SQLITE.fresh(); WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
            WebClient web = new WebClient(server.port());
            var health = web.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(health.body()).contains("\"status\":\"ok\"").contains("sqlite");

            var home = web.get("/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("location")).hasValue("/login?next=%2F");
            var login = web.get("/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<label for=\"password\">Password</label>");
        }
    }
}
