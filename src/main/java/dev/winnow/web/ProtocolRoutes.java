package dev.winnow.web;

import dev.winnow.UserError;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.project.TeamService.Access;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.ProtocolYaml;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol editor: {@code GET /p/{key}/protocol} (the current protocol as {@code protocol.yaml},
 * {@code ?version=N} an earlier one, {@code ?example=1} the running example to start from; every
 * version listed) and {@code POST /p/{key}/protocol} (owners: saves the YAML as the next version;
 * a file with an error is refused with the line and what was expected, and nothing is saved) and
 * {@code POST /p/{key}/protocol/form} (owners: the same protocol as a structured form, see {@link ProtocolForm}).
 */
public final class ProtocolRoutes {
    static final String FILE = "protocol.yaml";
    private final ProtocolService protocols;
    private final TeamService team;
    private final Projects access;
    private final Views views;

    ProtocolRoutes(ProtocolService protocols, TeamService team, Projects access, Views views) {
        this.protocols = protocols;
        this.team = team;
        this.access = access;
        this.views = views;
    }

    /** One saved version, for the list. */
    public record VersionView(int version, String savedAt, String savedBy) {
    }

    void register(RoutesConfig r) {
        r.get("/p/{key}/protocol", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            String v = ctx.queryParam("version");
            if (v != null) {
                if (!v.matches("\\d{1,9}")) {
                    throw new UserError("'" + v + "' is not a version number");
                }
                int wanted = Integer.parseInt(v);
                var found = protocols.history(a.project()).stream().filter(x -> x.version() == wanted).findFirst()
                        .orElseThrow(() -> new WebError(404, "The protocol has no version " + wanted + "."));
                page(ctx, a, ProtocolYaml.write(found.protocol()), null, wanted, null, null, 200);
                return;
            }
            String yaml = "1".equals(ctx.queryParam("example")) ? ProtocolYaml.exampleText()
                    : protocols.exportYaml(a.project());
            page(ctx, a, yaml, null, null, null, null, 200);
        });
        r.post("/p/{key}/protocol/form", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            ProtocolForm form = ProtocolForm.from(ctx);
            try {
                var saved = protocols.save(a.project(), form.toProtocol(protocols.current(a.project()).protocol()),
                        a.user().username());
                page(ctx, a, ProtocolYaml.write(saved.protocol()), null, null, "Saved as version " + saved.version() + ".",
                        null, 200);
            } catch (UserError e) {
                page(ctx, a, protocols.exportYaml(a.project()), form, null, null, e.getMessage(), 400);
            }
        });
        r.post("/p/{key}/protocol", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            String yaml = ctx.formParam("yaml");
            try {
                var saved = protocols.save(a.project(), ProtocolYaml.read(yaml, FILE), a.user().username());
                page(ctx, a, ProtocolYaml.write(saved.protocol()), null, null, "Saved as version " + saved.version() + ".",
                        null, 200);
            } catch (UserError e) {
                page(ctx, a, yaml == null ? "" : yaml, null, null, null, e.getMessage(), 400);
            }
        });
    }

    /** The page: the structured form ({@code form}, else the current protocol's) and the YAML ({@code yaml}). */
    private void page(Context ctx, Access a, String yaml, ProtocolForm form, Integer viewing, String message,
                      String error, int status) {
        Map<Long, String> names = new HashMap<>();
        team.members(a.project()).forEach(m -> names.put(m.userId(), m.username()));
        List<VersionView> versions = protocols.history(a.project()).stream()
                .map(v -> new VersionView(v.version(), v.createdAt() == null ? "" : v.createdAt(),
                        v.createdBy() == null ? "" : names.getOrDefault(v.createdBy(), "user " + v.createdBy())))
                .sorted((x, y) -> Integer.compare(y.version(), x.version()))
                .toList();
        ctx.status(status).html(views.render("protocol/page.jte", Map.of(
                "page", ProjectRoutes.page(ctx, "Protocol", a, "protocol"),
                "yaml", yaml,
                "form", form != null ? form : ProtocolForm.of(protocols.current(a.project()).protocol()),
                "yamlError", error != null && form == null || "1".equals(ctx.queryParam("example")),
                "current", protocols.current(a.project()).version(),
                "viewing", viewing == null ? 0 : viewing,
                "versions", versions,
                "message", message == null ? "" : message,
                "error", error == null ? "" : error)));
    }
}
