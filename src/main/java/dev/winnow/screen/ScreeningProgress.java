package dev.winnow.screen;

import dev.winnow.project.Project;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who screened how much: per reviewer, the number of records they decided at a stage. Counts
 * only, never verdicts, so the overview can show them without unblinding anyone.
 */
public final class ScreeningProgress {
    private final Database db;

    public ScreeningProgress(Database db) {
        this.db = db;
    }

    public record ReviewerCount(String username, long records) {
    }

    public List<ReviewerCount> perReviewer(Project project, StageName stage) {
        return db.withHandle(h -> {
            var row = StageStore.find(h, project.id(), stage.label());
            if (row.isEmpty()) {
                return List.<ReviewerCount>of();
            }
            Map<Long, Set<Long>> byUser = new HashMap<>();
            for (Decision d : DecisionStore.history(h, row.get().id())) {
                byUser.computeIfAbsent(d.userId(), k -> new HashSet<>()).add(d.studyId());
            }
            List<ReviewerCount> out = new ArrayList<>();
            byUser.forEach((user, studies) -> out.add(new ReviewerCount(
                    UserStore.findById(h, user).map(UserStore.User::username).orElse("user " + user), studies.size())));
            out.sort((a, b) -> a.username().compareTo(b.username()));
            return out;
        });
    }
}
