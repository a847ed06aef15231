package dev.winnow.screen;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.util.ArrayList;
import java.util.List;

/** A project with study records and named reviewers, for the screening tests. */
final class ScreeningFixture {
    final Database db;
    final Project project;
    final List<Long> studies = new ArrayList<>();
    final ScreeningService screening;

    ScreeningFixture(Database db, int records) {
        this.db = db;
        this.project = db.inTransaction(h -> ProjectStore.insert(h, "p", "P", ProjectKind.SCOPING, null));
        db.useTransaction(h -> {
            for (int i = 1; i <= records; i++) {
                studies.add(StudyStore.insert(h, project.id(), Record.builder()
                        .title("Study number " + i + " of early palliative care").year(2000 + i % 20)
                        .doi("10.1000/test." + i).author(Author.of("Author" + i, "A")).build()).id());
            }
        });
        this.screening = new ScreeningService(db);
    }

    Viewer reviewer(String name) {
        UserStore.User u = db.inTransaction(h -> UserStore.ensure(h, name));
        return Viewer.reviewer(u.id(), u.username());
    }

    /** Saves a protocol with the given rules for both stages (reasons from the example). */
    void rules(int reviewers, boolean blinded, String assignment, List<String> resolvers) {
        List<String> reasons = List.of("wrong population", "no model of care", "single sector only");
        Protocol p = new Protocol("T", "Q", List.of(), List.of(
                new StageRules(StageName.TITLE_ABSTRACT, reviewers, blinded, assignment, resolvers, reasons),
                new StageRules(StageName.FULL_TEXT, reviewers, blinded, assignment, resolvers, reasons)), null);
        new ProtocolService(db).save(project, p, "lead");
    }

    Decision decide(Viewer v, StageName stage, long study, Verdict verdict, String... reasons) {
        return screening.decide(v, project, stage, study, ScreeningService.Input.of(verdict, reasons));
    }

    long study(int i) {
        return studies.get(i);
    }
}
