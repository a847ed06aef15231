package dev.winnow.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Rows of {@code full_text}: retrieval events per study (sought, retrieved with the PDF's bytes and
 * extracted text, not-retrieved with a reason). The newest row per study is its state.
 */
public final class FullTextStore {
    private FullTextStore() {
    }

    /** A state row without the PDF bytes (read those with {@link #content}). */
    public record FullTextRow(long id, long projectId, long studyId, String status, String reason, String fileName,
                              String sha256, Long sizeBytes, Integer pageCount, String createdAt) {
    }

    private static final String COLUMNS =
            "id, project_id, study_id, status, reason, file_name, sha256, size_bytes, page_count, created_at";

    public record NewFullText(long projectId, long studyId, String status, String reason, String fileName,
                              String sha256, byte[] content, String extractedText, Integer pageCount, Long userId) {
    }

    public static long insert(Handle h, NewFullText f) {
        return h.createQuery("insert into full_text (project_id, study_id, status, reason, file_name, sha256, "
                        + "content_type, size_bytes, content, extracted_text, page_count, created_at, created_by) "
                        + "values (:p, :s, :st, :r, :f, :sha, :ct, :size, :c, :t, :pages, :now, :u) returning id")
                .bind("p", f.projectId()).bind("s", f.studyId()).bind("st", f.status()).bind("r", f.reason())
                .bind("f", f.fileName()).bind("sha", f.sha256())
                .bind("ct", f.content() == null ? null : "application/pdf")
                .bind("size", f.content() == null ? null : (long) f.content().length).bind("c", f.content())
                .bind("t", f.extractedText()).bind("pages", f.pageCount()).bind("now", Clock.now())
                .bind("u", f.userId()).mapTo(Long.class).one();
    }

    /** The newest row of each study of the project that has any. */
    public static List<FullTextRow> latest(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from full_text f where project_id = :p and id = "
                        + "(select max(id) from full_text g where g.study_id = f.study_id) order by study_id")
                .bind("p", projectId).map((rs, ctx) -> row(rs)).list();
    }

    public static Optional<FullTextRow> latest(Handle h, long projectId, long studyId) {
        return h.createQuery("select " + COLUMNS + " from full_text where project_id = :p and study_id = :s "
                        + "order by id desc limit 1")
                .bind("p", projectId).bind("s", studyId).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The newest retrieved PDF of a study: its bytes. */
    public static Optional<byte[]> content(Handle h, long studyId) {
        return h.createQuery("select content from full_text where study_id = :s and content is not null "
                        + "order by id desc limit 1").bind("s", studyId).mapTo(byte[].class).findOne();
    }

    /** The newest retrieved PDF's extracted text. */
    public static Optional<String> text(Handle h, long studyId) {
        return h.createQuery("select extracted_text from full_text where study_id = :s and status = 'retrieved' "
                        + "order by id desc limit 1").bind("s", studyId).mapTo(String.class).findOne();
    }

    private static FullTextRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FullTextRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), (Long) rs.getObject(8, Long.class),
                (Integer) rs.getObject(9, Integer.class), rs.getString(10));
    }
}
