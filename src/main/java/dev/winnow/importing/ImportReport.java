package dev.winnow.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What importing one file did: stored in {@code import_file.report} (as JSON), printed by
 * {@code winnow import} (as text, or as JSON with {@code --json}).
 *
 * @param fieldsFound   how many records have each field, in a fixed order ("title" → 1234)
 * @param extraFields   how many records carry each field that has no slot of its own (by the file's tag or column)
 * @param lacking       records without a title, an abstract or a DOI: how many, and the first positions
 * @param skipped       entries not imported, with the reason (the first {@link ImportTally#LISTED} of them)
 * @param columns       for CSV/TSV files, which column filled which field ("extra": kept under its name)
 * @param repairedCount how many records were imported with text repaired (mis-decoded UTF-8)
 * @param repaired      those records and what was repaired (the first {@link ImportTally#LISTED}); empty in
 *                      reports stored before repairs were reported
 * @param warnings      records imported that may be incomplete (a file cut short inside one)
 * @param dedup         what the deduplication run right after the import did (null: it did not run, or the
 *                      report was stored before imports ran it)
 */
public record ImportReport(long importFileId, String file, String sha256, long sizeBytes, String source,
                           String sourceKind, String format, String encoding, int records, int skippedCount,
                           Map<String, Integer> fieldsFound, Map<String, Integer> extraFields, List<Lacking> lacking,
                           List<Skipped> skipped, List<Column> columns, boolean again, String importedAt,
                           int repairedCount, List<Repaired> repaired, List<Warning> warnings,
                           Deduplication dedup) {

    public ImportReport {
        repaired = repaired == null ? List.of() : List.copyOf(repaired);
        warnings = warnings == null ? List.of() : List.copyOf(warnings); // reports stored before warnings existed
    }

    /** A record imported with some of its text repaired: what was done. */
    public record Repaired(int position, long line, String what) {
    }

    /** A record that was imported but may be incomplete. */
    public record Warning(int position, long line, String message) {
    }

    /**
     * The incremental deduplication an import runs once its records are stored ({@code DedupService.run}).
     *
     * @param linked      this file's records (and any earlier ones not yet linked) now linked to a study
     * @param newStudies  studies these records founded
     * @param duplicates  records that joined another record's study (linked − new studies)
     * @param maybePairs  pairs queued for a person to decide (possibly one study, not merged)
     * @param related     pairs of different publications of one study, linked but not merged
     * @param studies     the project's studies after the run
     */
    public record Deduplication(int linked, int newStudies, int duplicates, int maybePairs, int related, long studies) {
        /** The figures as one line of the report. */
        public String line() {
            return "deduplicated: " + linked + " record" + (linked == 1 ? "" : "s") + " linked, " + newStudies
                    + " new stud" + (newStudies == 1 ? "y" : "ies") + ", " + duplicates + " duplicate"
                    + (duplicates == 1 ? "" : "s") + " of studies already here, " + maybePairs + " maybe pair"
                    + (maybePairs == 1 ? "" : "s") + " for a person to check" + (related > 0 ? ", " + related
                    + " related pair" + (related == 1 ? "" : "s") : "") + "; the project now has " + studies
                    + " stud" + (studies == 1 ? "y" : "ies") + " to screen";
        }
    }

    /** This report with a warning about the import as a whole (position 0: no record of its own). */
    public ImportReport withWarning(String message) {
        List<Warning> more = new ArrayList<>(warnings);
        more.add(new Warning(0, 0, message));
        return new ImportReport(importFileId, file, sha256, sizeBytes, source, sourceKind, format, encoding, records,
                skippedCount, fieldsFound, extraFields, lacking, skipped, columns, again, importedAt, repairedCount, repaired, more, dedup);
    }

    /** This report with the figures of the deduplication that followed the import. */
    public ImportReport withDedup(Deduplication d) {
        return new ImportReport(importFileId, file, sha256, sizeBytes, source, sourceKind, format, encoding, records,
                skippedCount, fieldsFound, extraFields, lacking, skipped, columns, again, importedAt, repairedCount, repaired, warnings, d);
    }

    /** Records without a field: how many, and the positions of the first ones. */
    public record Lacking(String field, int count, List<Integer> firstPositions) {
    }

    /** An entry of the file that was not imported. */
    public record Skipped(int position, long line, String reason) {
    }

    /** One CSV/TSV column and the field it filled. */
    public record Column(String column, String field) {
    }

    /** How many skipped entries the text form shows. */
    static final int SKIPPED_SHOWN = 10;

    /** The report as a person reads it, a few lines per file. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Imported " + file + " into " + source + ": " + records + " record" + (records == 1 ? "" : "s")
                + (skippedCount > 0 ? ", " + skippedCount + " skipped" : "") + " [" + format + ", " + encoding + "]"
                + (again ? " (imported again)" : ""));
        StringBuilder fields = new StringBuilder("  fields found:");
        fieldsFound.forEach((k, v) -> fields.append(' ').append(k).append(' ').append(v).append(','));
        fields.setLength(fields.length() - (fieldsFound.isEmpty() ? 0 : 1));
        out.add(fieldsFound.isEmpty() ? "  fields found: none" : fields.toString());
        if (!extraFields.isEmpty()) {
            StringBuilder ex = new StringBuilder("  other fields kept:");
            extraFields.forEach((k, v) -> ex.append(' ').append(k).append(' ').append(v).append(','));
            ex.setLength(ex.length() - 1);
            out.add(ex.toString());
        }
        StringBuilder lack = new StringBuilder("  lacking:");
        for (Lacking l : lacking) {
            lack.append(' ').append(l.field()).append(' ').append(l.count());
            if (l.count() > 0) {
                lack.append(" (record ").append(join(l.firstPositions()))
                        .append(l.count() > l.firstPositions().size() ? ", …" : "").append(')');
            }
            lack.append(',');
        }
        lack.setLength(lack.length() - 1);
        out.add(lack.toString());
        for (Warning w : warnings) {
            out.add(w.position() == 0 ? "  warning: " + w.message()
                    : "  warning, record " + w.position() + (w.line() > 0 ? " (line " + w.line() + ")" : "") + ": "
                    + w.message());
        }
        int shown = Math.min(skipped.size(), SKIPPED_SHOWN);
        for (Skipped s : skipped.subList(0, shown)) {
            out.add("  skipped record " + s.position() + (s.line() > 0 ? " (line " + s.line() + ")" : "") + ": " + s.reason());
        }
        if (skippedCount > shown) {
            out.add("  … and " + (skippedCount - shown) + " more skipped (winnow import --json lists "
                    + "the first " + ImportTally.LISTED + ")");
        }
        int repairsShown = Math.min(repaired.size(), SKIPPED_SHOWN);
        for (Repaired r : repaired.subList(0, repairsShown)) {
            out.add("  repaired record " + r.position() + (r.line() > 0 ? " (line " + r.line() + ")" : "") + ": " + r.what());
        }
        if (repairedCount > repairsShown) {
            out.add("  … and " + (repairedCount - repairsShown) + " more records repaired (winnow import --json lists "
                    + "the first " + ImportTally.LISTED + ")");
        }
        if (columns != null && !columns.isEmpty()) {
            StringBuilder cols = new StringBuilder("  columns:");
            for (Column c : columns) {
                cols.append(' ').append(c.column().isEmpty() ? "(unnamed)" : c.column()).append(" → ").append(c.field()).append(',');
            }
            cols.setLength(cols.length() - 1);
            out.add(cols.toString());
        }
        if (dedup != null) {
            out.add("  " + dedup.line());
        }
        return out;
    }

    private static String join(List<Integer> xs) {
        StringBuilder sb = new StringBuilder();
        for (Integer x : xs) {
            sb.append(sb.length() == 0 ? "" : ", ").append(x);
        }
        return sb.toString();
    }
}
