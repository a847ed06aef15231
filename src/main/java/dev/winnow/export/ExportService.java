package dev.winnow.export;

import dev.winnow.UserError;
import dev.winnow.importing.Source;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.project.Project;
import dev.winnow.record.Record;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Viewer;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.ImportStore;
import dev.winnow.store.SourceRecordStore;
import dev.winnow.store.SourceStore;
import dev.winnow.store.StudyStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Exports a subset of a project's records ({@link ExportSubset}) in any format Winnow writes
 * ({@link Formats#writers()}: RIS, CSV, XLSX, BibTeX, CSL-JSON). Study records (deduplicated) for
 * {@code all}, the outcome subsets and {@code ids}; source records exactly as imported for
 * {@code records}, {@code source:} and {@code file:}. Every export is written to the audit log.
 *
 * <p><b>Blinding</b>: outcome subsets are read with the caller's {@link Viewer}. The overseer (the
 * command line, a project owner on the web) sees every outcome; anyone else is refused while any
 * outcome at that stage is hidden from them ({@link Outcome.Status#BLINDED}).
 */
public final class ExportService {
    private final Database db;
    private final ScreeningService screening;

    public ExportService(Database db) {
        this.db = db;
        this.screening = new ScreeningService(db);
    }

    /** Refused because the stage is blinded for this viewer (the web answers 403). */
    public static final class Blinded extends UserError {
        Blinded(String message) {
            super(message);
        }
    }

    /** A finished export: the file's bytes, its format, a file name and the HTTP content type. */
    public record Export(byte[] bytes, Format format, String fileName, String contentType, int records) {
        public boolean binary() {
            return format == Format.XLSX;
        }
    }

    /** Exports a subset: selects its records, writes them, and audits the export. */
    public Export export(Viewer viewer, Project project, ExportSubset subset, Format format) {
        RecordWriter writer = writer(format);
        List<Record> records = records(viewer, project, subset);
        byte[] bytes = write(records, writer);
        db.useTransaction(h -> AuditStore.record(h, project.id(), viewer.userId(), viewer.name(), "export",
                subset.label(), Map.of("format", format.id(), "records", records.size())));
        return new Export(bytes, format, project.key() + "-" + subset.slug() + "." + extension(format),
                contentType(format), records.size());
    }

    /** The records a subset holds, as this viewer may see them. */
    public List<Record> records(Viewer viewer, Project project, ExportSubset subset) {
        if (subset.kind().byOutcome()) {
            Set<Long> ids = byOutcome(viewer, project, subset);
            return db.withHandle(h -> studies(h, project, ids));
        }
        return db.withHandle(h -> switch (subset.kind()) {
            case ALL -> StudyStore.list(h, project.id()).stream().map(StudyStore.Study::record).toList();
            case IDS -> studies(h, project, requireStudies(h, project, subset.ids()));
            case RECORDS -> sourceRecords(h, project, null, null);
            case SOURCE -> sourceRecords(h, project, source(h, project, subset.selector()).id(), null);
            case FILE -> {
                ImportStore.ImportFile f = file(h, project, subset.selector());
                yield sourceRecords(h, project, f.sourceId(), f.id());
            }
            default -> throw new IllegalStateException(subset.kind().label());
        });
    }

    private Set<Long> byOutcome(Viewer viewer, Project project, ExportSubset subset) {
        if (subset.stage() == StageName.FULL_TEXT && !viewer.isOverseer()) {
            visible(screening.outcomes(viewer, project, StageName.TITLE_ABSTRACT), viewer); // its records are title/abstract's includes
        }
        ScreeningService.StageOutcomes outcomes = visible(screening.outcomes(viewer, project, subset.stage()), viewer);
        return outcomes.outcomes().stream().filter(o -> subset.kind().statuses.contains(o.status()))
                .map(Outcome::studyId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static ScreeningService.StageOutcomes visible(ScreeningService.StageOutcomes outcomes, Viewer viewer) {
        long hidden = outcomes.outcomes().stream().filter(o -> o.status() == Outcome.Status.BLINDED).count();
        if (hidden > 0) {
            throw new Blinded(outcomes.stage().label() + " screening is blinded and " + hidden + " of its outcomes are "
                    + "hidden from " + viewer.name() + ": only a project owner may export records by outcome while "
                    + "the stage is blinded");
        }
        return outcomes;
    }

    private static List<Record> studies(Handle h, Project project, Set<Long> ids) {
        List<Record> out = new ArrayList<>();
        for (StudyStore.Study s : StudyStore.list(h, project.id())) {
            if (ids.contains(s.id())) {
                out.add(s.record());
            }
        }
        return out;
    }

    private static Set<Long> requireStudies(Handle h, Project project, List<Long> ids) {
        Set<Long> known = new HashSet<>(StudyStore.ids(h, project.id()));
        List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UserError("no record " + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " in project " + project.key());
        }
        return new java.util.LinkedHashSet<>(ids);
    }

    private static List<Record> sourceRecords(Handle h, Project project, Long sourceId, Long fileId) {
        List<Record> out = new ArrayList<>();
        SourceRecordStore.forEach(h, project.id(), sourceId, r -> {
            if (fileId == null || fileId.equals(r.importFileId())) {
                out.add(r.record());
            }
        });
        return out;
    }

    /** A source by id, by name (case-blind), or by "name/platform" when two platforms share a name. */
    private static Source source(Handle h, Project project, String selector) {
        List<Source> all = SourceStore.list(h, project.id());
        List<Source> hits = all.stream().filter(s -> matches(selector, String.valueOf(s.id()), s.name(),
                s.platform().isEmpty() ? s.name() : s.name() + "/" + s.platform())).toList();
        if (hits.size() == 1) {
            return hits.getFirst();
        }
        String known = all.stream().map(s -> s.id() + " " + (s.platform().isEmpty() ? s.name() : s.name() + "/"
                + s.platform())).collect(Collectors.joining(", "));
        if (hits.isEmpty()) {
            throw new UserError("project " + project.key() + " has no source '" + selector + "'; its sources: "
                    + (known.isEmpty() ? "none yet" : known));
        }
        throw new UserError("'" + selector + "' names " + hits.size() + " sources; give the id or name/platform: "
                + known);
    }

    private static ImportStore.ImportFile file(Handle h, Project project, String selector) {
        List<ImportStore.ImportFile> all = ImportStore.list(h, project.id());
        List<ImportStore.ImportFile> hits = all.stream()
                .filter(f -> matches(selector, String.valueOf(f.id()), f.fileName())).toList();
        if (hits.size() == 1) {
            return hits.getFirst();
        }
        String known = all.stream().map(f -> f.id() + " " + f.fileName()).collect(Collectors.joining(", "));
        if (hits.isEmpty()) {
            throw new UserError("project " + project.key() + " has no imported file '" + selector + "'; its files: "
                    + (known.isEmpty() ? "none yet" : known));
        }
        throw new UserError("'" + selector + "' names " + hits.size() + " imported files; give the id: " + known);
    }

    private static boolean matches(String selector, String... names) {
        for (String n : names) {
            if (n.equalsIgnoreCase(selector.strip())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ formats

    /** The format named on the command line or in the URL, if Winnow writes it; else a message listing those it does. */
    public static Format writable(String text) {
        return Formats.writable(text);
    }

    public static String writableList() {
        return Formats.writableList();
    }

    /** Writes records with the registered writer of a format. */
    public static byte[] write(List<Record> records, Format format) {
        return write(records, writer(format));
    }

    private static RecordWriter writer(Format format) {
        return Formats.writer(format).orElseThrow(() -> new UserError("Winnow cannot write " + format.id()
                + " files: expected " + writableList()));
    }

    private static byte[] write(List<Record> records, RecordWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(records, out);
        } catch (IOException e) {
            throw new UserError("cannot write the records as " + writer.format().id() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static final Map<Format, String[]> FILES = new LinkedHashMap<>();

    static {
        FILES.put(Format.RIS, new String[] {"ris", "application/x-research-info-systems; charset=utf-8"});
        FILES.put(Format.CSV, new String[] {"csv", "text/csv; charset=utf-8"});
        FILES.put(Format.XLSX, new String[] {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"});
        FILES.put(Format.BIBTEX, new String[] {"bib", "application/x-bibtex; charset=utf-8"});
        FILES.put(Format.CSL_JSON, new String[] {"json", "application/vnd.citationstyles.csl+json; charset=utf-8"});
    }

    /** The usual file extension of a format Winnow writes (without the dot). */
    public static String extension(Format format) {
        String[] f = FILES.get(format);
        return f == null ? format.id().toLowerCase(Locale.ROOT) : f[0];
    }

    /** The media type of a format Winnow writes (what the web sends it as). */
    public static String contentType(Format format) {
        String[] f = FILES.get(format);
        return f == null ? "application/octet-stream" : f[1];
    }
}
