package dev.winnow.screen;

import dev.winnow.UserError;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.TextDecoder;
import dev.winnow.project.Project;
import dev.winnow.record.Record;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.ResolutionStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Imports decisions made elsewhere (Rayyan, Covidence, ASReview, a published review's lists).
 *
 * <ul>
 * <li>A <b>decisions CSV</b> (see {@link DecisionCsv}) gives one decision per row.</li>
 * <li>Any <b>bibliographic file</b> Winnow reads (RIS, …) lists the <i>included</i> records; the
 *     stage's other records are then recorded as excluded.</li>
 * </ul>
 * Without {@code outcome}, the rows are one reviewer's decisions (origin "import"; idempotent: the
 * same file imported twice adds nothing). With {@code outcome}, they are the stage's final outcome
 * (replaying a finished review) and are recorded as resolutions with method "outcome-import", which
 * set the outcome whatever the decisions say. Rows that match no study record, or a record not
 * screened at the stage, are listed in the report — never silently dropped. A full-text exclusion
 * without a reason is recorded with the reason "reason not recorded".
 */
public final class DecisionImportService {
    private final Database db;
    private final Function<List<StudyStore.Study>, StudyMatcher> matchers;

    public DecisionImportService(Database db) {
        this(db, KeyMatcher::new);
    }

    /** With another way of matching records to study records (e.g. the deduplication engine's). */
    public DecisionImportService(Database db, Function<List<StudyStore.Study>, StudyMatcher> matchers) {
        this.db = db;
        this.matchers = matchers;
    }

    /** A row that could not be recorded: where it is, what it describes and why. */
    public record Unmatched(long line, String record, String why) {
    }

    /**
     * What an import did. {@code rows}: rows (or records) read; {@code matched}: rows matched to a
     * study at the stage; {@code included}/{@code excluded}: distinct records recorded so (including
     * {@code othersExcluded}, the stage's records not in an included-records file).
     */
    public record Report(String file, String kind, StageName stage, boolean outcome, int rows, int matched,
                         int included, int excluded, int maybe, int othersExcluded, List<Unmatched> unmatched,
                         Map<String, Integer> matchedBy) {
    }

    /** Imports a file of decisions or of included records (see the class comment). */
    public Report importFile(Project project, StageName stage, String reviewer, Path file, boolean outcome) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        String head;
        List<DecisionCsv.Row> rows;
        try (TextDecoder.Decoded d = TextDecoder.open(file)) {
            PushbackReader in = new PushbackReader(new BufferedReader(d.reader()), 8192);
            char[] buf = new char[8192];
            int n = Math.max(0, in.read(buf));
            head = new String(buf, 0, n);
            in.unread(buf, 0, n);
            rows = DecisionCsv.looksLikeDecisions(head) ? DecisionCsv.read(in, name, head) : null;
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the file: " + e.getMessage(), e);
        }
        if (rows != null) {
            return importRows(project, stage, reviewer, name, rows, outcome);
        }
        List<ParsedRecord> records = Ingest.readAll(file, null);
        return importIncluded(project, stage, reviewer, name, records, outcome);
    }

    /** Imports decision rows already read. */
    public Report importRows(Project project, StageName stage, String reviewer, String fileName,
                             List<DecisionCsv.Row> rows, boolean outcome) {
        return db.inTransaction(h -> {
            Context c = new Context(h, project, stage, reviewer, fileName, outcome, "decisions-csv");
            for (DecisionCsv.Row row : rows) {
                Long study = c.find(row.line(), row.key());
                if (study != null) {
                    c.record(study, row.verdict(), row.reasons(), row.note(), row.line());
                }
            }
            return c.finish(rows.size(), 0);
        });
    }

    /** Imports the included records of a stage (the stage's other records become excluded). */
    public Report importIncluded(Project project, StageName stage, String reviewer, String fileName,
                                 List<ParsedRecord> records, boolean outcome) {
        return db.inTransaction(h -> {
            Context c = new Context(h, project, stage, reviewer, fileName, outcome, "included-records");
            Set<Long> included = new LinkedHashSet<>();
            for (ParsedRecord r : records) {
                Long study = c.find(r.position(), r.record());
                if (study != null && included.add(study)) {
                    c.record(study, Verdict.INCLUDE, List.of(), null, r.position());
                }
            }
            int others = 0;
            for (long id : c.snapshot.records) {
                if (!included.contains(id)) {
                    c.record(id, Verdict.EXCLUDE, List.of(), "not among the included records in " + fileName, -id);
                    others++;
                }
            }
            return c.finish(records.size(), others);
        });
    }

    /** The state of one import while it runs. */
    private final class Context {
        final Handle h;
        final Project project;
        final StageName stage;
        final UserStore.User user;
        final String fileName;
        final boolean outcome;
        final String kind;
        final StageSnapshot snapshot;
        final StudyMatcher matcher;
        final List<Unmatched> unmatched = new ArrayList<>();
        final Map<String, Integer> matchedBy = new LinkedHashMap<>();
        final Map<Long, Verdict> verdicts = new LinkedHashMap<>();
        int matched;

        Context(Handle h, Project project, StageName stage, String reviewer, String fileName, boolean outcome,
                String kind) {
            if (reviewer == null || reviewer.isBlank()) {
                throw new UserError("name the reviewer the decisions belong to (--reviewer NAME)");
            }
            this.h = h;
            this.project = project;
            this.stage = stage;
            this.user = UserStore.ensure(h, reviewer.strip());
            this.fileName = fileName;
            this.outcome = outcome;
            this.kind = kind;
            this.snapshot = StageSnapshot.load(h, project.id(), stage);
            this.matcher = matchers.apply(StudyStore.list(h, project.id()));
        }

        /** The study at this stage that the row describes, or null (and the row is listed). */
        Long find(long line, Record key) {
            var m = matcher.match(key);
            if (m.isEmpty()) {
                unmatched.add(new Unmatched(line, describe(key), matcher.whyNot(key)));
                return null;
            }
            if (!snapshot.contains(m.get().studyId())) {
                unmatched.add(new Unmatched(line, describe(key), "matches study record " + m.get().studyId()
                        + ", which is not screened at " + stage.label()
                        + (stage == StageName.FULL_TEXT ? " (it did not pass title/abstract)" : "")));
                return null;
            }
            matched++;
            matchedBy.merge(m.get().rule(), 1, Integer::sum);
            return m.get().studyId();
        }

        void record(long study, Verdict verdict, List<String> reasons, String note, long line) {
            if (outcome && verdict == Verdict.MAYBE) {
                unmatched.add(new Unmatched(line, "study record " + study,
                        "'maybe' is not a final outcome (expected include or exclude)"));
                return;
            }
            List<String> checked = ScreeningService.checkReasons(snapshot, verdict, reasons, true);
            if (outcome) {
                ResolutionStore.append(h, snapshot.stage.id(), study, user.id(), verdict, Resolution.OUTCOME_IMPORT,
                        checked, note);
            } else {
                String key = "import:" + project.id() + ":" + stage.label() + ":" + user.id() + ":" + fileName + ":"
                        + study + ":" + line;
                DecisionStore.append(h, new DecisionStore.NewDecision(snapshot.stage.id(), study, user.id(), verdict,
                        checked, null, note, null, "import", null, key));
            }
            verdicts.put(study, verdict);
        }

        Report finish(int rows, int others) {
            int inc = (int) verdicts.values().stream().filter(v -> v == Verdict.INCLUDE).count();
            int exc = (int) verdicts.values().stream().filter(v -> v == Verdict.EXCLUDE).count();
            int maybe = verdicts.size() - inc - exc;
            Report report = new Report(fileName, kind, stage, outcome, rows, matched, inc, exc, maybe, others,
                    List.copyOf(unmatched), Map.copyOf(matchedBy));
            AuditStore.record(h, project.id(), user.id(), user.username(),
                    outcome ? "screen.outcome-import" : "screen.decisions-import", "file " + fileName,
                    Map.of("stage", stage.label(), "rows", rows, "matched", matched, "unmatched", unmatched.size(),
                            "included", inc, "excluded", exc));
            return report;
        }
    }

    private static String describe(Record r) {
        StringBuilder sb = new StringBuilder();
        if (r.doi() != null) {
            sb.append("doi ").append(r.doi());
        } else if (r.pmid() != null) {
            sb.append("pmid ").append(r.pmid());
        }
        if (r.title() != null) {
            String t = r.title().length() > 80 ? r.title().substring(0, 80) + "…" : r.title();
            sb.append(sb.isEmpty() ? "" : ": ").append('"').append(t).append('"');
        }
        if (r.year() != null) {
            sb.append(" (").append(r.year()).append(')');
        }
        return sb.isEmpty() ? "(a record with no DOI, PMID or title)" : sb.toString();
    }
}
