package dev.winnow.store;

import dev.winnow.record.Record;
import dev.winnow.record.Titles;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code study}: the deduplicated unit reviewers screen. */
public final class StudyStore {
    private StudyStore() {
    }

    /** A study record: its id and its merged bibliographic fields. */
    public record Study(long id, long projectId, Record record) {
    }

    public static Study insert(Handle h, long projectId, Record merged) {
        String now = Clock.now();
        long id = h.createQuery("insert into study (project_id, fields, title, year, doi, created_at, updated_at) "
                        + "values (:p, :f, :t, :y, :d, :now, :now) returning id")
                .bind("p", projectId).bind("f", RecordJson.write(merged)).bind("t", Titles.display(merged.title()))
                .bind("y", merged.year()).bind("d", dev.winnow.record.Doi.normalise(merged.doi())).bind("now", now)
                .mapTo(Long.class).one();
        return new Study(id, projectId, merged);
    }

    public static Optional<Study> find(Handle h, long id) {
        return h.createQuery("select id, project_id, fields from study where id = :id").bind("id", id)
                .map((rs, ctx) -> new Study(rs.getLong(1), rs.getLong(2), RecordJson.read(rs.getString(3)))).findOne();
    }

    /**
     * Holds this study's row until the transaction ends, so that units of work that check a study's
     * state and then write (resolving its conflict) run one after another. On SQLite every writing
     * transaction holds the database's write lock from its start, so there is nothing more to do.
     */
    public static void lock(Handle h, long studyId) {
        try {
            if (h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres")) {
                h.createQuery("select id from study where id = :t for update").bind("t", studyId)
                        .mapTo(Long.class).findOne();
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot lock study " + studyId + ": " + e.getMessage(), e);
        }
    }

    /** The ids of a project's study records, in id order. */
    public static List<Long> ids(Handle h, long projectId) {
        return h.createQuery("select id from study where project_id = :p order by id").bind("p", projectId)
                .mapTo(Long.class).list();
    }

    public static List<Study> list(Handle h, long projectId) {
        return h.createQuery("select id, project_id, fields from study where project_id = :p order by id")
                .bind("p", projectId)
                .map((rs, ctx) -> new Study(rs.getLong(1), rs.getLong(2), RecordJson.read(rs.getString(3)))).list();
    }

    /** One page of a project's studies, in id order. */
    public static List<Study> page(Handle h, long projectId, int offset, int limit) {
        return h.createQuery("select id, project_id, fields from study where project_id = :p order by id "
                        + "limit :lim offset :off")
                .bind("p", projectId).bind("lim", limit).bind("off", offset)
                .map((rs, ctx) -> new Study(rs.getLong(1), rs.getLong(2), RecordJson.read(rs.getString(3)))).list();
    }
}
