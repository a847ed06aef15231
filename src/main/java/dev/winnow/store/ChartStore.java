package dev.winnow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Rows of {@code chart_form} (one row per form version) and {@code chart_entry} (append-only in
 * use: a revised entry is a new row; the newest per study, person and role counts).
 */
public final class ChartStore {
    private ChartStore() {
    }

    public record FormRow(long id, long projectId, String name, int version, String definition, String createdAt) {
    }

    /** A stored entry; {@code content} holds answers and locations as JSON. */
    public record EntryRow(long id, long formId, long studyId, Long userId, String username, String role,
                           Map<String, Object> content, List<String> agreedBy, String createdAt) {
    }

    public static FormRow insertForm(Handle h, long projectId, String name, int version, String definition, Long userId) {
        String now = Clock.now();
        long id = h.createQuery("insert into chart_form (project_id, name, version, definition, created_at, created_by) "
                        + "values (:p, :n, :v, :d, :now, :u) returning id")
                .bind("p", projectId).bind("n", name).bind("v", version).bind("d", definition).bind("now", now)
                .bind("u", userId).mapTo(Long.class).one();
        return new FormRow(id, projectId, name, version, definition, now);
    }

    /** The project's newest form version (the one new entries use). */
    public static Optional<FormRow> currentForm(Handle h, long projectId) {
        return h.createQuery("select id, project_id, name, version, definition, created_at from chart_form "
                        + "where project_id = :p order by id desc limit 1")
                .bind("p", projectId).map((rs, ctx) -> new FormRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6))).findOne();
    }

    public static Optional<FormRow> form(Handle h, long formId) {
        return h.createQuery("select id, project_id, name, version, definition, created_at from chart_form where id = :id")
                .bind("id", formId).map((rs, ctx) -> new FormRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6))).findOne();
    }

    public static int latestVersion(Handle h, long projectId, String name) {
        return h.createQuery("select coalesce(max(version), 0) from chart_form where project_id = :p and name = :n")
                .bind("p", projectId).bind("n", name).mapTo(Integer.class).one();
    }

    public static EntryRow insertEntry(Handle h, long formId, long studyId, Long userId, String role,
                                       Map<String, Object> content, List<String> agreedBy) {
        String now = Clock.now();
        long id = h.createQuery("insert into chart_entry (form_id, study_id, user_id, role, answers, agreed_by, created_at) "
                        + "values (:f, :s, :u, :r, :a, :g, :now) returning id")
                .bind("f", formId).bind("s", studyId).bind("u", userId).bind("r", role).bind("a", Json.write(content))
                .bind("g", agreedBy == null || agreedBy.isEmpty() ? null : Json.write(agreedBy)).bind("now", now)
                .mapTo(Long.class).one();
        return new EntryRow(id, formId, studyId, userId, null, role, content, agreedBy == null ? List.of() : agreedBy, now);
    }

    /** The newest entry per (study, person, role) of the project, oldest study first. */
    public static List<EntryRow> latestEntries(Handle h, long projectId) {
        return h.createQuery("select e.id, e.form_id, e.study_id, e.user_id, u.username, e.role, e.answers, e.agreed_by, "
                        + "e.created_at from chart_entry e join chart_form f on f.id = e.form_id "
                        + "left join app_user u on u.id = e.user_id where f.project_id = :p and e.id = ("
                        + "select max(x.id) from chart_entry x where x.study_id = e.study_id and x.role = e.role "
                        + "and (x.user_id = e.user_id or (x.user_id is null and e.user_id is null))) "
                        + "order by e.study_id, e.id")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).list();
    }

    private static EntryRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long uid = rs.getLong(4);
        Long user = rs.wasNull() ? null : uid;
        String agreed = rs.getString(8);
        return new EntryRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), user, rs.getString(5), rs.getString(6),
                Json.read(rs.getString(7), new TypeReference<Map<String, Object>>() { }),
                agreed == null ? List.of() : Json.read(agreed, new TypeReference<List<String>>() { }),
                rs.getString(9));
    }
}
