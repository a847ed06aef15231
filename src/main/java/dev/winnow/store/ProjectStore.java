package dev.winnow.store;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code project}. */
public final class ProjectStore {
    private ProjectStore() {
    }

    private static final String COLUMNS = "id, key, title, kind, description, created_at";

    public static Project insert(Handle h, String key, String title, ProjectKind kind, String description) {
        String now = Clock.now();
        long id = h.createQuery("insert into project (key, title, kind, description, created_at) "
                        + "values (:key, :title, :kind, :description, :now) returning id")
                .bind("key", key).bind("title", title).bind("kind", kind.label())
                .bind("description", description).bind("now", now)
                .mapTo(Long.class).one();
        return new Project(id, key, title, kind, description, now);
    }

    public static boolean keyExists(Handle h, String key) {
        return h.createQuery("select count(*) from project where key = :key").bind("key", key)
                .mapTo(Integer.class).one() > 0;
    }

    public static Optional<Project> findByKey(Handle h, String key) {
        return h.createQuery("select " + COLUMNS + " from project where key = :key").bind("key", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public static Optional<Project> findById(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from project where id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<Project> list(Handle h) {
        return h.createQuery("select " + COLUMNS + " from project order by id").map((rs, ctx) -> row(rs)).list();
    }

    private static Project row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Project(rs.getLong("id"), rs.getString("key"), rs.getString("title"),
                ProjectKind.parse(rs.getString("kind")), rs.getString("description"), rs.getString("created_at"));
    }
}
