package dev.winnow.demo;

import dev.winnow.UserError;
import dev.winnow.dedup.DedupService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.report.ReportService;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.screen.DecisionImportService;
import dev.winnow.screen.StageName;
import dev.winnow.store.Database;
import dev.winnow.store.ImportStore;
import dev.winnow.store.StageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code winnow demo}: a ready-made project (key {@code demo}) to look around in. It replays a real
 * review chain when the shared data is beside the checkout (CiteSource's {@code new_stage_data}:
 * six database exports, the 128 records that passed title/abstract screening, the 24 included),
 * else a small sample of our own making. Every step is idempotent: a second run continues where
 * the first stopped and redoes nothing.
 */
public final class DemoService {
    public static final String KEY = "demo";

    /** One database export of the demo and the source it is imported as. */
    public record Export(String file, String source, String platform) {
    }

    /** The CiteSource review chain (files in {@code citesource/vignettes/new_stage_data}). */
    public static final List<Export> CITESOURCE = List.of(
            new Export("Dimensions_246.ris", "Dimensions", ""),
            new Export("econlit_3.ris", "EconLit", "EBSCO"),
            new Export("envindex_100.ris", "Environment Index", "EBSCO"),
            new Export("lens_343.ris", "Lens", ""),
            new Export("medline_84.ris", "MEDLINE", ""),
            new Export("wos_278.ris", "Web of Science", ""));

    /** The built-in sample (resources {@code demo/sample/}): invented records, written for Winnow. */
    public static final List<Export> SAMPLE = List.of(
            new Export("medline.ris", "MEDLINE", "Ovid"),
            new Export("cinahl.ris", "CINAHL", "EBSCO"),
            new Export("embase.ris", "Embase", "Elsevier"));

    /** What the demo did, and what (if anything) it could not do yet. */
    public record Result(Project project, String data, List<String> steps, FlowDiagram flow, Path svg,
                         String missing) {
    }

    private final Database db;

    public DemoService(Database db) {
        this.db = db;
    }

    /** The CiteSource chain folder when present, else null (the built-in sample is used). */
    public static Path citeSourceChain(Path sharedData) {
        Path p = sharedData.resolve("citesource/vignettes/new_stage_data");
        for (Export e : CITESOURCE) {
            if (!Files.isRegularFile(p.resolve(e.file()))) {
                return null;
            }
        }
        return Files.isRegularFile(p.resolve("screened_128.ris")) && Files.isRegularFile(p.resolve("final_24.ris"))
                ? p : null;
    }

    /**
     * Builds (or continues) the demo project.
     *
     * @param chain  the CiteSource chain folder, or null for the built-in sample
     * @param outDir where the PRISMA SVG is written
     */
    public Result run(Path chain, Path outDir) {
        List<String> steps = new ArrayList<>();
        Path dir = chain != null ? chain : unpackSample(outDir.resolve("sample"));
        List<Export> exports = chain != null ? CITESOURCE : SAMPLE;
        String data = chain != null ? "CiteSource review chain (" + chain + ")" : "built-in sample (invented records)";
        ProjectService projects = new ProjectService(db);
        Project p = projects.find(KEY).orElse(null);
        if (p == null) {
            p = projects.createWithKey(KEY, "Demo: " + (chain != null ? "CiteSource review chain"
                    : "early palliative care models (sample)"), ProjectKind.SCOPING, "Made by 'winnow demo' from the "
                    + data);
            steps.add("created project '" + KEY + "'");
        }
        Project project = p;

        // 1. the database exports, each as its own source
        ImportService imports = new ImportService(db);
        for (Export e : exports) {
            boolean done = db.withHandle(h -> ImportStore.list(h, project.id()).stream()
                    .anyMatch(f -> f.fileName().equals(e.file())));
            if (!done) {
                var r = imports.importFile(project, new SourceSpec(e.source(), e.platform(), SourceKind.DATABASE, null,
                        null, null), dir.resolve(e.file()), ImportService.Options.DEFAULT, ImportService.Actor.commandLine());
                steps.add("imported " + e.file() + " as " + e.source() + ": " + r.records() + " records");
            }
        }

        // 2. deduplication: each import ran it; this run links what an interrupted earlier demo left unlinked
        boolean importedNow = steps.stream().anyMatch(x -> x.startsWith("imported "));
        DedupService.Summary dedup = new DedupService(db).run(project, ImportService.Actor.commandLine());
        if (dedup.newLinks() > 0 || importedNow) {
            steps.add("deduplicated: " + dedup.records() + " records → " + dedup.studies() + " studies ("
                    + dedup.duplicates() + " duplicates linked, " + dedup.maybesQueued() + " maybe pairs queued, "
                    + dedup.relatedPairs() + " related pairs)");
        }

        // 3. title/abstract outcomes, then full-text outcomes, replayed from the records that passed each stage
        DecisionImportService replay = new DecisionImportService(db);
        String[] stageFiles = chain != null ? new String[] {"screened_128.ris", "final_24.ris"}
                : new String[] {"screened.ris", "included.ris"};
        StageName[] stages = {StageName.TITLE_ABSTRACT, StageName.FULL_TEXT};
        for (int i = 0; i < 2; i++) {
            StageName stage = stages[i];
            boolean decided = db.withHandle(h -> StageStore.find(h, project.id(), stage.label())
                    .map(s -> h.createQuery("select (select count(*) from decision where stage_id = :s) "
                            + "+ (select count(*) from resolution where stage_id = :s)").bind("s", s.id())
                            .mapTo(Long.class).one() > 0).orElse(false));
            if (!decided) {
                var r = replay.importFile(project, stage, "demo", dir.resolve(stageFiles[i]), true);
                steps.add("replayed " + stage.label() + " outcomes from " + stageFiles[i] + ": " + r.included()
                        + " included, " + r.excluded() + " excluded"
                        + (r.unmatched().isEmpty() ? "" : ", " + r.unmatched().size() + " not matched"));
            }
        }

        // 4. the diagram
        ReportService reports = new ReportService(db);
        FlowDiagram flow = reports.flow(project);
        Path svg = null;
        if (flow.consistent()) {
            svg = outDir.resolve("demo-prisma.svg");
            write(svg, reports.prisma(project, ReportService.Format.SVG));
            steps.add("drew the PRISMA 2020 flow diagram");
        }
        return new Result(project, data, steps, flow, svg, flow.consistent() ? null
                : "the PRISMA numbers do not add up: " + flow.violations());
    }

    private static Path unpackSample(Path dir) {
        List<String> files = new ArrayList<>();
        SAMPLE.forEach(e -> files.add(e.file()));
        files.add("screened.ris");
        files.add("included.ris");
        try {
            Files.createDirectories(dir);
            for (String f : files) {
                try (InputStream in = DemoService.class.getResourceAsStream("/demo/sample/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("the built-in demo sample lacks " + f);
                    }
                    Files.write(dir.resolve(f), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot write the demo sample to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
