package dev.winnow.screen;

import java.util.List;

/**
 * The order in which a reviewer should meet a stage's records — the active-learning ranking
 * ({@code rank.RankedQueues}) or plain record order. {@link ScreeningService#next} offers the
 * preferred records first, skipping any that are no longer open to this reviewer, then the rest
 * in record order; so a stale or partial order is safe, merely less helpful.
 */
@FunctionalInterface
public interface QueueOrder {
    /** Record order: nothing preferred. */
    QueueOrder RECORD_ORDER = (projectId, stageId, userId) -> List.of();

    /** Study ids, best first. Called on every "next record": it must answer from memory, quickly. */
    List<Long> preferred(long projectId, long stageId, long userId);
}
