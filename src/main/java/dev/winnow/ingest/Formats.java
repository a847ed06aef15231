package dev.winnow.ingest;

import dev.winnow.UserError;
import dev.winnow.ingest.medline.MedlineReader;
import dev.winnow.ingest.ovid.OvidReader;
import dev.winnow.ingest.ris.RisReader;
import dev.winnow.ingest.wos.WosReader;
import dev.winnow.ingest.wos.WosTabReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every reader Winnow has, in the order detection asks them (the most specific first), and
 * detection by content: the file's name is never consulted.
 */
public final class Formats {
    /** Where a record keeps the key its file gave it (BibTeX key, CSL-JSON id), in {@code Record.extra()}. */
    public static final String CITE_KEY = "citekey";

    /** Registered readers. Each format's package adds its reader here (one line each). */
    private static final List<RecordReader> READERS = List.of(
            new dev.winnow.ingest.pubmedxml.PubmedXmlReader(),
            new dev.winnow.ingest.endnotexml.EndnoteXmlReader(),
            new dev.winnow.ingest.csljson.CslJsonReader(),
            new WosTabReader(),     // header row "PT<tab>AU<tab>…"
            new WosReader(),        // "FN …" / "PT J" … "ER"
            new MedlineReader(),    // "PMID- " / four-letter tags
            new OvidReader(),       // "<1>" then labelled fields
            new dev.winnow.ingest.refer.ReferReader(), // "%0 Journal Article" / "%T …" (EndNote tagged, refer)
            new RisReader(),        // "TY  - " (most lenient of the tagged formats: last of them)
            new dev.winnow.ingest.bibtex.BibtexReader(),
            // tagged formats go above this line; a header row is the weakest signal, so tables come last
            dev.winnow.ingest.tabular.TabularReader.TSV,
            dev.winnow.ingest.tabular.TabularReader.CSV
    );

    /** Registered writers, one per format Winnow writes. */
    private static final List<RecordWriter> WRITERS = List.of(
            new dev.winnow.ingest.csljson.CslJsonWriter(),
            new dev.winnow.ingest.ris.RisWriter(),
            new dev.winnow.ingest.bibtex.BibtexWriter(),
            new dev.winnow.ingest.tabular.CsvWriter(),
            new dev.winnow.ingest.tabular.XlsxWriter()
    );

    private Formats() {
    }

    public static List<RecordWriter> writers() {
        return WRITERS;
    }

    /** The names of the formats Winnow writes, in the order of {@link #writers()}: "csl-json, ris, …". */
    public static String writableList() {
        return WRITERS.stream().map(w -> w.format().id()).collect(Collectors.joining(", "));
    }

    /**
     * The format a user named (--to, a URL) when Winnow writes it; else a {@link UserError} naming the
     * formats it writes (a format it only reads is said to be one).
     */
    public static Format writable(String text) {
        Format f;
        try {
            f = Format.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown format '" + text + "': expected " + writableList());
        }
        if (writer(f).isEmpty()) {
            throw new UserError("Winnow cannot write " + f.id() + " files (it only reads them): expected " + writableList());
        }
        return f;
    }

    /** The writer for a format, if Winnow can write it. */
    public static Optional<RecordWriter> writer(Format format) {
        return WRITERS.stream().filter(w -> w.format() == format).findFirst();
    }

    public static List<RecordReader> readers() {
        return READERS;
    }

    /** The reader for a format, if Winnow can read it. */
    public static Optional<RecordReader> reader(Format format) {
        return READERS.stream().filter(r -> r.format() == format).findFirst();
    }

    /** The first reader that recognises the start of a file, if any. */
    public static Optional<RecordReader> detect(String head) {
        for (RecordReader r : READERS) {
            if (r.sniff(head)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
