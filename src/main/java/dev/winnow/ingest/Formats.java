package dev.winnow.ingest;

import dev.winnow.ingest.medline.MedlineReader;
import dev.winnow.ingest.ovid.OvidReader;
import dev.winnow.ingest.ris.RisReader;
import dev.winnow.ingest.wos.WosReader;
import dev.winnow.ingest.wos.WosTabReader;
import java.util.List;
import java.util.Optional;

/**
 * Every reader Winnow has, in the order detection asks them (the most specific first), and
 * detection by content: the file's name is never consulted.
 */
public final class Formats {
    /** Registered readers. Each format's package adds its reader here (one line each). */
    private static final List<RecordReader> READERS = List.of(
            new dev.winnow.ingest.pubmedxml.PubmedXmlReader(),
            new dev.winnow.ingest.endnotexml.EndnoteXmlReader(),
            new WosTabReader(),     // header row "PT<tab>AU<tab>…"
            new WosReader(),        // "FN …" / "PT J" … "ER"
            new MedlineReader(),    // "PMID- " / four-letter tags
            new OvidReader(),       // "<1>" then labelled fields
            new RisReader(),        // "TY  - " (most lenient of the tagged formats: last of them)
            new dev.winnow.ingest.bibtex.BibtexReader(),
            // a header row is the weakest signal, so tables come after every tagged format
            dev.winnow.ingest.tabular.TabularReader.TSV,
            dev.winnow.ingest.tabular.TabularReader.CSV
    );

    private Formats() {
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
