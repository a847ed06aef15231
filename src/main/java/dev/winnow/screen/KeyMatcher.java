package dev.winnow.screen;

import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Doi;
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
 * between candidates. Years may differ by one (online-first versus issue year).
 */
public final class KeyMatcher implements StudyMatcher {
    private record Rule(String name, Function<Record, List<String>> keys) {
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
                Record r = s.record();
                List<String> keys = rule.name().contains("year") ? exactYear(r, rule) : rule.keys().apply(r);
                for (String k : keys) {
                    index.computeIfAbsent(k, x -> new HashSet<>()).add(s.id());
                }
            }
            indexes.add(index);
        }
    }

    @Override
    public Optional<Match> match(Record record) {
        for (int i = 0; i < RULES.size(); i++) {
            Set<Long> found = new HashSet<>();
            for (String k : RULES.get(i).keys().apply(record)) {
                found.addAll(indexes.get(i).getOrDefault(k, Set.of()));
            }
            if (found.size() == 1) {
                return Optional.of(new Match(found.iterator().next(), RULES.get(i).name()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String whyNot(Record record) {
        for (int i = 0; i < RULES.size(); i++) {
            Set<Long> found = new HashSet<>();
            for (String k : RULES.get(i).keys().apply(record)) {
                found.addAll(indexes.get(i).getOrDefault(k, Set.of()));
            }
            if (found.size() > 1) {
                return "ambiguous: " + found.size() + " study records share its " + RULES.get(i).name();
            }
        }
        if (record.doi() == null && record.pmid() == null && record.title() == null) {
            return "no DOI, PMID or title to match on";
        }
        return "no study record with the same DOI, PMID or title";
    }

    /** Studies are indexed under their own year only; looked-up records try year − 1, year, year + 1. */
    private static List<String> exactYear(Record r, Rule rule) {
        List<String> keys = rule.keys().apply(r);
        return keys.isEmpty() ? keys : List.of(keys.get(keys.size() / 2));
    }

    private static List<String> years(Record r, String base) {
        if (base == null || r.year() == null) {
            return List.of();
        }
        return List.of(base + "|" + (r.year() - 1), base + "|" + r.year(), base + "|" + (r.year() + 1));
    }

    private static List<String> one(String key) {
        return key == null || key.isBlank() ? List.of() : List.of(key);
    }

    private static String titleKey(Record r) {
        return Titles.normalise(r.title());
    }

    private static String firstAuthor(Record r) {
        List<Author> authors = r.authors();
        if (authors.isEmpty()) {
            return null;
        }
        String k = AuthorNames.familyKey(authors.get(0).family());
        return k == null || k.isBlank() ? null : k;
    }
}
