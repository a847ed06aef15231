package dev.winnow.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rows of {@code stage}: title-abstract and full-text screening of one project. */
public final class StageStore {
    private StageStore() {
    }

    public record StageRow(long id, long projectId, String name, int position, int reviewersPerRecord,
                           boolean blinded, String assignment) {
    }

    private static final String COLUMNS = "id, project_id, name, position, reviewers_per_record, blinded, assignment";

    /** The project's stage of this name, created with defaults (2 reviewers, blinded) when missing. */
    public static StageRow ensure(Handle h, long projectId, String name) {
        return find(h, projectId, name).orElseGet(() -> {
            int position = "title-abstract".equals(name) ? 1 : 2;
            h.createUpdate("insert into stage (project_id, name, position, created_at) values (:p, :n, :pos, :now)")
                    .bind("p", projectId).bind("n", name).bind("pos", position).bind("now", Clock.now()).execute();
            return find(h, projectId, name).orElseThrow();
        });
    }

    /** Sets a stage's rules (from the protocol): reviewers per record, blinding and assignment mode. */
    public static void configure(Handle h, long stageId, int reviewersPerRecord, boolean blinded, String assignment) {
        h.createUpdate("update stage set reviewers_per_record = :r, blinded = :b, assignment = :a where id = :id")
                .bind("r", reviewersPerRecord).bind("b", blinded).bind("a", assignment).bind("id", stageId).execute();
    }

    public static Optional<StageRow> find(Handle h, long projectId, String name) {
        return h.createQuery("select " + COLUMNS + " from stage where project_id = :p and name = :n")
                .bind("p", projectId).bind("n", name).map((rs, ctx) -> new StageRow(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6), rs.getString(7))).findOne();
    }

    public static List<StageRow> list(Handle h, long projectId) {
        return h.createQuery("select " + COLUMNS + " from stage where project_id = :p order by position")
                .bind("p", projectId).map((rs, ctx) -> new StageRow(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6), rs.getString(7))).list();
    }
}
