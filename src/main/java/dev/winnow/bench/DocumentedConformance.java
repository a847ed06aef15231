package dev.winnow.bench;

import dev.winnow.UserError;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordSink;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The second part of {@code winnow bench conformance}: small files written for Winnow from the
 * public documentation of formats and exports that JabRef's fixtures do not cover (EndNote's
 * tagged format, PubMed's CSV, Web of Science's BibTeX, a BibTeX file with a broken entry, text
 * mis-encoded on the way, RIS and MEDLINE quirks), each with the BibTeX a careful reader expects
 * from it. They ship in the jar ({@value #FOLDER}). Each is read as an import reads it — format
 * detected by content, broken entries skipped — and compared field by field as {@link Conformance}
 * compares JabRef's fixtures; a file detected as another format than the one it is in disagrees
 * on every value.
 */
public final class DocumentedConformance {
    static final String FOLDER = "/dev/winnow/bench/documented/";

    /** One file: what it is, its name in {@value #FOLDER}, the format it is in, and its expected .bib. */
    public record Case(String label, String input, Format format, String expected) {
    }

    public static final List<Case> CASES = List.of(
            new Case("EndNote .enw", "endnote-tagged.enw", Format.ENDNOTE_TAGGED, "endnote-tagged.expected.bib"),
            new Case("BibTeX broken", "bibtex-broken-entry.bib", Format.BIBTEX, "bibtex-broken-entry.expected.bib"),
            new Case("WoS BibTeX", "wos.bib", Format.BIBTEX, "wos.expected.bib"),
            new Case("PubMed CSV", "pubmed.csv", Format.CSV, "pubmed.expected.bib"),
            new Case("mis-encoded", "mojibake.ris", Format.RIS, "mojibake.expected.bib"),
            new Case("RIS quirks", "quirks.ris", Format.RIS, "quirks.expected.bib"),
            new Case("nbib quirks", "quirks.nbib", Format.MEDLINE, "quirks-nbib.expected.bib"));

    private DocumentedConformance() {
    }

    /** Reads every case and compares it with its expected records; one row per file. */
    public static Conformance.Report run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("winnow-documented");
        } catch (IOException e) {
            throw new UserError("cannot make a temporary folder: " + e.getMessage(), e);
        }
        try {
            List<Conformance.FormatResult> rows = new ArrayList<>();
            for (Case c : CASES) {
                rows.add(run(c, dir));
            }
            return new Conformance.Report(rows);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private static Conformance.FormatResult run(Case c, Path dir) {
        List<Record> expected = records(Ingest.readAll(copy(c.expected(), dir), Format.BIBTEX));
        List<Record> actual = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            Ingest.FileInfo info = Ingest.read(copy(c.input(), dir), null, new RecordSink() {
                @Override
                public void accept(ParsedRecord record) {
                    actual.add(record.record());
                }

                @Override
                public void broken(int position, long line, ParseException problem) {
                    // skipped, as an import without --strict skips it
                }
            });
            if (info.format() != c.format()) {
                errors.add(c.input() + ": detected as " + info.format().id() + ", not " + c.format().id());
                actual.clear();
            }
        } catch (UserError e) {
            errors.add(e.getMessage());
        }
        Conformance.FileResult r = Conformance.compare(c.input(), expected, actual);
        return new Conformance.FormatResult(c.label(), c.format(), true, 1, r.expectedRecords(), actual.size(),
                r.values(), r.agreed(), r.disagreements(), errors);
    }

    private static Path copy(String name, Path dir) {
        Path target = dir.resolve(name);
        try (InputStream in = DocumentedConformance.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + name);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Record> records(List<ParsedRecord> parsed) {
        return parsed.stream().map(ParsedRecord::record).toList();
    }
}
