package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.account.AccountService;
import dev.winnow.project.ProjectService;
import dev.winnow.project.TeamService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web application: one Javalin server over the feature services. Each feature registers
 * its routes in its own small class ({@code *Routes}); this one wires them and the cross-cutting
 * pieces: security headers, sign-in and CSRF ({@link Security}), static files, error pages.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private final Database db;
    private final Javalin app;
    private final Views views = new Views();
    private final dev.winnow.rank.RankedQueues ranking;
    /** The imports running in this process, shown on the sources page (also after a reload). */
    private final dev.winnow.importing.ImportsUnderway underway = new dev.winnow.importing.ImportsUnderway();
    private final Security security;

    public WebServer(Database db) {
        this(db, WebOptions.defaults());
    }

    public WebServer(Database db, WebOptions options) {
        this.db = db;
        // one in-memory ranking cache per server, refreshed in the background (see RankedQueues)
        this.ranking = new dev.winnow.rank.RankedQueues(db);
        AccountService accounts = new AccountService(db);
        ProjectService projects = new ProjectService(db);
        TeamService team = new TeamService(db);
        this.security = new Security(accounts, options);
        Projects access = new Projects(team);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/static";
                sf.location = Location.CLASSPATH;
            });
            cfg.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.routes.before(security::before);
            // browsers ask for /favicon.ico whatever the page says: the same funnel as /static/favicon.svg
            cfg.routes.get("/favicon.ico", ctx -> {
                try (var in = WebServer.class.getResourceAsStream("/static/favicon.svg")) {
                    ctx.contentType("image/svg+xml").header("Cache-Control", "max-age=86400").result(in.readAllBytes());
                }
            });
            cfg.routes.get("/health", ctx -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("database", db.dialect().name().toLowerCase(Locale.ROOT));
                body.put("version", dev.winnow.cli.Versions.current());
                ctx.json(body);
            });
            var invitations = new dev.winnow.account.InvitationService(db, accounts);
            new AuthRoutes(accounts, invitations, security, views,
                    userId -> dev.winnow.screen.ScreeningService.releaseAllOf(db, userId)).register(cfg.routes);
            new ProjectRoutes(projects, team, new dev.winnow.review.ReviewStatusService(db), invitations, access, views)
                    .register(cfg.routes);
            new ApiRoutes(projects, team, access).register(cfg.routes);
            new SearchRoutes(new dev.winnow.searching.SearchService(db), access, views).register(cfg.routes);
            new SourceRoutes(new dev.winnow.importing.ImportService(db), underway, access, views).register(cfg.routes);
            new ExportRoutes(new dev.winnow.export.ExportService(db), access).register(cfg.routes);
            new ChartRoutes(projects, new dev.winnow.chart.ChartService(db), new dev.winnow.screen.ScreeningService(db),
                    access, views).register(cfg.routes);
            new ScreenRoutes(projects, new dev.winnow.screen.ScreeningService(db, ranking),
                    new dev.winnow.protocol.ProtocolService(db), new dev.winnow.screen.HighlightService(db),
                    team, access, views, ranking, new dev.winnow.review.ReviewStatusService(db)).register(cfg.routes);

            new FullTextRoutes(projects, new dev.winnow.screen.FullTextService(db), new dev.winnow.screen.ScreeningService(db),
                    access, views).register(cfg.routes);
            new DedupRoutes(new dev.winnow.dedup.DedupService(db), new dev.winnow.importing.ImportService(db), access, views)
                    .register(cfg.routes);
            new ReportRoutes(new dev.winnow.report.ReportService(db), new dev.winnow.report.ReportExports(db),
                    new dev.winnow.report.checklist.ChecklistService(db), new dev.winnow.screen.ScreeningService(db),
                    access, views).register(cfg.routes);
            new ProtocolRoutes(new dev.winnow.protocol.ProtocolService(db), team, access, views).register(cfg.routes);

            cfg.routes.exception(WebError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(UserError.class, (e, ctx) ->
                    error(ctx, e instanceof dev.winnow.screen.StageClosed ? 403
                            : e instanceof dev.winnow.screen.RecordTaken ? 409 : 400, e.getMessage()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (tooLarge(e)) {
                    drainRefusedUpload(ctx);
                    // and say the connection ends here: whatever could not be drained must not be
                    // read as the client's next request, nor the client reuse a connection about to close
                    ctx.header("Connection", "close");
                    error(ctx, 413, "The upload is larger than the limit of " + size(options.maxUploadBytes())
                            + ": split the export into smaller files (most databases export in batches).");
                    return;
                }
                if (badMultipart(e)) {
                    error(ctx, 400, "The upload could not be read (a broken multipart form); send the file again.");
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "Something went wrong on the server; the log says what.");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "Not found.");
                }
            });
        });
    }

    /** How much of a refused upload is read and dropped so that its sender gets the answer (see below). */
    static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    /**
     * Reads what is left of an upload refused for its size, up to {@link #DRAIN_LIMIT}, and drops
     * it: a client still sending when the server answers and closes the connection gets a reset,
     * and its user a broken connection instead of the message that says what the limit is.
     */
    private static void drainRefusedUpload(io.javalin.http.Context ctx) {
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = DRAIN_LIMIT;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the body cannot be read any more: the answer goes out as it can
        }
    }

    /** Whether a failure is Jetty refusing a multipart body over the configured size. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof IllegalStateException && (m.startsWith("max length exceeded") || m.contains("exceeds max"))) {
                return true;
            }
            if (t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    private static boolean badMultipart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException) {
                return true;
            }
        }
        return false;
    }

    /** A byte count as people say it: 512 MB, 64 KB. */
    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return Math.max(1, bytes >> 10) + " KB";
    }

    /** An error as JSON for the API and as a page (or an htmx fragment) for people. */
    private void error(Context ctx, int status, String message) {
        Security.headers(ctx);
        ctx.status(status);
        if (Security.isApi(ctx)) {
            ctx.json(Map.of("error", message == null ? "" : message));
        } else if (ctx.header("HX-Request") != null) {
            ctx.html(views.render("error-fragment.jte", Map.of("message", message == null ? "" : message)));
        } else {
            ctx.html(views.render("error.jte", Map.of(
                    "page", new PageInfo(Security.user(ctx), Security.csrf(ctx), "Error " + status, null, null),
                    "status", status, "message", message == null ? "" : message)));
        }
    }

    /** Renders a precompiled template; every {@code ${}} in it is HTML-escaped by jte. */
    public String render(String template, Map<String, Object> params) {
        return views.render(template, params);
    }

    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Peers that sent X-Forwarded-For without being declared trusted proxies (each warned about once). */
    java.util.Set<String> undeclaredProxies() {
        return security.undeclaredProxies();
    }

    public int port() {
        return app.port();
    }

    /** The imports this server is running (tests start one by hand to see the page a reload shows). */
    dev.winnow.importing.ImportsUnderway importsUnderway() {
        return underway;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        app.stop();
        ranking.close();
    }
}
