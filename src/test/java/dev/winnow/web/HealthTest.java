package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthTest {
    @Test
    void healthAnswersJsonAndTheHomePageEscapesTitles() throws Exception {
        try (Database db = TestDb.SQLITE.fresh(); WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
            new ProjectService(db).create("<script>alert(1)</script>", ProjectKind.SCOPING, null);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(health.body()).contains("\"status\":\"ok\"").contains("sqlite");

            HttpResponse<String> home = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        }
    }
}
