package dev.winnow.screen;

import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Doi;
import dev.winnow.record.Mojibake;
import dev.winnow.record.Record;
import dev.winnow.record.Titles;
import dev.winnow.store.StudyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches records to study records by keys built with the {@code record} normalisers, trying in
 * order: DOI; PMID; normalised title + year + first author's family name; title + year; title
 * alone. A key shared by several studies is ambiguous and skipped, so a match is never a guess
 * between candidates. The same year is tried before a year either side (online-first versus issue year).
 * Titles and names are compared with mis-decoded UTF-8 repaired ({@link Mojibake}), so that a
 * reference manager's "Nepal√¢‚Ç¨‚Ñ¢s" finds the database's "Nepal’s".
 */
public final class KeyMatcher implements StudyMatcher {
    /**
     * A matching rule: the keys of a record, in groups tried in order (the first group that finds
     * any study decides); studies are indexed under the first group's keys only.
     */
    private record Rule(String name, Function<Record, List<List<String>>> keys) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("doi", r -> one(Doi.normalise(r.doi()))),
            new Rule("pmid", r -> one(r.pmid() == null ? null : r.pmid().replaceAll("\\D", ""))),
            new Rule("title+year+author", r -> years(r, titleKey(r) == null || firstAuthor(r) == null ? null
                    : titleKey(r) + "|" + firstAuthor(r))),
            new Rule("title+year", r -> years(r, titleKey(r))),
            new Rule("title", r -> one(titleKey(r))));

    private final List<Map<String, Set<Long>>> indexes = new ArrayList<>();

    public KeyMatcher(List<StudyStore.Study> studies) {
        for (Rule rule : RULES) {
            Map<String, Set<Long>> index = new HashMap<>();
            for (StudyStore.Study s : studies) {
                List<List<String>> groups = rule.keys().apply(s.record());
                for (String k : groups.isEmpty() ? List.<String>of() : groups.get(0)) {
                    index.computeIfAbsent(k, x -> new HashSet<>()).add(s.id());
                }
            }
            indexes.add(index);
        }
    }

    @Override
    public Optional<Match> match(Record record) {
        for (int i = 0; i < RULES.size(); i++) {
            Set<Long> found = candidates(i, record);
            if (found.size() == 1) {
                return Optional.of(new Match(found.iterator().next(), RULES.get(i).name()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String whyNot(Record record) {
        for (int i = 0; i < RULES.size(); i++) {
            Set<Long> found = candidates(i, record);
            if (found.size() > 1) {
                return "ambiguous: " + found.size() + " study records share its " + RULES.get(i).name();
            }
        }
        if (record.doi() == null && record.pmid() == null && record.title() == null) {
            return "no DOI, PMID or title to match on";
        }
        return "no study record with the same DOI, PMID or title";
    }

    /** The studies a rule finds for a record: those of its first key group that finds any. */
    private Set<Long> candidates(int rule, Record record) {
        for (List<String> group : RULES.get(rule).keys().apply(record)) {
            Set<Long> found = new HashSet<>();
            for (String k : group) {
                found.addAll(indexes.get(rule).getOrDefault(k, Set.of()));
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Set.of();
    }

    /** The same year first; then a year either side (online-first versus issue year). */
    private static List<List<String>> years(Record r, String base) {
        if (base == null || r.year() == null) {
            return List.of();
        }
        return List.of(List.of(base + "|" + r.year()), List.of(base + "|" + (r.year() - 1), base + "|" + (r.year() + 1)));
    }

    private static List<List<String>> one(String key) {
        return key == null || key.isBlank() ? List.of() : List.of(List.of(key));
    }

    /** The title's key, mis-decoded text repaired first (a record stored before repairs were made, or either side). */
    private static String titleKey(Record r) {
        return Titles.normalise(Mojibake.repair(r.title()));
    }

    private static String firstAuthor(Record r) {
        List<Author> authors = r.authors();
        if (authors.isEmpty()) {
            return null;
        }
        String k = AuthorNames.familyKey(Mojibake.repair(authors.get(0).family()));
        return k == null || k.isBlank() ? null : k;
    }
}
