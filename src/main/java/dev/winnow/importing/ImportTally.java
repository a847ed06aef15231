package dev.winnow.importing;

import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.tabular.ColumnMapping;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.store.SourceRecordStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sink an import streams a file into: each record is turned into a database row and passed
 * on (to {@link ReadAhead}, which hands it to the database thread), and is counted for the report
 * (fields found, fields lacking, entries skipped, CSV column mapping). Holds counts, never records.
 */
final class ImportTally implements RecordSink, ColumnMapping.Listener {
    /** How many skipped entries and lacking positions the report lists (the counts are always complete). */
    static final int LISTED = 100;
    static final int POSITIONS = 20;
    private static final int EXTRA_KEYS = 100;

    private static final Map<String, Predicate<Record>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", r -> r.title() != null);
        FIELDS.put("authors", r -> !r.authors().isEmpty());
        FIELDS.put("year", r -> r.year() != null);
        FIELDS.put("date", r -> r.date() != null);
        FIELDS.put("type", r -> r.type() != RecordType.GENERIC);
        FIELDS.put("journal", r -> r.journal() != null);
        FIELDS.put("volume", r -> r.volume() != null);
        FIELDS.put("issue", r -> r.issue() != null);
        FIELDS.put("pages", r -> r.pages() != null);
        FIELDS.put("article-number", r -> r.articleNumber() != null);
        FIELDS.put("doi", r -> r.doi() != null);
        FIELDS.put("pmid", r -> r.pmid() != null);
        FIELDS.put("pmcid", r -> r.pmcid() != null);
        FIELDS.put("abstract", r -> r.abstractText() != null);
        FIELDS.put("keywords", r -> !r.keywords().isEmpty());
        FIELDS.put("language", r -> r.language() != null);
        FIELDS.put("issn", r -> !r.issns().isEmpty());
        FIELDS.put("isbn", r -> !r.isbns().isEmpty());
        FIELDS.put("url", r -> !r.urls().isEmpty());
        FIELDS.put("publisher", r -> r.publisher() != null);
        FIELDS.put("editors", r -> !r.editors().isEmpty());
        FIELDS.put("accession-numbers", r -> !r.accessionNumbers().isEmpty());
        FIELDS.put("database", r -> r.database() != null);
        FIELDS.put("notes", r -> !r.notes().isEmpty());
    }

    private static final List<String> LACKING = List.of("title", "abstract", "doi");

    private final Consumer<SourceRecordStore.Row> rows;
    private final int[] found = new int[FIELDS.size()];
    private final Map<String, Integer> extra = new TreeMap<>();
    private final Map<String, List<Integer>> lackingAt = new LinkedHashMap<>();
    private final int[] lackingCount = new int[LACKING.size()];
    private final List<ImportReport.Skipped> skipped = new ArrayList<>();
    private final List<ImportReport.Repaired> repaired = new ArrayList<>();
    private final List<ImportReport.Warning> warnings = new ArrayList<>();
    private int records;
    private int skippedCount;
    private int repairedCount;
    private ColumnMapping columns;
    private final boolean strict;

    ImportTally(Consumer<SourceRecordStore.Row> rows) {
        this(rows, false);
    }

    /** {@code strict}: a broken entry refuses the whole file (else it is skipped and reported). */
    ImportTally(Consumer<SourceRecordStore.Row> rows, boolean strict) {
        this.rows = rows;
        this.strict = strict;
        LACKING.forEach(f -> lackingAt.put(f, new ArrayList<>()));
    }

    @Override
    public void accept(ParsedRecord p) {
        Record r = p.record();
        rows.accept(SourceRecordStore.Row.of(p.position(), p.raw(), r));
        records++;
        int i = 0;
        for (Predicate<Record> has : FIELDS.values()) {
            if (has.test(r)) {
                found[i]++;
            }
            i++;
        }
        for (String k : r.extra().keySet()) {
            if (extra.containsKey(k) || extra.size() < EXTRA_KEYS) {
                extra.merge(k, 1, Integer::sum);
            }
        }
        lacking(0, r.title() == null, p.position());
        lacking(1, r.abstractText() == null, p.position());
        lacking(2, r.doi() == null, p.position());
    }

    private void lacking(int i, boolean lacks, int position) {
        if (lacks) {
            lackingCount[i]++;
            List<Integer> at = lackingAt.get(LACKING.get(i));
            if (at.size() < POSITIONS) {
                at.add(position);
            }
        }
    }

    @Override
    public void warn(int position, long line, String message) {
        synchronized (warnings) {
            if (warnings.size() < LISTED) {
                warnings.add(new ImportReport.Warning(position, line, message));
            }
        }
    }

    List<ImportReport.Warning> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    @Override
    public void skip(int position, long line, String reason) {
        skippedCount++;
        if (skipped.size() < LISTED) {
            skipped.add(new ImportReport.Skipped(position, line, reason));
        }
    }

    @Override
    public void repaired(int position, long line, String what) {
        repairedCount++;
        if (repaired.size() < LISTED) {
            repaired.add(new ImportReport.Repaired(position, line, what));
        }
    }

    int repairedCount() {
        return repairedCount;
    }

    List<ImportReport.Repaired> repaired() {
        return List.copyOf(repaired);
    }

    @Override
    public void broken(int position, long line, dev.winnow.ingest.ParseException problem) {
        if (strict) {
            throw problem;
        }
        skip(position, line, "broken entry, not imported (" + (problem.line() > 0 && problem.line() != line
                ? "line " + problem.line() + ": " : "") + problem.problem() + "); the entries after it were read"
                + " (--strict refuses such a file)");
    }

    @Override
    public void columns(ColumnMapping mapping) {
        this.columns = mapping;
    }

    int records() {
        return records;
    }

    int skippedCount() {
        return skippedCount;
    }

    Map<String, Integer> fieldsFound() {
        Map<String, Integer> out = new LinkedHashMap<>();
        int i = 0;
        for (String f : FIELDS.keySet()) {
            if (found[i] > 0) {
                out.put(f, found[i]);
            }
            i++;
        }
        return out;
    }

    Map<String, Integer> extraFields() {
        return extra;
    }

    List<ImportReport.Lacking> lacking() {
        List<ImportReport.Lacking> out = new ArrayList<>();
        for (int i = 0; i < LACKING.size(); i++) {
            out.add(new ImportReport.Lacking(LACKING.get(i), lackingCount[i], List.copyOf(lackingAt.get(LACKING.get(i)))));
        }
        return out;
    }

    List<ImportReport.Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /** The CSV/TSV column mapping, or null for a tagged format. */
    List<ImportReport.Column> columns() {
        if (columns == null) {
            return null;
        }
        return columns.columns().stream().map(c -> new ImportReport.Column(c.header(), c.target())).toList();
    }
}
