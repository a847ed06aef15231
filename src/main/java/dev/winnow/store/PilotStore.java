package dev.winnow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Rows of {@code pilot_round}: calibration rounds, each kept with its sample and target. */
public final class PilotStore {
    private PilotStore() {
    }

    public record PilotRow(long id, long stageId, int number, List<Long> sample, double target, Integer protocolVersion,
                           String createdAt, String closedAt) {
    }

    private static final String COLUMNS = "id, stage_id, number, sample, target, protocol_version, created_at, closed_at";

    public static PilotRow insert(Handle h, long stageId, List<Long> sample, double target, int protocolVersion) {
        int number = h.createQuery("select coalesce(max(number), 0) + 1 from pilot_round where stage_id = :s")
                .bind("s", stageId).mapTo(Integer.class).one();
        String now = Clock.now();
        long id = h.createQuery("insert into pilot_round (stage_id, number, sample, target, protocol_version, created_at) "
                        + "values (:s, :n, :sample, :t, :v, :now) returning id")
                .bind("s", stageId).bind("n", number).bind("sample", Json.write(sample)).bind("t", target)
                .bind("v", protocolVersion).bind("now", now).mapTo(Long.class).one();
        return new PilotRow(id, stageId, number, List.copyOf(sample), target, protocolVersion, now, null);
    }

    public static void close(Handle h, long id) {
        h.createUpdate("update pilot_round set closed_at = :now where id = :id and closed_at is null")
                .bind("now", Clock.now()).bind("id", id).execute();
    }

    public static List<PilotRow> forStage(Handle h, long stageId) {
        return h.createQuery("select " + COLUMNS + " from pilot_round where stage_id = :s order by number")
                .bind("s", stageId).map((rs, ctx) -> new PilotRow(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        Json.read(rs.getString(4), new TypeReference<List<Long>>() { }), rs.getDouble(5),
                        (Integer) rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8))).list();
    }
}
