package dev.winnow.store;

import dev.winnow.record.Doi;
import dev.winnow.record.Record;
import dev.winnow.record.Titles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Rows of {@code source_record}: each record exactly as one export gave it (raw text kept),
 * with its parsed fields as JSON. Immutable: the table refuses UPDATE and DELETE, and this class
 * offers neither.
 */
public final class SourceRecordStore {
    private SourceRecordStore() {
    }

    /** A stored source record; {@code importFileId} is null for a record added by hand. */
    public record SourceRecord(long id, long projectId, long sourceId, Long importFileId, int position, String rawText,
                               Record record, String createdAt) {
    }

    /**
     * A record ready for the database: its columns computed (JSON written, title and DOI
     * normalised) away from the database thread, so that an import can prepare rows on one core
     * while the database stores them on the other.
     */
    public record Row(int position, String raw, String fields, String title, Integer year, String doi, String pmid) {
        public static Row of(int position, String raw, Record r) {
            return new Row(position, noNul(raw), RecordJson.write(r), noNul(Titles.display(r.title())), r.year(),
                    noNul(Doi.normalise(r.doi())), noNul(r.pmid()));
        }

        /** PostgreSQL text cannot hold U+0000 (damaged files do): stored as U+FFFD; the JSON escapes it. */
        private static String noNul(String s) {
            return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
        }
    }

    /** How many rows go to the database in one batch. */
    public static final int BATCH_SIZE = 500;

    private static final String INSERT = "insert into source_record (project_id, source_id, import_file_id, position, "
            + "raw_text, fields, title, year, doi, pmid, created_at) "
            + "values (:p, :s, :f, :pos, :raw, :fields, :title, :year, :doi, :pmid, :now)";

    /**
     * Inserts a file's records in batches (JDBI {@link PreparedBatch}), so that a file of any size
     * needs memory for one batch only. Call {@link #flush()} at the end.
     */
    public static final class Inserter {
        private final Handle h;
        private final long projectId;
        private final long sourceId;
        private final Long importFileId;
        private final String now = Clock.now();
        private PreparedBatch batch;
        private int pending;
        private long inserted;

        private Inserter(Handle h, long projectId, long sourceId, Long importFileId) {
            this.h = h;
            this.projectId = projectId;
            this.sourceId = sourceId;
            this.importFileId = importFileId;
        }

        public void add(int position, String raw, Record r) {
            add(Row.of(position, raw, r));
        }

        public void add(Row row) {
            if (batch == null) {
                batch = h.prepareBatch(INSERT);
            }
            batch.bind("p", projectId).bind("s", sourceId).bind("f", importFileId).bind("pos", row.position())
                    .bind("raw", row.raw()).bind("fields", row.fields()).bind("title", row.title())
                    .bind("year", row.year()).bind("doi", row.doi()).bind("pmid", row.pmid())
                    .bind("now", now).add();
            if (++pending >= BATCH_SIZE) {
                flush();
            }
        }

        /** Sends what is pending; returns how many records this inserter has stored so far. */
        public long flush() {
            if (pending > 0) {
                batch.execute();
                batch.close();
                batch = null;
                inserted += pending;
                pending = 0;
            }
            return inserted;
        }
    }

    public static Inserter inserter(Handle h, long projectId, long sourceId, Long importFileId) {
        return new Inserter(h, projectId, sourceId, importFileId);
    }

    /** Inserts one record (a record added by hand) and returns its id. */
    public static long insert(Handle h, long projectId, long sourceId, Long importFileId, int position, String raw,
                              Record r) {
        Row row = Row.of(position, raw, r);
        return h.createQuery(INSERT + " returning id")
                .bind("p", projectId).bind("s", sourceId).bind("f", importFileId).bind("pos", row.position())
                .bind("raw", row.raw()).bind("fields", row.fields()).bind("title", row.title())
                .bind("year", row.year()).bind("doi", row.doi()).bind("pmid", row.pmid())
                .bind("now", Clock.now()).mapTo(Long.class).one();
    }

    /** The next position for a record added by hand to a source (they have no file to count in). */
    public static int nextHandPosition(Handle h, long sourceId) {
        return h.createQuery("select coalesce(max(position), 0) + 1 from source_record "
                        + "where source_id = :s and import_file_id is null")
                .bind("s", sourceId).mapTo(Integer.class).one();
    }

    public static long countForFile(Handle h, long importFileId) {
        return h.createQuery("select count(*) from source_record where import_file_id = :f")
                .bind("f", importFileId).mapTo(Long.class).one();
    }

    public static long countForProject(Handle h, long projectId) {
        return h.createQuery("select count(*) from source_record where project_id = :p")
                .bind("p", projectId).mapTo(Long.class).one();
    }

    /**
     * Streams a project's source records in import order (of one source when {@code sourceId} is not
     * null), one at a time: an export of any size needs memory for one record.
     */
    public static void forEach(Handle h, long projectId, Long sourceId, Consumer<SourceRecord> each) {
        String sql = "select id, project_id, source_id, import_file_id, position, raw_text, fields, created_at "
                + "from source_record where project_id = :p" + (sourceId == null ? "" : " and source_id = :s")
                + " order by id";
        var q = h.createQuery(sql).bind("p", projectId).setFetchSize(BATCH_SIZE);
        if (sourceId != null) {
            q.bind("s", sourceId);
        }
        q.map((rs, ctx) -> row(rs)).useStream(stream -> stream.forEach(each));
    }

    public static java.util.Optional<SourceRecord> findById(Handle h, long id) {
        return h.createQuery("select id, project_id, source_id, import_file_id, position, raw_text, fields, created_at "
                        + "from source_record where id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    private static SourceRecord row(ResultSet rs) throws SQLException {
        return new SourceRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), AuditStore.nullableLong(rs, 4),
                rs.getInt(5), rs.getString(6), RecordJson.read(rs.getString(7)), rs.getString(8));
    }
}
