package dev.winnow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.winnow.screen.Decision;
import dev.winnow.screen.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Rows of {@code decision}. Append-only by design: this class offers no way to change or remove
 * a decision, and the database refuses UPDATE and DELETE on the table (triggers in V1).
 */
public final class DecisionStore {
    private DecisionStore() {
    }

    /** What a reviewer decided, before it is stored. */
    public record NewDecision(
            long stageId, long studyId, long userId, Verdict verdict, List<String> reasons,
            Map<String, String> criteria, String note, Integer secondsTaken, String origin, Long pilotRoundId,
            String idempotencyKey) {
    }

    private static final String COLUMNS =
            "id, stage_id, study_id, user_id, verdict, reasons, criteria, note, seconds_taken, origin, decided_at";

    /** Stores a decision; with an idempotency key seen before, returns the stored one instead. */
    public static Decision append(Handle h, NewDecision d) {
        if (d.idempotencyKey() != null) {
            Optional<Decision> existing = byIdempotencyKey(h, d.idempotencyKey());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String now = Clock.now();
        long id = h.createQuery("insert into decision (stage_id, study_id, user_id, verdict, reasons, criteria, note, "
                        + "seconds_taken, origin, pilot_round_id, idempotency_key, decided_at) values (:stage, :study, "
                        + ":user, :verdict, :reasons, :criteria, :note, :secs, :origin, :pilot, :key, :now) returning id")
                .bind("stage", d.stageId()).bind("study", d.studyId()).bind("user", d.userId())
                .bind("verdict", d.verdict().label())
                .bind("reasons", d.reasons() == null || d.reasons().isEmpty() ? null : Json.write(d.reasons()))
                .bind("criteria", d.criteria() == null || d.criteria().isEmpty() ? null : Json.write(d.criteria()))
                .bind("note", d.note()).bind("secs", d.secondsTaken())
                .bind("origin", d.origin() == null ? "screen" : d.origin())
                .bind("pilot", d.pilotRoundId()).bind("key", d.idempotencyKey()).bind("now", now)
                .mapTo(Long.class).one();
        return new Decision(id, d.stageId(), d.studyId(), d.userId(), d.verdict(),
                d.reasons() == null ? List.of() : List.copyOf(d.reasons()),
                d.criteria() == null ? Map.of() : Map.copyOf(d.criteria()), d.note(), d.secondsTaken(),
                d.origin() == null ? "screen" : d.origin(), now);
    }

    public static Optional<Decision> byIdempotencyKey(Handle h, String key) {
        return h.createQuery("select " + COLUMNS + " from decision where idempotency_key = :k").bind("k", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Every decision at a stage, oldest first (the full log, superseded ones included). */
    public static List<Decision> history(Handle h, long stageId) {
        return h.createQuery("select " + COLUMNS + " from decision where stage_id = :s order by id")
                .bind("s", stageId).map((rs, ctx) -> row(rs)).list();
    }

    /** One study's decisions at a stage, oldest first. */
    public static List<Decision> forStudy(Handle h, long stageId, long studyId) {
        return h.createQuery("select " + COLUMNS + " from decision where stage_id = :s and study_id = :t order by id")
                .bind("s", stageId).bind("t", studyId).map((rs, ctx) -> row(rs)).list();
    }

    /** The decisions made in one pilot (calibration) round, oldest first. */
    public static List<Decision> forPilotRound(Handle h, long pilotRoundId) {
        return h.createQuery("select " + COLUMNS + " from decision where pilot_round_id = :r order by id")
                .bind("r", pilotRoundId).map((rs, ctx) -> row(rs)).list();
    }

    /** One reviewer's decisions at a stage, oldest first. */
    public static List<Decision> byUser(Handle h, long stageId, long userId) {
        return h.createQuery("select " + COLUMNS + " from decision where stage_id = :s and user_id = :u order by id")
                .bind("s", stageId).bind("u", userId).map((rs, ctx) -> row(rs)).list();
    }

    static Decision row(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        String criteria = rs.getString("criteria");
        int secs = rs.getInt("seconds_taken");
        Integer seconds = rs.wasNull() ? null : secs;
        return new Decision(rs.getLong("id"), rs.getLong("stage_id"), rs.getLong("study_id"), rs.getLong("user_id"),
                Verdict.parse(rs.getString("verdict")),
                reasons == null ? List.of() : Json.read(reasons, new TypeReference<List<String>>() { }),
                criteria == null ? Map.of() : Json.read(criteria, new TypeReference<Map<String, String>>() { }),
                rs.getString("note"), seconds, rs.getString("origin"), rs.getString("decided_at"));
    }
}
