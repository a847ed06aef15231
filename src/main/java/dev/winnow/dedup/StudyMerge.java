package dev.winnow.dedup;

import dev.winnow.record.Author;
import dev.winnow.record.Doi;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.record.Titles;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The study record of a cluster: the best value per field from its source records, which stay
 * untouched. Rules: title — the longest that is not all capitals and not a bracketed translation
 * (editorial notes removed); authors — the list with most authors, then most given-name letters;
 * year — the most frequent, ties to the earliest (online-first); journal — the longest name (the full
 * form over the abbreviation); volume, issue, pages, DOI, PMID — the most frequent, ties to the
 * longest; abstract — the longest; type — the first that is not generic; lists (ISSNs, keywords,
 * URLs) — the union.
 */
public final class StudyMerge {
    private StudyMerge() {
    }

    public static Record merge(List<Record> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one source record");
        }
        if (sources.size() == 1) {
            return sources.get(0);
        }
        Record.Builder b = sources.get(0).toBuilder();
        b.title(sources.stream().map(Record::title).filter(t -> t != null)
                .max(Comparator.comparingInt(StudyMerge::titleQuality)).map(Titles::withoutNotes).orElse(null));
        b.authors(sources.stream().map(Record::authors)
                .max(Comparator.<List<Author>>comparingInt(List::size).thenComparingInt(StudyMerge::givenLetters))
                .orElse(List.of()));
        b.year(mostFrequent(sources, Record::year, Comparator.<Integer>naturalOrder().reversed()));
        b.journal(longest(sources, Record::journal));
        b.journalAbbreviation(longest(sources, Record::journalAbbreviation));
        b.volume(mostFrequent(sources, Record::volume, Comparator.comparingInt(String::length)));
        b.issue(mostFrequent(sources, Record::issue, Comparator.comparingInt(String::length)));
        b.pages(mostFrequent(sources, Record::pages, Comparator.comparingInt(String::length)));
        b.doi(mostFrequent(sources, r -> Doi.normalise(r.doi()), Comparator.comparingInt(String::length)));
        b.pmid(mostFrequent(sources, Record::pmid, Comparator.comparingInt(String::length)));
        b.abstractText(longest(sources, Record::abstractText));
        b.type(sources.stream().map(Record::type).filter(t -> t != RecordType.GENERIC).findFirst()
                .orElse(RecordType.GENERIC));
        for (Record r : sources) {
            r.issns().forEach(b::issn);
            r.keywords().forEach(b::keyword);
            r.urls().forEach(b::url);
        }
        return b.build();
    }

    /** Longer is better; all capitals and bracketed translations are worse. */
    private static int titleQuality(String t) {
        int q = t.length();
        if (t.equals(t.toUpperCase(java.util.Locale.ROOT))) {
            q -= 1000;
        }
        if (Titles.isTranslated(t)) {
            q -= 500;
        }
        return q;
    }

    private static int givenLetters(List<Author> authors) {
        return authors.stream().mapToInt(a -> a.given() == null ? 0 : a.given().replaceAll("[^\\p{L}]", "").length())
                .sum();
    }

    private static String longest(List<Record> sources, Function<Record, String> field) {
        return sources.stream().map(field).filter(v -> v != null && !v.isBlank())
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    /** The most frequent non-null value; ties broken by {@code tie} (greater wins). */
    private static <T> T mostFrequent(List<Record> sources, Function<Record, T> field, Comparator<T> tie) {
        Map<T, Integer> counts = new HashMap<>();
        for (Record r : sources) {
            T v = field.apply(r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<T, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(tie)))
                .map(Map.Entry::getKey).orElse(null);
    }
}
