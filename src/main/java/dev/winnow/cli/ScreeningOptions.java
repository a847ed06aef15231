package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.UserStore;
import picocli.CommandLine.Option;

/** The options screening commands share: project, stage and the reviewer acting or viewing. */
final class ScreeningOptions {
    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
    String project;

    @Option(names = "--stage", defaultValue = "title-abstract", paramLabel = "STAGE",
            description = "title-abstract (default) or full-text.")
    String stage;

    @Option(names = "--reviewer", paramLabel = "NAME",
            description = "Who acts (created when new). For read-outs: see what this reviewer may see while blinded; "
                    + "without it, the command line sees everything (the owner's view).")
    String reviewer;

    StageName stage() {
        return StageName.parse(stage);
    }

    Project project(Database db) {
        return new ProjectService(db).get(project);
    }

    /** The named reviewer (created when new), or the unblinded owner's view when none is named. */
    Viewer viewer(Database db) {
        if (reviewer == null || reviewer.isBlank()) {
            return Viewer.overseer(cliActor());
        }
        UserStore.User u = db.inTransaction(h -> UserStore.ensure(h, reviewer.strip()));
        return Viewer.reviewer(u.id(), u.username());
    }

    /** Who acts, for actions that need a name: --reviewer, else "cli:" and the operating-system user. */
    String actor() {
        return reviewer == null || reviewer.isBlank() ? cliActor() : reviewer.strip();
    }

    static String cliActor() {
        return "cli:" + System.getProperty("user.name", "user");
    }
}
