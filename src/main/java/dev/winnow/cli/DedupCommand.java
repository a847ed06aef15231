package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.dedup.DedupResult;
import dev.winnow.dedup.DedupService;
import dev.winnow.dedup.Deduplicator;
import dev.winnow.importing.ImportService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Record;
import dev.winnow.store.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code winnow dedup --project P [--json]}: deduplicates a project's source records into study
 * records ({@link DedupService}; incremental). {@code winnow dedup FILE... --clusters OUT.csv}:
 * stateless deduplication of any supported input.
 * Writes {@code id,cluster} (one row per input record; id = the record's ID column when the input
 * has one, else FILE#n) and optionally the "maybe" pairs for a person to check.
 */
@Command(name = "dedup", description = {"Deduplicate a project's records into studies (--project P), or files "
        + "(stateless: FILE... --clusters OUT.csv writes each record's cluster as CSV id,cluster)."})
public final class DedupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--project", paramLabel = "KEY", description = "Deduplicate this project's records (incremental).")
    String project;

    @Option(names = "--json", description = "With --project: print the summary as JSON.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files in any supported format (stateless mode).")
    List<Path> files;

    @Option(names = "--clusters", paramLabel = "OUT.csv", description = "Where to write id,cluster.")
    Path clusters;

    @Option(names = "--maybe", paramLabel = "OUT.csv",
            description = "Where to write the pairs a person should check (id_a,id_b,rule,evidence).")
    Path maybe;

    @Override
    public Integer call() {
        boolean hasFiles = files != null && !files.isEmpty();
        if (project != null) {
            if (hasFiles || clusters != null || maybe != null) {
                throw new ParameterException(spec.commandLine(), "--project and FILE... (with --clusters/--maybe) "
                        + "are two different modes: give one or the other");
            }
            return runProject();
        }
        if (!hasFiles || clusters == null) {
            throw new ParameterException(spec.commandLine(), "give --project KEY, or FILE... with --clusters OUT.csv");
        }
        if (json) {
            throw new ParameterException(spec.commandLine(), "--json goes with --project");
        }
        List<String> ids = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
            for (ParsedRecord p : Ingest.readAll(f, null)) {
                List<String> id = p.record().extra().get("id");
                ids.add(id != null && !id.isEmpty() ? id.get(0) : name + "#" + p.position());
                records.add(p.record());
            }
        }
        DedupResult r = Deduplicator.run(records);
        write(clusters, w -> {
            w.write("id,cluster\n");
            for (int i = 0; i < ids.size(); i++) {
                w.write(csv(ids.get(i)) + "," + r.clusterOf()[i] + "\n");
            }
        });
        if (maybe != null) {
            write(maybe, w -> {
                w.write("id_a,id_b,rule,evidence\n");
                for (DedupResult.Pair p : r.maybes()) {
                    w.write(csv(ids.get(p.a())) + "," + csv(ids.get(p.b())) + "," + csv(p.judgement().rule()) + ","
                            + csv(Json.write(p.judgement().evidence())) + "\n");
                }
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d records, %d clusters (%d duplicates merged), %d maybe pairs%s, %d related pairs%n", ids.size(),
                r.clusterCount(), r.duplicatesRemoved(), r.maybes().size(), r.maybesBeyondBound() == 0 ? ""
                        : " (" + r.maybesBeyondBound() + " less likely ones left out: at most one per 20 records)",
                r.related().size());
        if (maybe == null && !r.maybes().isEmpty()) {
            spec.commandLine().getErr().println("winnow: " + r.maybes().size()
                    + " pairs may be duplicates and were not merged; write them with --maybe OUT.csv");
        }
        return Cli.OK;
    }

    private int runProject() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Context.open(spec)) {
            Project p = new ProjectService(db).get(project);
            DedupService.Summary s = new DedupService(db).run(p, ImportService.Actor.commandLine());
            if (json) {
                out.println(Json.pretty(s));
                return Cli.OK;
            }
            out.printf("%d source records → %d studies (%d duplicates linked)%n", s.records(), s.studies(),
                    s.duplicates());
            out.printf("this run: %d records linked, %d new studies, %d studies updated, %d maybe pairs queued, "
                    + "%d related pairs%n", s.newLinks(), s.newStudies(), s.updatedStudies(), s.maybesQueued(),
                    s.relatedPairs());
            if (!s.overlap().isEmpty()) {
                out.println("studies shared by two sources:");
                for (var o : s.overlap()) {
                    out.printf("  %s + %s: %d%n", o.sourceA(), o.sourceB(), o.studies());
                }
            }
        }
        return Cli.OK;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path file, Body body) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new UserError(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** A CSV cell: quoted when needed; a leading formula character neutralised (the ids are imported text). */
    static String csv(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("'")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
