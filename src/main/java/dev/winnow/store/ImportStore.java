package dev.winnow.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code import_file}: one per file imported, with its checksum and its import report. */
public final class ImportStore {
    private ImportStore() {
    }

    /** An imported file. {@code report} is the import report as JSON. */
    public record ImportFile(long id, long projectId, long sourceId, String fileName, String sha256, long sizeBytes,
                             String format, String encoding, int recordCount, int skippedCount, String report,
                             String importedAt, Long importedBy) {
    }

    private static final String COLUMNS = "id, project_id, source_id, file_name, sha256, size_bytes, format, encoding, "
            + "record_count, skipped_count, report, imported_at, imported_by";

    /** Starts a file's import; {@link #finish} fills in what reading it found, in the same transaction. */
    public static long start(Handle h, long projectId, long sourceId, String fileName, String sha256, long sizeBytes,
                             Long importedBy) {
        return h.createQuery("insert into import_file (project_id, source_id, file_name, sha256, size_bytes, format, "
                        + "record_count, imported_at, imported_by) values (:p, :s, :f, :sha, :size, '', 0, :now, :by) "
                        + "returning id")
                .bind("p", projectId).bind("s", sourceId).bind("f", fileName).bind("sha", sha256).bind("size", sizeBytes)
                .bind("now", Clock.now()).bind("by", importedBy).mapTo(Long.class).one();
    }

    public static void finish(Handle h, long id, String format, String encoding, int recordCount, int skippedCount,
                              String reportJson) {
        h.createUpdate("update import_file set format = :f, encoding = :e, record_count = :n, skipped_count = :k, "
                        + "report = :r where id = :id")
                .bind("f", format).bind("e", encoding).bind("n", recordCount).bind("k", skippedCount)
                .bind("r", reportJson).bind("id", id).execute();
    }

    /** Replaces a file's stored report (the deduplication that follows an import adds its figures). */
    public static void setReport(Handle h, long id, String reportJson) {
        h.createUpdate("update import_file set report = :r where id = :id").bind("r", reportJson).bind("id", id)
                .execute();
    }

    /** The earliest import of a file with this checksum into the project, if any. */
    public static Optional<ImportFile> findBySha(Handle h, long projectId, String sha256) {
        return h.createQuery("select " + COLUMNS + " from import_file where project_id = :p and sha256 = :sha order by id")
                .bind("p", projectId).bind("sha", sha256).map((rs, ctx) -> row(rs)).findFirst();
    }

    public static Optional<ImportFile> findById(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from import_file where id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public static List<ImportFile> list(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from import_file where project_id = :p order by id")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).list();
    }

    private static ImportFile row(ResultSet rs) throws SQLException {
        return new ImportFile(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("source_id"),
                rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("format"),
                rs.getString("encoding"), rs.getInt("record_count"), rs.getInt("skipped_count"), rs.getString("report"),
                rs.getString("imported_at"), AuditStore.nullableLong(rs, 13));
    }
}
