package dev.winnow.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.winnow.UserError;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.project.TeamService.Access;
import dev.winnow.store.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON API, {@code /api/v1}: the same actions as the pages, the same sign-in (session cookie
 * plus X-CSRF-Token on writes, or {@code Authorization: Bearer TOKEN}) and the same membership
 * checks (non-members get 404). Errors are {@code {"error": "..."}}. See docs/web.md.
 */
final class ApiRoutes {
    static final String BASE = "/api/v1";
    private final ProjectService projects;
    private final TeamService team;
    private final Projects access;

    ApiRoutes(ProjectService projects, TeamService team, Projects access) {
        this.projects = projects;
        this.team = team;
        this.access = access;
    }

    void register(RoutesConfig r) {
        r.get(BASE + "/me", ctx -> {
            var u = Security.user(ctx);
            ctx.json(Map.of("username", u.username(), "displayName", u.displayName() == null ? "" : u.displayName(),
                    "admin", u.admin()));
        });
        r.get(BASE + "/projects", ctx -> ctx.json(team.projectsOf(Security.user(ctx)).stream()
                .map(pr -> project(pr.project(), pr.role())).toList()));
        r.post(BASE + "/projects", ctx -> {
            var user = Security.user(ctx);
            if (!user.admin()) {
                throw WebError.forbidden("Only an administrator can create projects.");
            }
            Map<String, String> body = body(ctx);
            var p = projects.createOwnedBy(body.get("title"),
                    ProjectKind.parse(body.getOrDefault("kind", "scoping")), body.get("description"), user);
            ctx.status(201).json(project(p, "owner"));
        });
        r.get(BASE + "/projects/{key}", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            Map<String, Object> out = project(a.project(), a.role().label());
            out.put("status", projects.status(a.project()));
            ctx.json(out);
        });
        r.get(BASE + "/projects/{key}/members", ctx ->
                ctx.json(team.members(access.access(ctx, Role.VIEWER).project())));
        r.put(BASE + "/projects/{key}/members/{username}", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            ctx.json(team.put(a.project(), ctx.pathParam("username"), Role.parse(body(ctx).get("role")), a.user()));
        });
        r.delete(BASE + "/projects/{key}/members/{username}", ctx -> {
            Access a = access.access(ctx, Role.OWNER);
            team.remove(a.project(), ctx.pathParam("username"), a.user());
            ctx.status(204);
        });
        r.get(BASE + "/projects/{key}/records", ctx -> {
            Access a = access.access(ctx, Role.VIEWER);
            int offset = ProjectRoutes.intParam(ctx, "offset", 0);
            int limit = Math.min(500, Math.max(1, ProjectRoutes.intParam(ctx, "limit", 100)));
            ctx.json(projects.studies(a.project(), offset, limit).stream()
                    .map(s -> RecordView.of(s.id(), s.record())).toList());
        });
    }

    static Map<String, Object> project(dev.winnow.project.Project p, String role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", p.key());
        m.put("title", p.title());
        m.put("kind", p.kind().label());
        m.put("description", p.description());
        m.put("role", role);
        return m;
    }

    /** The body as JSON of this shape; anything else is a 400 that says what was wrong. */
    static <T> T parse(Context ctx, Class<T> type) {
        try {
            T t = Json.MAPPER.readValue(ctx.body(), type);
            if (t == null) {
                throw new UserError("the request body must be a JSON object");
            }
            return t;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError("the request body is not the JSON expected: " + jsonProblem(e));
        }
    }

    /**
     * What was wrong with a JSON body, in the API's words: the field and what it should hold, never
     * the server's class names (Jackson's own messages name them).
     */
    static String jsonProblem(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'; the fields are: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining("."));
            return (field.isEmpty() ? "the body" : "'" + field + "'") + " should be " + expected(m.getTargetType());
        }
        if (e.getLocation() != null) {
            return "not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return "not valid JSON";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** A JSON object body with string values; anything else is a 400 that says so. */
    static Map<String, String> body(Context ctx) {
        try {
            Map<String, String> m = Json.MAPPER.readValue(ctx.body(), new TypeReference<Map<String, String>>() { });
            if (m == null) {
                throw new UserError("the request body must be a JSON object");
            }
            return m;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError("the request body must be a JSON object of strings: " + jsonProblem(e));
        }
    }
}
