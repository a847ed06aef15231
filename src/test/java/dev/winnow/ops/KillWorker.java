package dev.winnow.ops;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StageRules;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The process {@link KillTest} kills with SIGKILL: it does units of work as fast as it can and
 * prints "ACK …" for each only after it was committed, exactly as a server acknowledges a user.
 * Usage: {@code KillWorker setup|screen|import DB_URL SEED}.
 */
public final class KillWorker {
    static final String PROJECT = "kill-test";
    static final int RECORDS = 400;
    static final List<String> REVIEWERS = List.of("r1", "r2", "r3", "r4");

    private KillWorker() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        String url = args[1];
        long seed = Long.parseLong(args[2]);
        PrintStream out = System.out;
        try (Database db = Database.open(url)) {
            switch (mode) {
                case "setup" -> setup(db);
                case "screen" -> screen(db, seed, out);
                case "import" -> importFiles(db, seed, out);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }

    /** A project with a protocol (2 reviewers, blinded) and study records to screen. */
    static void setup(Database db) {
        ProjectService projects = new ProjectService(db);
        if (projects.find(PROJECT).isPresent()) {
            return;
        }
        Project p = projects.createWithKey(PROJECT, "Kill test", ProjectKind.SCOPING, null);
        List<String> reasons = List.of("wrong population", "no model of care");
        new ProtocolService(db).save(p, new Protocol("Kill test", "Q", List.of(), List.of(
                new StageRules(StageName.TITLE_ABSTRACT, 2, true, "all", List.of(), reasons),
                new StageRules(StageName.FULL_TEXT, 2, true, "all", List.of(), reasons)), null), "lead");
        db.useTransaction(h -> {
            for (int i = 1; i <= RECORDS; i++) {
                StudyStore.insert(h, p.id(), Record.builder().title("Record " + i).year(2000 + i % 25)
                        .author(Author.of("Author" + i, "A")).build());
            }
            REVIEWERS.forEach(r -> UserStore.ensure(h, r));
        });
    }

    /** Imports generated RIS files of a few thousand records, one transaction each, forever. */
    static void importFiles(Database db, long seed, PrintStream out) {
        Project p = new ProjectService(db).get(PROJECT);
        dev.winnow.importing.ImportService imports = new dev.winnow.importing.ImportService(db);
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("winnow-kill");
            out.println("READY");
            out.flush();
            for (int n = 0; ; n++) {
                java.nio.file.Path file = dir.resolve("search-" + seed + "-" + n + ".ris");
                StringBuilder ris = new StringBuilder();
                int count = 1500 + (int) (seed % 7) * 100;
                for (int i = 0; i < count; i++) {
                    ris.append("TY  - JOUR\nTI  - Early palliative care ").append(seed).append('-').append(n).append('-')
                            .append(i).append("\nAU  - Smith, Jane\nPY  - 2021\nJO  - BMC Palliative Care\n")
                            .append("AB  - An abstract long enough to make the import take a while. ".repeat(4))
                            .append("\nER  - \n\n");
                }
                java.nio.file.Files.writeString(file, ris);
                var report = imports.importFile(p, dev.winnow.importing.SourceSpec.database("MEDLINE"), file,
                        dev.winnow.importing.ImportService.Options.DEFAULT, dev.winnow.importing.ImportService.Actor.commandLine());
                out.println("ACK IMPORT " + file.getFileName() + " " + report.records());
                out.flush();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reviewers take turns: next record, decide, print the acknowledgement, forever. */
    static void screen(Database db, long seed, PrintStream out) {
        Project p = new ProjectService(db).get(PROJECT);
        ScreeningService screening = new ScreeningService(db);
        List<Viewer> viewers = db.withHandle(h -> REVIEWERS.stream()
                .map(r -> Viewer.reviewer(UserStore.findByName(h, r).orElseThrow().id(), r)).toList());
        Random rnd = new Random(seed);
        out.println("READY");
        out.flush();
        for (long n = 0; ; n++) {
            Viewer v = viewers.get((int) (n % viewers.size()));
            Optional<ScreeningService.Next> next = screening.next(v, p, StageName.TITLE_ABSTRACT);
            if (next.isEmpty()) {
                continue;
            }
            long study = next.get().study().id();
            Verdict verdict = rnd.nextInt(4) == 0 ? Verdict.INCLUDE : Verdict.EXCLUDE;
            String key = "kill-" + seed + "-" + n;
            screening.decide(v, p, StageName.TITLE_ABSTRACT, study, new ScreeningService.Input(verdict,
                    verdict == Verdict.EXCLUDE ? List.of("wrong population") : List.of(), null, null, 1, key));
            out.println("ACK " + key + " " + study + " " + v.name());
            out.flush();
        }
    }
}
