package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.report.ReportExports;
import dev.winnow.report.ReportService;
import dev.winnow.report.checklist.ChecklistService;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.report.render.PrismaData;
import dev.winnow.searching.SearchService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow report prisma|check|checklist}: the review's report, computed from its data. */
@Command(name = "report", description = "PRISMA 2020 flow diagram, PRISMA-ScR checklist and report exports.",
        subcommands = {ReportCommand.Prisma.class, ReportCommand.Check.class, ReportCommand.Checklist.class,
                ReportCommand.Included.class, ReportCommand.Excluded.class})
public final class ReportCommand {

    @Command(name = "prisma", description = "The PRISMA 2020 flow diagram as JSON, SVG, PNG, PDF or the PRISMA2020 "
            + "R package's CSV. Refused, with the reasons, when the numbers do not add up.")
    static final class Prisma implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ProjectAndFile target;

        @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
                description = "json (default), svg, png, pdf or csv.")
        String format;

        @Override
        public Integer call() {
            ReportService.Format f = ReportService.Format.parse(format);
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(target.project);
                byte[] bytes = new ReportService(db).prisma(p, f);
                Output.write(spec, bytes, target.output, f.binary(), f.extension);
            }
            return Cli.OK;
        }
    }

    @Command(name = "check", description = "The flow's numbers and whether they add up (exit 1 when they do not).")
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                FlowDiagram d = new ReportService(db).flow(p);
                // each database's count in the flow (records imported) against the count its search reported
                var differing = new SearchService(db).list(p).stream()
                        .filter(s -> s.difference() != null && s.difference() != 0).toList();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = PrismaData.json(d);
                    m.put("violations", d.violations().stream().map(v -> Map.of("rule", v.rule(),
                            "message", v.message())).toList());
                    m.put("searchCounts", differing.stream().map(s -> Map.of("source", s.source(),
                            "reported", s.reported(), "imported", s.imported())).toList());
                    out.println(Json.pretty(m));
                } else {
                    PrismaData.values(d).forEach((k, v) -> out.printf("  %-28s %s%n", k, v));
                    d.warnings().forEach(w -> out.println("warning: " + w));
                    differing.forEach(s -> out.println("warning: " + s.source() + ": its search found " + s.reported()
                            + " records, " + s.imported() + " were imported (" + s.check() + ")"));
                    if (d.consistent()) {
                        out.println("The numbers add up: the diagram can be drawn.");
                    } else {
                        out.println("The numbers do not add up:");
                        d.violations().forEach(v -> out.println("  - " + v));
                    }
                }
                return d.consistent() ? Cli.OK : Cli.BAD_INPUT;
            }
        }
    }

    @Command(name = "checklist", description = "The PRISMA-ScR checklist (and the PRISMA-S items), pre-filled from "
            + "the project, as Markdown or DOCX-friendly HTML.")
    static final class Checklist implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ProjectAndFile target;

        @Option(names = "--format", defaultValue = "md", paramLabel = "FORMAT", description = "md (default) or html.")
        String format;

        @Override
        public Integer call() {
            boolean html = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "md", "markdown" -> false;
                case "html", "htm" -> true;
                default -> throw new UserError("unknown format '" + format + "': expected md or html");
            };
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(target.project);
                ChecklistService service = new ChecklistService(db);
                String text = html ? service.html(p) : service.markdown(p);
                Output.write(spec, text.getBytes(StandardCharsets.UTF_8), target.output, false, html ? "html" : "md");
            }
            return Cli.OK;
        }
    }

    @Command(name = "included", description = "The included studies (reports) as RIS, CSV, XLSX, BibTeX or CSL-JSON.")
    static final class Included implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ProjectAndFile target;

        @Option(names = "--format", defaultValue = "ris", paramLabel = "FORMAT", description = "ris (default), csv, xlsx, bibtex or csl-json.")
        String format;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(target.project);
                byte[] bytes = new ReportExports(db).included(p, format);
                Output.write(spec, bytes, target.output, "xlsx".equalsIgnoreCase(format.strip()), format.strip());
            }
            return Cli.OK;
        }
    }

    @Command(name = "excluded", description = "The full texts excluded, with their reasons, as CSV, Markdown or HTML.")
    static final class Excluded implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ProjectAndFile target;

        @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv (default), md or html.")
        String format;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(target.project);
                Output.write(spec, new ReportExports(db).excludedTable(p, format), target.output, false, format);
            }
            return Cli.OK;
        }
    }

    /** The options every report export shares: which project, and where to write. */
    static final class ProjectAndFile {
        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (stdout otherwise).")
        Path output;
    }

    /** Writing a command's result: to a file (atomically) or to stdout. */
    static final class Output {
        private Output() {
        }

        static void write(CommandSpec spec, byte[] bytes, Path output, boolean binary, String extension) {
            PrintWriter out = spec.commandLine().getOut();
            if (output == null) {
                if (binary) {
                    throw new UserError(extension.toUpperCase(java.util.Locale.ROOT)
                            + " is binary: give -o FILE to write it");
                }
                out.print(new String(bytes, StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            try {
                Path abs = output.toAbsolutePath();
                if (abs.getParent() != null) {
                    Files.createDirectories(abs.getParent());
                }
                Path tmp = Files.createTempFile(abs.getParent(), ".winnow-", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UserError("cannot write " + output + ": " + e.getMessage(), e);
            }
            out.println("Wrote " + output + " (" + bytes.length + " bytes)");
        }
    }
}
