package dev.winnow.rank.simulate;

import dev.winnow.UserError;
import dev.winnow.ingest.TextDecoder;
import dev.winnow.ingest.tabular.CsvTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fully labelled dataset for simulation: one text (title + " " + abstract, + " " + keywords
 * when present) and one label per data row, in file order (row 0 is the first row after the header).
 */
public record LabelledDataset(String name, List<String> texts, boolean[] relevant, List<String> titles) {
    /** Label column names ASReview accepts, in the order we look for them. */
    public static final List<String> LABEL_COLUMNS = List.of("label_included", "included", "final_included",
            "label", "label_abstract_screening", "included_final", "included_label", "included_flag", "include");

    public int size() {
        return texts.size();
    }

    /** The texts with each title counted {@code titleCopies} times (once: {@link #texts()}). */
    public List<String> texts(int titleCopies) {
        if (titleCopies == 1) {
            return texts;
        }
        List<String> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add((titles.get(i) + " ").repeat(titleCopies - 1) + texts.get(i));
        }
        return out;
    }

    public int relevantCount() {
        int r = 0;
        for (boolean b : relevant) {
            if (b) {
                r++;
            }
        }
        return r;
    }

    /** Reads a CSV (comma, semicolon or tab separated) with a header naming title, abstract and a label column. */
    public static LabelledDataset read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        try (TextDecoder.Decoded in = TextDecoder.open(file)) {
            java.io.BufferedReader reader = new java.io.BufferedReader(in.reader());
            reader.mark(1 << 16);
            char[] probe = new char[4096];
            int got = reader.read(probe);
            reader.reset();
            String head = got > 0 ? new String(probe, 0, got).split("\n", 2)[0] : "";
            char delimiter = delimiter(head);
            CsvTokenizer csv = new CsvTokenizer(reader, delimiter);
            List<String> header = csv.next();
            if (header == null) {
                throw new UserError(file + ": empty file; expected a header with title, abstract and a label column");
            }
            List<String> cols = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""))
                    .toList();
            int title = find(cols, List.of("title", "primary_title"));
            int abs = find(cols, List.of("abstract", "notes_abstract"));
            int kw = find(cols, List.of("keywords"));
            int label = find(cols, LABEL_COLUMNS);
            if (title < 0 && abs < 0) {
                throw new UserError(file + " line 1: no 'title' or 'abstract' column in the header");
            }
            if (label < 0) {
                throw new UserError(file + " line 1: no label column; expected one of " + LABEL_COLUMNS);
            }
            List<String> texts = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                String value = field(row, label).strip();
                boolean rel = switch (value.toLowerCase(Locale.ROOT)) {
                    case "1", "1.0", "true", "yes" -> true;
                    case "0", "0.0", "false", "no", "-1" -> false;
                    default -> throw new UserError(file + " line " + csv.rowLine() + ": label '" + value
                            + "' in column '" + header.get(label) + "'; expected 1 or 0");
                };
                StringBuilder text = new StringBuilder(field(row, title)).append(' ').append(field(row, abs));
                String keywords = field(row, kw);
                if (!keywords.isBlank()) {
                    text.append(' ').append(keywords);
                }
                texts.add(text.toString());
                titles.add(field(row, title));
                labels.add(rel);
            }
            boolean[] relevant = new boolean[labels.size()];
            for (int i = 0; i < relevant.length; i++) {
                relevant[i] = labels.get(i);
            }
            return new LabelledDataset(name, List.copyOf(texts), relevant, List.copyOf(titles));
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new UserError(file + " line " + e.line() + ": a quoted field never closes");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static char delimiter(String headerLine) {
        int comma = count(headerLine, ',');
        int semi = count(headerLine, ';');
        int tab = count(headerLine, '\t');
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    private static int find(List<String> cols, List<String> names) {
        for (String n : names) {
            int i = cols.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String field(List<String> row, int i) {
        return i >= 0 && i < row.size() ? row.get(i) : "";
    }
}
