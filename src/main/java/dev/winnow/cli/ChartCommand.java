package dev.winnow.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.winnow.UserError;
import dev.winnow.chart.ChartEntry;
import dev.winnow.chart.ChartService;
import dev.winnow.chart.Difference;
import dev.winnow.chart.EvidenceMap;
import dev.winnow.chart.EvidenceMapSvg;
import dev.winnow.chart.FormYaml;
import dev.winnow.chart.Location;
import dev.winnow.chart.TableFiles;
import dev.winnow.chart.Templates;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow chart …}: charting forms, entries, consensus, evidence table and map. */
@Command(name = "chart", description = "Charting: forms, entries, consensus, evidence table and evidence map.",
        subcommands = {ChartCommand.TemplatesCmd.class, ChartCommand.FormCmd.class, ChartCommand.EntryCmd.class,
                ChartCommand.ConsensusCmd.class, ChartCommand.DiffCmd.class, ChartCommand.ExportCmd.class,
                ChartCommand.MapCmd.class})
public final class ChartCommand {

    /** Reads an answers file: YAML or JSON with {@code answers:} (and optional {@code locations:}), or bare answers. */
    static Map<String, Object> readAnswers(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, Object> m = new ObjectMapper(new YAMLFactory()).readValue(text,
                    new TypeReference<Map<String, Object>>() { });
            if (m == null) {
                throw new UserError(file + ": the file is empty");
            }
            return m;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UserError(file + (line > 0 ? ", line " + line : "") + ": expected YAML or JSON answers: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> answersPart(Map<String, Object> doc) {
        Object a = doc.get("answers");
        return a instanceof Map<?, ?> m ? (Map<String, Object>) m : doc;
    }

    static Map<String, Location> locationsPart(Map<String, Object> doc) {
        Object l = doc.get("locations");
        return l == null ? Map.of() : Json.MAPPER.convertValue(l, new TypeReference<Map<String, Location>>() { });
    }

    static void writeBytes(CommandSpec spec, Path output, byte[] bytes, boolean binary) throws IOException {
        if (output == null) {
            if (binary) {
                throw new UserError("this format is binary: give -o FILE");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
        } else {
            Files.write(output, bytes);
            spec.commandLine().getOut().println("Wrote " + output);
        }
    }

    @Command(name = "templates", description = "List the shipped charting templates (or print one).")
    static final class TemplatesCmd implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Print this template's YAML.")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (name != null) {
                out.print(Templates.yaml(name));
            } else {
                for (String n : Templates.names()) {
                    out.println(n + "  " + Templates.form(n).name());
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "form", description = "Import or export the project's charting form (chart-form.yaml).",
            subcommands = {FormCmd.Import.class, FormCmd.Export.class})
    static final class FormCmd {
        @Command(name = "import", description = "Save a form (a new version when it changed).")
        static final class Import implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Option(names = "--project", required = true, paramLabel = "KEY") String project;
            @Option(names = "--template", paramLabel = "NAME", description = "Use a shipped template instead of a file.")
            String template;
            @Parameters(index = "0", arity = "0..1", paramLabel = "FILE") Path file;
            @Option(names = "--by", paramLabel = "NAME", description = "Who saves it (for the audit log).")
            String by;

            @Override
            public Integer call() throws IOException {
                if ((file == null) == (template == null)) {
                    throw new UserError("give either a FILE or --template NAME");
                }
                String yaml = template != null ? Templates.yaml(template) : readFile(file);
                try (Database db = Context.open(spec)) {
                    Project p = new ProjectService(db).get(project);
                    ChartService.FormVersion v = new ChartService(db).importForm(p, yaml,
                            template != null ? template + ".yaml" : file.toString(), by);
                    spec.commandLine().getOut().println("Form \"" + v.form().name() + "\" version " + v.version()
                            + " (" + v.form().fields().size() + " fields) is the current form of " + p.key());
                }
                return Cli.OK;
            }
        }

        @Command(name = "export", description = "Write the current form as YAML.")
        static final class Export implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Option(names = "--project", required = true, paramLabel = "KEY") String project;
            @Parameters(index = "0", arity = "0..1", paramLabel = "FILE") Path file;

            @Override
            public Integer call() throws IOException {
                try (Database db = Context.open(spec)) {
                    Project p = new ProjectService(db).get(project);
                    String yaml = FormYaml.write(new ChartService(db).requireForm(p).form());
                    writeBytes(spec, file, yaml.getBytes(StandardCharsets.UTF_8), false);
                }
                return Cli.OK;
            }
        }
    }

    static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Command(name = "entry", description = "Save one reviewer's charting of a study (answers as YAML or JSON).")
    static final class EntryCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, paramLabel = "KEY") String project;
        @Option(names = "--study", required = true, paramLabel = "ID") long study;
        @Option(names = "--reviewer", required = true, paramLabel = "NAME") String reviewer;
        @Option(names = "--verify", description = "Record it as the verification of a single charting.") boolean verify;
        @Parameters(index = "0", paramLabel = "FILE") Path file;

        @Override
        public Integer call() {
            Map<String, Object> doc = readAnswers(file);
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                ChartService service = new ChartService(db);
                ChartEntry e = verify
                        ? service.saveVerification(p, study, reviewer, answersPart(doc), locationsPart(doc))
                        : service.saveEntry(p, study, reviewer, answersPart(doc), locationsPart(doc));
                spec.commandLine().getOut().println("Saved " + e.role() + " entry " + e.id() + " for study " + study
                        + " (form version " + e.formVersion() + ")");
            }
            return Cli.OK;
        }
    }

    @Command(name = "consensus", description = "Record the agreed charting of a study, with who agreed it.")
    static final class ConsensusCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, paramLabel = "KEY") String project;
        @Option(names = "--study", required = true, paramLabel = "ID") long study;
        @Option(names = "--agreed-by", required = true, split = ",", paramLabel = "NAME,NAME") List<String> agreedBy;
        @Option(names = "--by", paramLabel = "NAME", description = "Who records it (default: the first who agreed).")
        String by;
        @Parameters(index = "0", paramLabel = "FILE") Path file;

        @Override
        public Integer call() {
            Map<String, Object> doc = readAnswers(file);
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                ChartEntry e = new ChartService(db).saveConsensus(p, study, by == null ? agreedBy.get(0) : by, agreedBy,
                        answersPart(doc), locationsPart(doc));
                spec.commandLine().getOut().println("Saved consensus entry " + e.id() + " for study " + study
                        + ", agreed by " + String.join(", ", agreedBy));
            }
            return Cli.OK;
        }
    }

    @Command(name = "diff", description = "Show where two reviewers' chartings of a study differ.")
    static final class DiffCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, paramLabel = "KEY") String project;
        @Option(names = "--study", required = true, paramLabel = "ID") long study;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                List<Difference> diffs = new ChartService(db).differences(p, study);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.pretty(diffs));
                } else if (diffs.isEmpty()) {
                    out.println("The two entries for study " + study + " agree.");
                } else {
                    for (Difference d : diffs) {
                        out.println(d.path() + ": " + Json.write(d.first()) + " ≠ " + Json.write(d.second()));
                    }
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "export", description = "Write the evidence table (one row per charted source).")
    static final class ExportCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, paramLabel = "KEY") String project;
        @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx") String format;
        @Option(names = {"-o", "--output"}, paramLabel = "OUT") Path output;

        @Override
        public Integer call() throws IOException {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                var table = new ChartService(db).evidenceTable(p);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                switch (format) {
                    case "csv" -> {
                        StringWriter w = new StringWriter();
                        TableFiles.csv(table, w);
                        bytes.write(w.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    case "xlsx" -> TableFiles.xlsx(table, "Evidence table", bytes);
                    default -> throw new UserError("--format must be csv or xlsx, not '" + format + "'");
                }
                writeBytes(spec, output, bytes.toByteArray(), format.equals("xlsx"));
            }
            return Cli.OK;
        }
    }

    @Command(name = "map", description = "Draw the evidence map: sources × the categories of one field.")
    static final class MapCmd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, paramLabel = "KEY") String project;
        @Option(names = "--field", required = true, paramLabel = "FIELD",
                description = "A categorical field, or a group's subfield as group.field (e.g. components.category).")
        String field;
        @Option(names = "--format", defaultValue = "svg", paramLabel = "svg|png") String format;
        @Option(names = {"-o", "--output"}, paramLabel = "OUT") Path output;

        @Override
        public Integer call() throws IOException {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                EvidenceMap map = new ChartService(db).evidenceMap(p, field);
                String svg = EvidenceMapSvg.render(map);
                switch (format) {
                    case "svg" -> writeBytes(spec, output, svg.getBytes(StandardCharsets.UTF_8), false);
                    case "png" -> writeBytes(spec, output, EvidenceMapSvg.png(svg), true);
                    default -> throw new UserError("--format must be svg or png, not '" + format + "'");
                }
            }
            return Cli.OK;
        }
    }
}
