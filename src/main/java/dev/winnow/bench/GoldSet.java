package dev.winnow.bench;

import dev.winnow.UserError;
import dev.winnow.ingest.tabular.CsvTokenizer;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deduplication gold set: records with ids and the gold duplicate groups. Reads bib-dedupe's
 * layout ({@code records_pre_merged.csv} with an {@code ID} column and BibTeX-like field names,
 * {@code merged_record_ids.csv} with one {@code ;}-joined group per row), and EndNote XML libraries
 * that flag duplicates with a caption.
 */
public record GoldSet(String name, List<String> ids, List<Record> records, List<List<String>> groups) {

    /**
     * Loads a bib-dedupe data folder. The records are read the way {@code winnow dedup FILE} reads
     * them ({@link Ingest}, the CSV reader keeps the ID column in extra "id"), so the benchmark
     * scores exactly what users get.
     */
    public static GoldSet bibDedupe(Path dir) {
        List<String> ids = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        for (ParsedRecord p : Ingest.readAll(dir.resolve("records_pre_merged.csv"), null)) {
            List<String> id = p.record().extra().get("id");
            ids.add(id == null || id.isEmpty() ? "#" + p.position() : id.get(0));
            records.add(p.record());
        }
        List<List<String>> groups = new ArrayList<>();
        for (Map<String, String> row : rows(dir.resolve("merged_record_ids.csv"))) {
            String merged = row.get("merged_ids");
            if (merged != null && !merged.isBlank()) {
                groups.add(List.of(merged.strip().split(";")));
            }
        }
        return new GoldSet(dir.getFileName().toString(), ids, records, groups);
    }

    /**
     * Loads an EndNote XML library whose {@code caption} is "Duplicate" on every member of a
     * duplicate set (dedupe-sweep). Such a set names duplicates but not their groups, so
     * {@link #flagged} holds the flags and {@code groups} is empty.
     */
    public static GoldSet endnoteFlags(Path file, Set<String> flagged) {
        List<String> ids = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        for (ParsedRecord p : Ingest.readAll(file, null)) {
            String id = file.getFileName() + "#" + p.position();
            ids.add(id);
            records.add(p.record());
            List<String> caption = p.record().extra().get("caption");
            if (caption != null && caption.stream().anyMatch(c -> c.strip().equalsIgnoreCase("Duplicate"))) {
                flagged.add(id);
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        return new GoldSet(name, ids, records, List.of());
    }

    private static List<Map<String, String>> rows(Path file) {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvTokenizer csv = new CsvTokenizer(in, ',');
            List<String> header = csv.next();
            if (header == null) {
                return out;
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.size() && i < row.size(); i++) {
                    String v = row.get(i);
                    m.put(header.get(i), v == null || v.isBlank() ? null : v);
                }
                out.add(m);
            }
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }
}
