package dev.winnow.importing;

import dev.winnow.UserError;
import dev.winnow.dedup.DedupService;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.project.Project;
import dev.winnow.record.Record;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Clock;
import dev.winnow.store.Database;
import dev.winnow.store.ImportStore;
import dev.winnow.store.Json;
import dev.winnow.store.SourceRecordStore;
import dev.winnow.store.SourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Importing search exports into a project, with provenance: every record is stored with its raw
 * text, parsed fields, source, file (name, sha256) and position, in one transaction per file, so
 * that a file that fails anywhere imports nothing. A file already imported into the project (same
 * sha256) is refused unless the caller asks for it again. Records found by other methods can also
 * be added one at a time by hand.
 */
public final class ImportService {
    /** How often (in records) an import tells its {@link ImportProgress}. */
    private static final int PROGRESS_EVERY = 250;
    private final Database db;
    private final java.util.function.BiFunction<Project, Actor, DedupService.Summary> dedup;

    public ImportService(Database db) {
        this(db, (project, actor) -> new DedupService(db).run(project, actor));
    }

    /** With the deduplication an import runs after its transaction given (tests make it fail). */
    ImportService(Database db, java.util.function.BiFunction<Project, Actor, DedupService.Summary> dedup) {
        this.db = db;
        this.dedup = dedup;
    }

    /** Who is importing: a signed-in user's id (or null on the command line) and a name for the audit log. */
    public record Actor(Long userId, String name) {
        public Actor {
            Objects.requireNonNull(name, "name");
        }

        /** The person running the command line, as the audit log names them. */
        public static Actor commandLine() {
            return new Actor(null, "cli:" + System.getProperty("user.name", "unknown"));
        }
    }

    /**
     * How to read a file: a format to force (null: detect by content), whether to import a file
     * again, whether one broken entry refuses the whole file ({@code strict}; else it is skipped
     * and reported, and the rest imported), and whether to deduplicate the project right after
     * (always, except for benchmarks of the import alone and tests of deduplication itself).
     */
    public record Options(Format format, boolean again, boolean strict, boolean deduplicate) {
        public static final Options DEFAULT = new Options(null, false, false, true);

        public Options(Format format, boolean again) {
            this(format, again, false, true);
        }

        public Options(Format format, boolean again, boolean strict) {
            this(format, again, strict, true);
        }

        /** These options, storing the records only: study records wait for a {@code dedup} run. */
        public Options withoutDedup() {
            return new Options(format, again, strict, false);
        }
    }

    /**
     * A record added by hand: its id, its source, its position among the source's hand-added
     * records, and a warning when the deduplication after it failed (the record is stored all the
     * same and waits for a dedup run).
     */
    public record AddedRecord(long id, Source source, int position, String warning) {
    }

    /** Imports one file into a project; returns its report. Throws {@link UserError} and imports nothing on failure. */
    public ImportReport importFile(Project project, SourceSpec spec, Path file, Options options, Actor actor) {
        return importFile(project, spec, file, options, actor, ImportProgress.NONE);
    }

    /**
     * Imports one file into a project in one transaction, then (unless the options say otherwise)
     * brings the project's study records up to date with the incremental deduplication
     * ({@link DedupService#run}) right after that transaction, and returns the report with both.
     * Throws {@link UserError} and imports nothing when the file is refused. Should deduplication
     * fail, the records stay imported and wait for a {@code dedup} run (the project's checklist says so).
     */
    public ImportReport importFile(Project project, SourceSpec spec, Path file, Options options, Actor actor,
                                   ImportProgress progress) {
        Ingest.requireFile(file);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            ImportReport report = store(project, spec, file, name, options, actor, progress);
            if (!options.deduplicate()) {
                return report;
            }
            progress.deduplicating(name, report.records());
            DedupService.Summary s;
            try {
                s = dedup.apply(project, actor);
            } catch (RuntimeException e) {
                // the file's records are committed: say so, and that a dedup run is owed, rather than
                // fail the import as if nothing had been stored (a retry would be refused as imported)
                ImportReport owed = report.withWarning("deduplication after the import failed (" + e
                        + "); the records are stored but wait for a dedup run (winnow dedup)");
                db.useTransaction(h -> ImportStore.setReport(h, report.importFileId(), Json.write(owed)));
                return owed;
            }
            ImportReport.Deduplication d = new ImportReport.Deduplication(s.newLinks(), s.newStudies(),
                    s.newLinks() - s.newStudies(), s.maybesQueued(), s.relatedPairs(), s.studies());
            ImportReport done = report.withDedup(d);
            db.useTransaction(h -> ImportStore.setReport(h, report.importFileId(), Json.write(done)));
            return done;
        } finally {
            progress.finished(name);
        }
    }

    private ImportReport store(Project project, SourceSpec spec, Path file, String name, Options options, Actor actor,
                               ImportProgress progress) {
        String sha256 = sha256(file, name);
        long size = size(file, name);
        return db.inTransaction(h -> {
            var earlier = ImportStore.findBySha(h, project.id(), sha256);
            if (earlier.isPresent() && !options.again()) {
                ImportStore.ImportFile e = earlier.get();
                String src = SourceStore.findById(h, e.sourceId()).map(Source::display).orElse("?");
                throw new UserError(name + " was already imported into this project (as " + e.fileName() + " into "
                        + src + " on " + e.importedAt().substring(0, 10) + ", " + e.recordCount()
                        + " records): pass --again to import the same file again");
            }
            Source source = resolve(h, project, spec, SourceKind.DATABASE);
            long fileId = ImportStore.start(h, project.id(), source.id(), name, sha256, size, actor.userId());
            SourceRecordStore.Inserter inserter = SourceRecordStore.inserter(h, project.id(), source.id(), fileId);
            ReadAhead ahead = new ReadAhead();
            ImportTally tally = new ImportTally(ahead::put, options.strict());
            long[] stored = {0, 0};
            Ingest.FileInfo info = ahead.run(() -> Ingest.read(file, options.format(), tally), row -> {
                inserter.add(row);
                stored[1] += row.raw() == null ? 0 : row.raw().length() + 1;
                if (++stored[0] % PROGRESS_EVERY == 0) {
                    progress.stored(name, (int) stored[0], size <= 0 ? -1 : Math.min(1.0, (double) stored[1] / size));
                }
            });
            inserter.flush();
            progress.stored(name, (int) stored[0], 1.0);
            ImportReport report = new ImportReport(fileId, name, sha256, size, source.display(), source.kind().label(),
                    info.format().id(), info.charset().name(), tally.records(), tally.skippedCount(),
                    tally.fieldsFound(), tally.extraFields(), tally.lacking(), tally.skipped(), tally.columns(),
                    earlier.isPresent(), Clock.now(), tally.repairedCount(), tally.repaired(), tally.warnings(),
                    null);
            ImportStore.finish(h, fileId, report.format(), report.encoding(), report.records(), report.skippedCount(),
                    Json.write(report));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("importFileId", fileId);
            details.put("source", source.display());
            details.put("sha256", sha256);
            details.put("format", report.format());
            details.put("records", report.records());
            details.put("skipped", report.skippedCount());
            details.put("repaired", report.repairedCount());
            details.put("again", report.again());
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "import.file", "file " + name, details);
            return report;
        });
    }

    /**
     * Adds one record by hand (grey literature, a reference list, a website) to a source, of kind
     * "other" unless said; then deduplicates the project as an import does, so it can be screened.
     * Should deduplication fail, the record stays added and the result carries a warning saying so.
     */
    public AddedRecord addRecord(Project project, SourceSpec spec, Record record, Actor actor) {
        AddedRecord added = storeRecord(project, spec, record, actor);
        try {
            dedup.apply(project, actor);
            return added;
        } catch (RuntimeException e) {
            // the record is committed: an error here would make the user add it again
            return new AddedRecord(added.id(), added.source(), added.position(), "deduplication after adding the "
                    + "record failed (" + e + "); the record is stored but waits for a dedup run (winnow dedup)");
        }
    }

    private AddedRecord storeRecord(Project project, SourceSpec spec, Record record, Actor actor) {
        if (record.title() == null) {
            throw new UserError("a record added by hand needs a title (--title)");
        }
        return db.inTransaction(h -> {
            Source source = resolve(h, project, spec, SourceKind.OTHER);
            int position = SourceRecordStore.nextHandPosition(h, source.id());
            long id = SourceRecordStore.insert(h, project.id(), source.id(), null, position, null, record);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sourceRecordId", id);
            details.put("source", source.display());
            details.put("title", record.title());
            AuditStore.record(h, project.id(), actor.userId(), actor.name(), "record.add", "source record " + id, details);
            return new AddedRecord(id, source, position, null);
        });
    }

    public List<Source> sources(Project project) {
        return db.withHandle(h -> SourceStore.list(h, project.id()));
    }

    /** The reports of every file imported into a project, oldest first. */
    public List<ImportReport> reports(Project project) {
        return db.withHandle(h -> ImportStore.list(h, project.id())).stream()
                .filter(f -> f.report() != null)
                .map(f -> Json.read(f.report(), ImportReport.class)).toList();
    }

    /**
     * The source an import or a hand-added record goes to: the existing one with this name and
     * platform, or a new one. A spec that contradicts the existing source (another kind, another
     * search date or search string) is refused: an update search is a source of its own.
     * Also used when a search strategy is recorded for a source ({@code searching.SearchService}).
     */
    public static Source resolve(Handle h, Project project, SourceSpec spec, SourceKind defaultKind) {
        var found = SourceStore.find(h, project.id(), spec.name(), spec.platform());
        if (found.isEmpty()) {
            SourceKind kind = spec.kindOrDefault(defaultKind);
            OtherMethod method = kind == SourceKind.OTHER
                    ? (spec.otherMethod() == null ? OtherMethod.OTHER : spec.otherMethod()) : null;
            return SourceStore.insert(h, project.id(), spec.name(), spec.platform(), kind, method, spec.searchString(),
                    spec.searchedOn());
        }
        Source s = found.get();
        if (spec.kind() != null && spec.kind() != s.kind()) {
            throw new UserError("source '" + s.display() + "' is of kind " + s.kind().label() + ", not "
                    + spec.kind().label() + ": leave out --kind or name another source");
        }
        if (spec.otherMethod() != null && spec.otherMethod() != s.otherMethod()) {
            throw new UserError("source '" + s.display() + "' was found by " + (s.otherMethod() == null ? "no other method"
                    : s.otherMethod().label()) + ", not " + spec.otherMethod().label()
                    + ": leave out --other-method or name another source");
        }
        if (spec.searchedOn() != null && s.searchedOn() != null && !spec.searchedOn().equals(s.searchedOn())) {
            throw new UserError("source '" + s.display() + "' was searched on " + s.searchedOn() + ", not "
                    + spec.searchedOn() + ": an update search is a source of its own (e.g. --source \""
                    + s.name() + " " + spec.searchedOn().substring(0, 4) + " update\")");
        }
        if (spec.searchString() != null && s.searchString() != null
                && !spec.searchString().strip().equals(s.searchString().strip())) {
            throw new UserError("source '" + s.display() + "' already has a different search string: "
                    + "a new search is a source of its own (name it with --source)");
        }
        if ((spec.searchedOn() != null && s.searchedOn() == null) || (spec.searchString() != null && s.searchString() == null)) {
            SourceStore.completeSearch(h, s.id(), spec.searchString(), spec.searchedOn());
            return SourceStore.findById(h, s.id()).orElseThrow();
        }
        return s;
    }

    static String sha256(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static long size(Path file, String name) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the file: " + e.getMessage(), e);
        }
    }
}
