package dev.winnow.ingest;

import dev.winnow.record.Author;
import dev.winnow.record.Mojibake;
import dev.winnow.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Repairs every record a reader streams before it goes on, whatever the format: text that was
 * UTF-8 decoded as Windows-1252 or Mac Roman ({@link Mojibake}) in the fields people read and
 * match on, each repair reported to the sink ({@link RecordSink#repaired}) with the fields it
 * touched — the record's raw text keeps what the file said; and a page range written with its
 * abbreviation ("pp 37-64", "pp. 37-64", "p. 5") loses it.
 */
final class RecordRepairs extends ForwardingSink {
    RecordRepairs(RecordSink next) {
        super(next);
    }

    @Override
    public void accept(ParsedRecord p) {
        Record r = p.record();
        List<String> repaired = new ArrayList<>(0);
        String title = text(r.title(), "title", repaired);
        String originalTitle = text(r.originalTitle(), "original title", repaired);
        List<Author> authors = names(r.authors(), "authors", repaired);
        List<Author> editors = names(r.editors(), "editors", repaired);
        String journal = text(r.journal(), "journal", repaired);
        String journalAbbreviation = text(r.journalAbbreviation(), "journal abbreviation", repaired);
        String abstractText = text(r.abstractText(), "abstract", repaired);
        List<String> keywords = texts(r.keywords(), "keywords", repaired);
        String publisher = text(r.publisher(), "publisher", repaired);
        String place = text(r.place(), "place", repaired);
        String institution = text(r.institution(), "institution", repaired);
        List<String> notes = texts(r.notes(), "notes", repaired);
        String pages = withoutAbbreviation(r.pages());
        if (repaired.isEmpty() && pages == r.pages()) {
            next.accept(p); // the common case: no copy of the record made
            return;
        }
        Record.Builder b = r.toBuilder().title(title).originalTitle(originalTitle).authors(authors).editors(editors)
                .journal(journal).journalAbbreviation(journalAbbreviation).abstractText(abstractText)
                .keywords(keywords).publisher(publisher).place(place).institution(institution).notes(notes)
                .pages(pages);
        if (!repaired.isEmpty()) {
            next.repaired(p.position(), p.line(), "text that was UTF-8 read as Windows-1252 or Mac Roman, repaired in "
                    + String.join(", ", repaired) + " (the raw record keeps it as the file had it)");
        }
        next.accept(new ParsedRecord(b.build(), p.position(), p.line(), p.raw()));
    }

    private static String text(String s, String field, List<String> repaired) {
        String fixed = Mojibake.repair(s);
        if (fixed != s && !repaired.contains(field)) {
            repaired.add(field);
        }
        return fixed;
    }

    private static List<String> texts(List<String> values, String field, List<String> repaired) {
        return map(values, v -> text(v, field, repaired));
    }

    private static List<Author> names(List<Author> authors, String field, List<String> repaired) {
        return map(authors, a -> {
            String family = text(a.family(), field, repaired);
            String given = text(a.given(), field, repaired);
            if (family == a.family() && given == a.given()) {
                return a;
            }
            return a.corporate() ? Author.organisation(family) : Author.of(family, given);
        });
    }

    /** The values with f applied; the same list when f changed none of them (no copy for the common case). */
    private static <T> List<T> map(List<T> values, Function<T, T> f) {
        List<T> out = null;
        for (int i = 0; i < values.size(); i++) {
            T v = values.get(i);
            T w = f.apply(v);
            if (w != v && out == null) {
                out = new ArrayList<>(values.subList(0, i));
            }
            if (out != null) {
                out.add(w);
            }
        }
        return out == null ? values : out;
    }

    /** "pp 37-64", "pp. 37-64", "p. 5", "P 12-19" → the range alone; anything else as it is (same instance). */
    static String withoutAbbreviation(String pages) {
        if (pages == null || pages.isEmpty() || pages.charAt(0) != 'p' && pages.charAt(0) != 'P') {
            return pages;
        }
        int i = 1;
        if (i < pages.length() && (pages.charAt(i) == 'p' || pages.charAt(i) == 'P')) {
            i++;
        }
        if (i < pages.length() && pages.charAt(i) == '.') {
            i++;
        }
        int digits = i;
        while (digits < pages.length() && pages.charAt(digits) == ' ') {
            digits++;
        }
        if (digits == i && pages.charAt(i - 1) != '.' || digits >= pages.length() || !Character.isDigit(pages.charAt(digits))) {
            return pages; // "P12" is a page of its own (a poster, a supplement), not an abbreviation
        }
        return pages.substring(digits);
    }
}
