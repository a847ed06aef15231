package dev.winnow.bench;

import dev.winnow.UserError;
import dev.winnow.ingest.tabular.CsvTokenizer;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deduplication gold set: records with ids and the gold duplicate groups. Reads bib-dedupe's
 * layout ({@code records_pre_merged.csv} with an {@code ID} column and BibTeX-like field names,
 * {@code merged_record_ids.csv} with one {@code ;}-joined group per row).
 */
public record GoldSet(String name, List<String> ids, List<Record> records, List<List<String>> groups) {

    /** Loads a bib-dedupe data folder. */
    public static GoldSet bibDedupe(Path dir) {
        List<String> ids = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        Path recordsFile = dir.resolve("records_pre_merged.csv");
        for (Map<String, String> row : rows(recordsFile)) {
            ids.add(row.get("ID"));
            records.add(record(row));
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

    /** Turns one row of bib-dedupe's CSV into a record (the fields its sets carry). */
    static Record record(Map<String, String> row) {
        Record.Builder b = Record.builder()
                .type(type(row.get("ENTRYTYPE")))
                .title(row.get("title"))
                .journal(first(row.get("journal"), row.get("booktitle"), row.get("container_title")))
                .volume(row.get("volume"))
                .issue(first(row.get("number"), row.get("issue")))
                .pages(row.get("pages") == null ? null : row.get("pages").replace("--", "-"))
                .doi(row.get("doi"))
                .abstractText(row.get("abstract"));
        String year = row.get("year");
        if (year != null && year.strip().matches("\\d{4}.*")) {
            b.year(Integer.parseInt(year.strip().substring(0, 4)));
        }
        String authors = row.get("author");
        if (authors != null) {
            for (String a : authors.split("\\s+and\\s+")) {
                b.author(AuthorNames.parse(a));
            }
        }
        return b.build();
    }

    private static RecordType type(String entryType) {
        if (entryType == null) {
            return RecordType.GENERIC;
        }
        return switch (entryType.strip().toLowerCase()) {
            case "article" -> RecordType.JOURNAL_ARTICLE;
            case "inproceedings", "conference" -> RecordType.CONFERENCE_PAPER;
            case "book" -> RecordType.BOOK;
            case "incollection", "inbook" -> RecordType.BOOK_SECTION;
            case "phdthesis", "mastersthesis" -> RecordType.THESIS;
            case "techreport" -> RecordType.REPORT;
            default -> RecordType.GENERIC;
        };
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
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
