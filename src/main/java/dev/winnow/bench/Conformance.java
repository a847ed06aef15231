package dev.winnow.bench;

import dev.winnow.UserError;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Doi;
import dev.winnow.record.Pages;
import dev.winnow.record.Record;
import dev.winnow.record.Titles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Conformance against JabRef's importer fixtures (BENCHMARKS.md §3): each input file comes with
 * the BibTeX JabRef expects from it. Both are read with Winnow's readers, records are paired in
 * order, and nine fields are compared after normalisation: title, author family names in order,
 * year, DOI, journal, volume, issue, pages, abstract (without its whitespace). Agreement counts
 * the expected values (a field the expected record leaves empty is not counted) that the input's
 * record matches.
 */
public final class Conformance {
    /** The fields compared, each with the normal form both sides are brought to. */
    public static final Map<String, Function<Record, String>> FIELDS = fields();

    /** One fixture family: how JabRef names its files and which format they hold. */
    public record Family(String label, Format format, Pattern input, String expectedName) {
        /** The expected .bib beside an input, or null when this family does not name it. */
        Path expectedFor(Path input) {
            Matcher m = this.input.matcher(input.getFileName().toString());
            return m.matches() ? input.resolveSibling(m.replaceFirst(expectedName)) : null;
        }
    }

    public static final List<Family> FAMILIES = List.of(
            new Family("RIS", Format.RIS, Pattern.compile("(RisImporterTest.*)\\.ris"), "$1.bib"),
            new Family("MEDLINE text", Format.MEDLINE, Pattern.compile("(MedlinePlainImporter.*)\\.txt"), "$1.bib"),
            new Family("nbib", Format.MEDLINE, Pattern.compile("(NbibImporterTest.*)\\.nbib"), "$1.bib"),
            new Family("PubMed XML", Format.PUBMED_XML, Pattern.compile("(MedlineImporterTest.*)\\.xml"), "$1.bib"),
            new Family("EndNote XML", Format.ENDNOTE_XML, Pattern.compile("(EndnoteXmlImporterTest.*)\\.xml"), "$1.bib"),
            new Family("Ovid", Format.OVID, Pattern.compile("OvidImporterTest(\\d+)\\.txt"), "OvidImporterTestBib$1.bib"),
            new Family("ISI", Format.WOS, Pattern.compile("(IsiImporterTest.*)\\.isi"), "$1.bib"));

    /** One input file and the .bib JabRef expects from it. */
    public record Case(Family family, Path input, Path expected) {
    }

    /** A field whose value differs. {@code record} is 1-based. */
    public record Disagreement(String file, int record, String field, String expected, String actual) {
        @Override
        public String toString() {
            return file + " #" + record + " " + field + ": expected '" + expected + "', got '" + actual + "'";
        }
    }

    /** The outcome for one file. {@code error} is set when the input could not be read. */
    public record FileResult(Case fixture, int expectedRecords, int actualRecords, int values, int agreed,
                             List<Disagreement> disagreements, String error) {
    }

    /** Totals for one format. */
    public record FormatResult(String label, Format format, boolean readable, int files, int expectedRecords,
                               int actualRecords, int values, int agreed, List<Disagreement> disagreements,
                               List<String> errors) {
        public double agreement() {
            return values == 0 ? Double.NaN : (double) agreed / values;
        }
    }

    /** The whole run. */
    public record Report(List<FormatResult> formats) {
        public int values() {
            return formats.stream().filter(FormatResult::readable).mapToInt(FormatResult::values).sum();
        }

        public int agreed() {
            return formats.stream().filter(FormatResult::readable).mapToInt(FormatResult::agreed).sum();
        }

        public double agreement() {
            return values() == 0 ? Double.NaN : (double) agreed() / values();
        }

        public FormatResult format(String label) {
            return formats.stream().filter(f -> f.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no format " + label));
        }
    }

    private Conformance() {
    }

    /** Every input/expected pair in a fixture folder, by family. */
    public static List<Case> cases(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such folder (expected JabRef's importer fixtures)");
        }
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                for (Family f : FAMILIES) {
                    Path expected = f.expectedFor(p);
                    if (expected != null && Files.isRegularFile(expected)) {
                        out.add(new Case(f, p, expected));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
        return out;
    }

    /** Runs every case in the folder; families whose format Winnow cannot read yet are marked so. */
    public static Report run(Path dir) {
        List<Case> cases = cases(dir);
        List<FormatResult> results = new ArrayList<>();
        for (Family family : FAMILIES) {
            List<Case> mine = cases.stream().filter(c -> c.family() == family).toList();
            if (mine.isEmpty()) {
                continue;
            }
            boolean readable = Formats.reader(family.format()).isPresent();
            List<FileResult> files = readable ? mine.stream().map(Conformance::compare).toList() : List.of();
            results.add(new FormatResult(family.label(), family.format(), readable, mine.size(),
                    files.stream().mapToInt(FileResult::expectedRecords).sum(),
                    files.stream().mapToInt(FileResult::actualRecords).sum(),
                    files.stream().mapToInt(FileResult::values).sum(),
                    files.stream().mapToInt(FileResult::agreed).sum(),
                    files.stream().flatMap(f -> f.disagreements().stream()).toList(),
                    files.stream().filter(f -> f.error() != null).map(FileResult::error).toList()));
        }
        return new Report(results);
    }

    /** Reads one input with its family's reader and its expected .bib, and compares them. */
    public static FileResult compare(Case c) {
        List<Record> expected = records(Ingest.readAll(c.expected(), Format.BIBTEX));
        List<Record> actual;
        try {
            actual = records(Ingest.readAll(c.input(), c.family().format()));
        } catch (UserError e) {
            actual = List.of();
            FileResult r = compare(c.input().getFileName().toString(), expected, actual);
            return new FileResult(c, r.expectedRecords(), 0, r.values(), r.agreed(), r.disagreements(), e.getMessage());
        }
        FileResult r = compare(c.input().getFileName().toString(), expected, actual);
        return new FileResult(c, r.expectedRecords(), r.actualRecords(), r.values(), r.agreed(), r.disagreements(), null);
    }

    /** Compares records paired in order; a missing record disagrees on every expected value. */
    public static FileResult compare(String name, List<Record> expected, List<Record> actual) {
        int values = 0;
        int agreed = 0;
        List<Disagreement> out = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Record e = expected.get(i);
            Record a = i < actual.size() ? actual.get(i) : null;
            for (Map.Entry<String, Function<Record, String>> f : FIELDS.entrySet()) {
                String ev = expected(f.getKey(), e);
                if (ev == null) {
                    continue;
                }
                values++;
                String av = a == null ? null : f.getValue().apply(a);
                Function<Record, String> sameAs = SAME_AS.get(f.getKey());
                if (ev.equals(av) || a != null && sameAs != null && ev.equals(sameAs.apply(a))) {
                    agreed++;
                } else {
                    out.add(new Disagreement(name, i + 1, f.getKey(), ev, a == null ? "(no record)" : av));
                }
            }
        }
        return new FileResult(null, expected.size(), actual.size(), values, agreed, out, null);
    }

    /**
     * Other forms of an actual value that name the same thing. JabRef's {@code journal} holds the
     * journal as the file names it, full or abbreviated (AIP's RIS puts "J. Chem. Phys." in JO beside
     * JF "The Journal of Chemical Physics", and JabRef keeps JO); Winnow keeps both, the full name as
     * journal and the other as its abbreviation, so either agrees.
     */
    private static final Map<String, Function<Record, String>> SAME_AS =
            Map.of("journal", r -> Titles.normalise(r.journalAbbreviation()));

    /**
     * The expected value of a field. JabRef's MEDLINE importers keep PubMed's collective author
     * ({@code CN}) in a {@code corporate} field beside {@code author}; it is an author all the same
     * (PubMed lists it in the author list), so it joins the expected authors, last.
     */
    static String expected(String field, Record e) {
        List<String> corporate = e.extra().getOrDefault("corporate", List.of());
        if (!field.equals("authors") || corporate.isEmpty()) {
            return FIELDS.get(field).apply(e);
        }
        List<String> names = new ArrayList<>(e.authors().stream().map(Author::family).map(AuthorNames::familyKey).toList());
        corporate.forEach(c -> names.add(AuthorNames.familyKey(c)));
        return String.join("; ", names);
    }

    private static List<Record> records(List<ParsedRecord> parsed) {
        return parsed.stream().map(ParsedRecord::record).toList();
    }

    private static Map<String, Function<Record, String>> fields() {
        Map<String, Function<Record, String>> m = new LinkedHashMap<>();
        m.put("title", r -> Titles.normalise(r.title()));
        m.put("authors", r -> r.authors().isEmpty() ? null
                : String.join("; ", r.authors().stream().map(Author::family).map(AuthorNames::familyKey).toList()));
        m.put("year", r -> r.year() == null ? null : r.year().toString());
        m.put("doi", r -> Doi.normalise(r.doi()));
        m.put("journal", r -> Titles.normalise(r.journal()));
        m.put("volume", r -> plain(r.volume()));
        m.put("issue", r -> plain(r.issue()));
        m.put("pages", r -> Pages.normalise(r.pages()));
        m.put("abstract", r -> withoutWhitespace(r.abstractText()));
        return m;
    }

    private static String plain(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The text with its whitespace taken out, nothing else changed. Abstracts are compared so
     * because whitespace is where readers of pretty-printed XML differ without differing in text:
     * JabRef's fixture breaks lines around inline markup ({@code (\n<i>APOE</i>)}); JabRef turns
     * each element boundary into a space ("( APOE )"), Winnow keeps the XML's own whitespace
     * ("( APOE)"). Only spacing is ignored: abstracts that differ in any other character still
     * disagree.
     */
    static String withoutWhitespace(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", "");
        return t.isEmpty() ? null : t;
    }

    /** The per-format table `winnow bench conformance` prints. */
    public static String table(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-13s %5s %9s %7s %7s %9s%n", "format", "files", "records", "values", "agreed", "agreement"));
        for (FormatResult f : report.formats()) {
            if (!f.readable()) {
                sb.append(String.format("%-13s %5d %9s %7s %7s %9s%n", f.label(), f.files(), "-", "-", "-", "no reader"));
                continue;
            }
            sb.append(String.format("%-13s %5d %9s %7d %7d %9s%n", f.label(), f.files(),
                    f.actualRecords() + "/" + f.expectedRecords(), f.values(), f.agreed(), percent(f.agreement())));
        }
        sb.append(String.format("%-13s %5s %9s %7d %7d %9s%n", "overall", "", "", report.values(), report.agreed(),
                percent(report.agreement())));
        return sb.toString();
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    /** Where the fixtures sit under the shared data folder. */
    public static final String FIXTURES = "jabref/jablib/src/test/resources/org/jabref/logic/importer/fileformat";

    /** The default fixture folder: $WINNOW_SHARED_DATA or ../shared/data, then {@link #FIXTURES}. */
    public static Path defaultFolder() {
        return sharedDataRoot().resolve(FIXTURES);
    }

    /** The shared third-party data folder: $WINNOW_SHARED_DATA, else ../shared/data. */
    public static Path sharedDataRoot() {
        String env = System.getenv("WINNOW_SHARED_DATA");
        Path root = env == null || env.isBlank() ? Path.of("..", "shared", "data") : Path.of(env);
        return root.toAbsolutePath().normalize();
    }
}
