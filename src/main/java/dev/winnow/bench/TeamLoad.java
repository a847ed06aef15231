package dev.winnow.bench;

import dev.winnow.account.AccountService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.screen.StageName;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.web.WebServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team-server load test (loopback only, bounded in count and time): N reviewers screen at
 * once through the web application — each posts a decision and gets the next record in the same
 * request, as the screening page does — against one or more Winnow instances sharing a database.
 * Some posts are sent twice, as a double click or a retry after a timeout would. Afterwards the
 * decisions stored must equal the decisions acknowledged: none lost, none doubled.
 */
public final class TeamLoad {
    private static final Pattern STUDY = Pattern.compile("name=\"studyId\" value=\"(\\d+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * Each reviewer's first decisions are not timed: they meet a server whose code has not been
     * compiled yet (a cold start happens once per server, not once per decision). They are stored
     * and checked like the others.
     */
    static final int WARM_UP = 3;

    /** Refusals in a row after which a reviewer is taken to be stuck (a failure). */
    private static final int MAX_REFUSED = 20;

    private TeamLoad() {
    }

    /** What a run measured. */
    public record Result(String database, int instances, int reviewers, long thinkMillis, long acknowledged,
                         long retries, long refused, long stored, long duplicates, double seconds, double throughput,
                         double p50Millis, double p99Millis, double maxMillis, double cpuMillisPerDecision,
                         List<String> failures) {
        public boolean ok() {
            return failures.isEmpty() && stored == acknowledged && duplicates == 0;
        }

        public String line() {
            return String.format("%-10s instances=%d reviewers=%d think=%d ms acknowledged=%d (retried %d, refused %d) "
                            + "stored=%d "
                            + "duplicates=%d %.1f decisions/s p50=%.1f ms p99=%.1f ms max=%.1f ms cpu=%.2f ms/decision%s",
                    database, instances, reviewers, thinkMillis, acknowledged, retries, refused, stored, duplicates, throughput,
                    p50Millis, p99Millis, maxMillis, cpuMillisPerDecision,
                    failures.isEmpty() ? "" : " FAILURES=" + failures.size() + " first: " + failures.get(0));
        }
    }

    /** A closed loop: each reviewer posts the next decision as soon as the last one is answered. */
    public static Result run(String dbUrl, int instances, int reviewers, int decisionsEach, Duration limit, long seed)
            throws Exception {
        return run(dbUrl, instances, reviewers, decisionsEach, limit, seed, 0);
    }

    /**
     * Sets up a project on {@code dbUrl} (an empty database), starts {@code instances} web servers on
     * it (each with its own connection pool, as separate processes would have), signs every reviewer
     * in, and then — the timed part — lets {@code reviewers} reviewers make {@code decisionsEach}
     * decisions each, within {@code limit}, each reading a record for about {@code thinkMillis}
     * (uniformly 0.5–1.5×; 0: a closed loop) before deciding it. Latency is that of "post decision →
     * next record". CPU is this process's (servers and simulated browsers), per decision.
     */
    public static Result run(String dbUrl, int instances, int reviewers, int decisionsEach, Duration limit, long seed,
                             long thinkMillis) throws Exception {
        List<Database> dbs = new ArrayList<>();
        List<WebServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Database db = Database.open(dbUrl);
                dbs.add(db);
                servers.add(new WebServer(db).start("127.0.0.1", 0));
            }
            Database db = dbs.get(0);
            Project p = setUp(db, reviewers, reviewers * decisionsEach);
            List<String> names = reviewers(db, p, reviewers);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicLong acked = new AtomicLong();
            AtomicLong retries = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            long deadline = System.nanoTime() + limit.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(reviewers);
            java.util.concurrent.CountDownLatch signedIn = new java.util.concurrent.CountDownLatch(reviewers);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < reviewers; r++) {
                int reviewer = r;
                String server = "http://127.0.0.1:" + servers.get(r % instances).port();
                String base = server + "/p/" + p.key() + "/screen/" + StageName.TITLE_ABSTRACT.label();
                Reviewer who = new Reviewer(server, base, names.get(reviewer), new Random(seed * 1000 + reviewer));
                futures.add(pool.submit(() -> {
                    Session session = null;
                    try {
                        session = signIn(who, failures);
                    } finally {
                        signedIn.countDown();
                    }
                    go.await();
                    if (session != null) {
                        screen(who, session, decisionsEach, thinkMillis, deadline, latencies, failures, acked, retries,
                                refused);
                    }
                    return null;
                }));
            }
            // signing in (a deliberately slow password hash) is not screening: the clock starts after it
            signedIn.await();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (os.getProcessCpuTime() - cpu0) / 1e6;
            long stored = db.withHandle(h -> h.createQuery("select count(*) from decision").mapTo(Long.class).one());
            long duplicates = db.withHandle(h -> h.createQuery("select count(*) from (select idempotency_key from decision "
                    + "where idempotency_key is not null group by idempotency_key having count(*) > 1) d")
                    .mapTo(Long.class).one());
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(db.dialect().name().toLowerCase(java.util.Locale.ROOT), instances, reviewers, thinkMillis,
                    acked.get(), retries.get(), refused.get(), stored, duplicates, seconds, acked.get() / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    acked.get() == 0 ? 0 : cpuMillis / acked.get(), List.copyOf(failures));
        } finally {
            servers.forEach(WebServer::close);
            dbs.forEach(Database::close);
        }
    }

    private record Reviewer(String server, String base, String name, Random rnd) {
    }

    private record Session(HttpClient http, String html, String csrf) {
    }

    /** One reviewer's browser signs in through the form and opens the screening page; null on failure. */
    private static Session signIn(Reviewer who, List<String> failures) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            String loginPage = http.send(HttpRequest.newBuilder(URI.create(who.server() + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(who.server() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(find(CSRF, loginPage)) + "&username="
                            + enc(who.name()) + "&password=" + enc(password(who.name())) + "&next=%2F")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 302) {
                failures.add(who.name() + " could not sign in: HTTP " + signedIn.statusCode());
                return null;
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(who.base()))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Session(http, page.body(), find(CSRF, page.body()));
        } catch (Exception e) {
            failures.add(who.name() + ": " + e);
            return null;
        }
    }

    /**
     * The reviewer screens with the page's htmx posts: decide, and the answer is the next record. Opening
     * the page reserves nothing, so a record several reviewers were shown at once may have its reviewers
     * before this one decides: that decision is refused (409) with the reviewer's next record, which the
     * page then shows; it is counted as refused, and screening goes on.
     */
    private static void screen(Reviewer who, Session session, int decisions, long thinkMillis, long deadline,
                               List<Long> latencies, List<String> failures, AtomicLong acked, AtomicLong retries,
                               AtomicLong refused) {
        HttpClient http = session.http();
        String html = session.html();
        String csrf = session.csrf();
        String base = who.base();
        Random rnd = who.rnd();
        int refusedInARow = 0;
        try {
            for (int n = 0; n < decisions && System.nanoTime() < deadline; n++) {
                Matcher study = STUDY.matcher(html);
                Matcher key = KEY.matcher(html);
                if (!study.find() || !key.find()) {
                    return; // nothing left to screen
                }
                if (thinkMillis > 0) {
                    Thread.sleep(thinkMillis / 2 + (long) (rnd.nextDouble() * thinkMillis));
                }
                boolean include = rnd.nextInt(5) == 0;
                String form = "studyId=" + study.group(1) + "&requestKey=" + enc(key.group(1))
                        + "&verdict=" + (include ? "include" : "exclude") + (include ? "" : "&reason=" + enc("wrong population"))
                        + "&seconds=3";
                HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/decide"))
                        .header("X-CSRF-Token", csrf).header("HX-Request", "true")
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                long t0 = System.nanoTime();
                HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
                if (n >= WARM_UP) {
                    latencies.add(System.nanoTime() - t0);
                }
                if (answer.statusCode() == 409 && STUDY.matcher(answer.body()).find() && refusedInARow++ < MAX_REFUSED) {
                    refused.incrementAndGet();
                    html = answer.body();
                    n--;
                    continue;
                }
                refusedInARow = 0;
                if (answer.statusCode() != 200 || !answer.body().contains("Recorded:")) {
                    failures.add("HTTP " + answer.statusCode() + ": " + answer.body().replaceAll("\\s+", " ")
                            .substring(0, Math.min(200, answer.body().length())));
                    return;
                }
                acked.incrementAndGet();
                if (rnd.nextInt(20) == 0) {
                    // the same post again (a double click, a retry): it must not store a second decision
                    retries.incrementAndGet();
                    HttpResponse<String> again = http.send(post, HttpResponse.BodyHandlers.ofString());
                    if (again.statusCode() != 200) {
                        failures.add("retry answered HTTP " + again.statusCode());
                        return;
                    }
                    answer = again;
                }
                html = answer.body();
            }
        } catch (Exception e) {
            failures.add(e.toString());
        }
    }

    private static Project setUp(Database db, int reviewers, int records) {
        ProjectService projects = new ProjectService(db);
        Project p = projects.create("Team load test", ProjectKind.SCOPING, null);
        List<String> reasons = List.of("wrong population", "no model of care");
        new ProtocolService(db).save(p, new Protocol("Load test", "Q", List.of(), List.of(
                new StageRules(StageName.TITLE_ABSTRACT, 2, true, "all", List.of(), reasons),
                new StageRules(StageName.FULL_TEXT, 2, true, "all", List.of(), reasons)), null), "lead");
        db.useTransaction(h -> {
            for (int i = 1; i <= records; i++) {
                StudyStore.insert(h, p.id(), Record.builder().title("Early palliative care model " + i)
                        .abstractText("Shared care between general practice and oncology, record " + i)
                        .author(Author.of("Author" + i, "A")).year(2000 + i % 25).build());
            }
        });
        return p;
    }

    private static List<String> reviewers(Database db, Project p, int reviewers) {
        AccountService accounts = new AccountService(db);
        TeamService team = new TeamService(db);
        var admin = accounts.addUser("load-lead", "Lead", password("load-lead"), true, "bench");
        team.put(p, "load-lead", Role.OWNER, admin);
        List<String> out = new ArrayList<>();
        for (int r = 1; r <= reviewers; r++) {
            String name = "reviewer" + r;
            accounts.addUser(name, name, password(name), false, "bench");
            team.put(p, name, Role.REVIEWER, admin);
            out.add(name);
        }
        return out;
    }

    private static String password(String name) {
        return "load-test-password-" + name;
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("the page has no " + p.pattern());
        }
        return m.group(1);
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
