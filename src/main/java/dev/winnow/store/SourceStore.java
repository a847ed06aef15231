package dev.winnow.store;

import dev.winnow.importing.OtherMethod;
import dev.winnow.importing.Source;
import dev.winnow.importing.SourceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code source}: the databases, registers and other methods a project's records came from. */
public final class SourceStore {
    private SourceStore() {
    }

    private static final String COLUMNS =
            "id, project_id, name, platform, kind, other_method, search_string, searched_on, created_at";

    public static Source insert(Handle h, long projectId, String name, String platform, SourceKind kind,
                                OtherMethod otherMethod, String searchString, String searchedOn) {
        String now = Clock.now();
        long id = h.createQuery("insert into source (project_id, name, platform, kind, other_method, search_string, "
                        + "searched_on, created_at) values (:p, :name, :platform, :kind, :om, :ss, :on, :now) returning id")
                .bind("p", projectId).bind("name", name).bind("platform", platform).bind("kind", kind.label())
                .bind("om", otherMethod == null ? null : otherMethod.label()).bind("ss", searchString)
                .bind("on", searchedOn).bind("now", now)
                .mapTo(Long.class).one();
        return new Source(id, projectId, name, platform, kind, otherMethod, searchString, searchedOn, now);
    }

    /** The source with this name and platform (platform "" when none). */
    public static Optional<Source> find(Handle h, long projectId, String name, String platform) {
        return h.createQuery("select " + COLUMNS + " from source where project_id = :p and name = :n and platform = :pl")
                .bind("p", projectId).bind("n", name).bind("pl", platform).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Every source of a project with this name, whatever its platform. */
    public static List<Source> findByName(Handle h, long projectId, String name) {
        return h.createQuery("select " + COLUMNS + " from source where project_id = :p and name = :n order by id")
                .bind("p", projectId).bind("n", name).map((rs, ctx) -> row(rs)).list();
    }

    public static Optional<Source> findById(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from source where id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<Source> list(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from source where project_id = :p order by id")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).list();
    }

    /** Fills in the search date and search string of a source that did not have them yet. */
    public static void completeSearch(Handle h, long id, String searchString, String searchedOn) {
        h.createUpdate("update source set search_string = coalesce(search_string, :ss), "
                        + "searched_on = coalesce(searched_on, :on) where id = :id")
                .bind("ss", searchString).bind("on", searchedOn).bind("id", id).execute();
    }

    private static Source row(ResultSet rs) throws SQLException {
        String om = rs.getString("other_method");
        return new Source(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"), rs.getString("platform"),
                SourceKind.parse(rs.getString("kind")), om == null ? null : OtherMethod.parse(om),
                rs.getString("search_string"), rs.getString("searched_on"), rs.getString("created_at"));
    }
}
