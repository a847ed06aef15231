package dev.winnow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.winnow.screen.Resolution;
import dev.winnow.screen.Verdict;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Rows of {@code resolution}: append-only (the database refuses UPDATE and DELETE); the newest per record counts. */
public final class ResolutionStore {
    private ResolutionStore() {
    }

    private static final String COLUMNS = "id, stage_id, study_id, user_id, verdict, method, reasons, note, resolved_at";

    public static Resolution append(Handle h, long stageId, long studyId, Long userId, Verdict verdict, String method,
                                    List<String> reasons, String note) {
        String now = Clock.now();
        long id = h.createQuery("insert into resolution (stage_id, study_id, user_id, verdict, method, reasons, note, "
                        + "resolved_at) values (:s, :t, :u, :v, :m, :r, :n, :now) returning id")
                .bind("s", stageId).bind("t", studyId).bind("u", userId).bind("v", verdict.label()).bind("m", method)
                .bind("r", reasons == null || reasons.isEmpty() ? null : Json.write(reasons)).bind("n", note)
                .bind("now", now).mapTo(Long.class).one();
        return new Resolution(id, stageId, studyId, userId, verdict, method,
                reasons == null ? List.of() : List.copyOf(reasons), note, now);
    }

    /** Every resolution at a stage, oldest first. */
    public static List<Resolution> history(Handle h, long stageId) {
        return h.createQuery("select " + COLUMNS + " from resolution where stage_id = :s order by id")
                .bind("s", stageId).map((rs, ctx) -> row(rs)).list();
    }

    /** The newest resolution of one study at a stage (the one that counts). */
    public static java.util.Optional<Resolution> latest(Handle h, long stageId, long studyId) {
        return h.createQuery("select " + COLUMNS + " from resolution where stage_id = :s and study_id = :t "
                        + "order by id desc limit 1")
                .bind("s", stageId).bind("t", studyId).map((rs, ctx) -> row(rs)).findOne();
    }

    private static Resolution row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String reasons = rs.getString(7);
        return new Resolution(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                Columns.longOrNull(rs, 4), Verdict.parse(rs.getString(5)), rs.getString(6),
                reasons == null ? List.of() : Json.read(reasons, new TypeReference<List<String>>() { }),
                rs.getString(8), rs.getString(9));
    }
}
