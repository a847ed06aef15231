package dev.winnow.web;

import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web application: one Javalin server over the feature services. Each feature registers
 * its routes in its own small class; this one wires them and the cross-cutting pieces.
 */
public final class WebServer implements AutoCloseable {
    private final Database db;
    private final Javalin app;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public WebServer(Database db) {
        this.db = db;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.staticFiles.enableWebjars();
            cfg.routes.get("/health", ctx -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("database", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
                body.put("version", dev.winnow.cli.Versions.current());
                ctx.json(body);
            });
            cfg.routes.get("/", ctx -> ctx.html(render("home.jte", Map.of("projects", new ProjectService(db).list()))));
        });
    }

    /** Renders a precompiled template; every {@code ${}} in it is HTML-escaped by jte. */
    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }

    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        app.stop();
    }
}
