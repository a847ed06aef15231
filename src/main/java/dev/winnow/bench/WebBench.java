package dev.winnow.bench;

import dev.winnow.account.AccountService;
import dev.winnow.account.PasswordHasher;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.ProtocolYaml;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.web.WebServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code winnow bench web}: N reviewers screen at once through the real web app (loopback, a fresh
 * SQLite file, real sessions and CSRF tokens). Each reviewer signs in, opens the screening page,
 * then repeats "post a decision, receive the next record" (the htmx request the keyboard sends)
 * until its quota or the time limit is reached. Prints throughput and p50/p90/p99/max latency of
 * that request. Bounded: {@code --reviewers} x {@code --decisions}, and {@code --seconds}.
 */
public final class WebBench {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern STUDY = Pattern.compile("name=\"studyId\" value=\"(\\d+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");
    private static final String[] WORDS = ("palliative care early integration oncology general practice primary "
            + "cancer model shared follow-up trial qualitative survey hospital home nurse patients outcomes quality "
            + "life randomised cohort review pain symptom caregivers referral communication coordination").split(" ");

    public record Result(int reviewers, int records, long decisions, double seconds, double perSecond, double p50Ms,
                         double p90Ms, double p99Ms, double maxMs, long errors, String database) {
    }

    public static Result run(int reviewers, int records, int decisionsPerReviewer, int maxSeconds) throws Exception {
        Path dir = Files.createTempDirectory("winnow-bench-web");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"))) {
            Project project = seed(db, reviewers, records);
            try (WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port();
                long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
                ExecutorService pool = Executors.newFixedThreadPool(reviewers);
                List<Future<long[]>> futures = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < reviewers; i++) {
                    String user = "reviewer" + i;
                    futures.add(pool.submit(() -> screen(base, project.key(), user, decisionsPerReviewer, deadline)));
                }
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                for (Future<long[]> f : futures) {
                    long[] lat = f.get();
                    for (long l : lat) {
                        if (l < 0) {
                            errors++;
                        } else {
                            latencies.add(l);
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                return new Result(reviewers, records, sorted.length, seconds, sorted.length / seconds,
                        pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors, "sqlite");
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** A project with synthetic records (no third-party data), the example protocol, and N reviewers. */
    private static Project seed(Database db, int reviewers, int records) {
        // the bench measures screening, not sign-in: cheap hashes keep the set-up short
        AccountService accounts = new AccountService(db, new PasswordHasher(64, 1, 1));
        Project p = new ProjectService(db).create("Bench: web screening", ProjectKind.SCOPING, null);
        TeamService team = new TeamService(db);
        for (int i = 0; i < reviewers; i++) {
            accounts.addUser("reviewer" + i, null, "bench password " + i, false, "bench");
            team.put(p, "reviewer" + i, i == 0 ? Role.OWNER : Role.REVIEWER, null);
        }
        new ProtocolService(db).save(p, ProtocolYaml.example(), "reviewer0");
        Random rnd = new Random(42);
        db.useTransaction(h -> {
            for (int i = 0; i < records; i++) {
                StringBuilder title = new StringBuilder();
                StringBuilder abs = new StringBuilder();
                for (int w = 0; w < 10; w++) {
                    title.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
                }
                for (int w = 0; w < 180; w++) {
                    abs.append(WORDS[rnd.nextInt(WORDS.length)]).append(w % 15 == 14 ? ". " : " ");
                }
                StudyStore.insert(h, p.id(), Record.builder().title(title.toString().strip())
                        .abstractText(abs.toString().strip()).author(Author.of("Author" + i, "A"))
                        .journal("Journal of Benchmarks").year(2000 + rnd.nextInt(24)).build());
            }
        });
        return p;
    }

    /** One reviewer's session: sign in, open the page, then decide → next until done; latencies in ns (-1 = error). */
    private static long[] screen(String base, String key, String user, int quota, long deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get(http, base + "/login");
        post(http, base + "/login", "_csrf=" + find(CSRF, login) + "&username=" + user + "&password="
                + enc("bench password " + user.substring("reviewer".length())) + "&next=%2F", null);
        String page = get(http, base + "/p/" + key + "/screen/title-abstract");
        String csrf = find(CSRF, page);
        String panel = page;
        long[] lat = new long[quota];
        Arrays.fill(lat, Long.MIN_VALUE);
        Random rnd = new Random(user.hashCode());
        int n = 0;
        String[] verdicts = {"include", "exclude", "exclude", "exclude", "maybe"};
        while (n < quota && System.nanoTime() < deadline) {
            Matcher m = STUDY.matcher(panel);
            if (!m.find()) {
                break; // the queue is empty
            }
            String form = "_csrf=" + enc(csrf) + "&studyId=" + m.group(1) + "&requestKey=" + enc(find(KEY, panel))
                    + "&verdict=" + verdicts[rnd.nextInt(verdicts.length)] + "&seconds=3";
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(http, base + "/p/" + key + "/screen/title-abstract/decide", form, csrf);
            long t = System.nanoTime() - t0;
            lat[n++] = r.statusCode() == 200 ? t : -1;
            panel = r.body();
        }
        return Arrays.stream(lat, 0, n).toArray();
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrf != null) {
            b.header("HX-Request", "true").header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("the page lacks " + p.pattern());
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
