package dev.winnow.cli;

import dev.winnow.screen.Decision;
import dev.winnow.screen.ScreeningService;
import dev.winnow.store.Database;
import dev.winnow.store.UserStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code winnow conflicts --project P --stage S [--json]}: records whose reviewers disagree. */
@Command(name = "conflicts", description = "Records whose reviewers disagree at a stage (a maybe counts as disagreement).")
public final class ConflictsCommand extends StageReadout<List<ConflictsCommand.Shown>> {

    /** A conflict as printed: the record, its title and each reviewer's newest decision. */
    record Shown(long record, String title, List<Vote> decisions) {
    }

    record Vote(String reviewer, String decision, List<String> reasons, String note, String decidedAt) {
    }

    @Override
    List<Shown> read(Database db, ScreeningService service) {
        List<ScreeningService.Conflict> conflicts = service.conflicts(opts.viewer(db), opts.project(db), opts.stage());
        Map<Long, String> names = new LinkedHashMap<>();
        db.withHandle(h -> {
            UserStore.list(h).forEach(u -> names.put(u.id(), u.username()));
            return null;
        });
        return conflicts.stream().map(c -> new Shown(c.studyId(), c.title(), c.decisions().stream()
                .map((Decision d) -> new Vote(names.get(d.userId()), d.verdict().label(), d.reasons(), d.note(),
                        d.decidedAt())).toList())).toList();
    }

    @Override
    void print(PrintWriter out, List<Shown> conflicts) {
        if (conflicts.isEmpty()) {
            out.println("No conflicts at " + opts.stage().label() + ".");
        }
        for (Shown c : conflicts) {
            out.println("record " + c.record() + "  " + (c.title() == null ? "" : c.title()));
            for (Vote v : c.decisions()) {
                out.println("    " + v.reviewer() + ": " + v.decision()
                        + (v.reasons().isEmpty() ? "" : " (" + String.join("; ", v.reasons()) + ")"));
            }
        }
    }
}
