package dev.winnow.bench;

import dev.winnow.record.Author;
import dev.winnow.record.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a large deduplication set with known truth from the real gold sets. Copy 0 is the real
 * data. Copy c &gt; 0 turns every real study (a gold group, or a record in none) into a new study by
 * one consistent rewrite applied to all its records, so the records' natural differences survive:
 * about 40% of title words replaced by other words of the corpus, author surnames replaced, year,
 * volume and pages shifted, DOIs given a new suffix. Then each record gets its own export noise
 * (title case, dropped or abbreviated pages, initials-only authors). True clusters: (study, copy).
 */
public final class ScaleGenerator {
    private final List<GoldSet> sets;
    private final List<String> vocabulary;
    private final List<String> surnames;

    public ScaleGenerator(List<GoldSet> sets) {
        this.sets = sets;
        Set<String> words = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (GoldSet s : sets) {
            for (Record r : s.records()) {
                if (r.title() != null) {
                    for (String w : r.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                        if (w.length() >= 5) {
                            words.add(w);
                        }
                    }
                }
                for (Author a : r.authors()) {
                    if (!a.corporate() && a.family().length() >= 3) {
                        names.add(a.family());
                    }
                }
            }
        }
        vocabulary = new ArrayList<>(words);
        surnames = new ArrayList<>(names);
    }

    /** A generated set of exactly {@code size} records (or fewer if size exceeds what copies can give). */
    public GoldSet generate(int size, long seed) {
        List<String> ids = new ArrayList<>(size);
        List<Record> records = new ArrayList<>(size);
        List<List<String>> groups = new ArrayList<>();
        Random noise = new Random(seed);
        for (int copy = 0; ids.size() < size; copy++) {
            for (GoldSet set : sets) {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < set.ids().size(); i++) {
                    index.put(set.ids().get(i), i);
                }
                List<List<String>> studies = new ArrayList<>();
                Set<String> grouped = new java.util.HashSet<>();
                for (List<String> g : set.groups()) {
                    List<String> present = g.stream().filter(index::containsKey).toList();
                    studies.add(present);
                    grouped.addAll(present);
                }
                for (String id : set.ids()) {
                    if (!grouped.contains(id)) {
                        studies.add(List.of(id));
                    }
                }
                for (int s = 0; s < studies.size() && ids.size() < size; s++) {
                    List<String> study = studies.get(s);
                    long studySeed = seed * 1_000_003L + copy * 7919L + (set.name().hashCode() * 31L + s);
                    List<String> group = new ArrayList<>();
                    for (String id : study) {
                        if (ids.size() >= size) {
                            break;
                        }
                        Record r = set.records().get(index.get(id));
                        Record out = copy == 0 ? r : rewrite(r, copy, studySeed);
                        out = noise(out, noise);
                        String newId = set.name() + ":" + copy + ":" + id;
                        ids.add(newId);
                        records.add(out);
                        group.add(newId);
                    }
                    if (group.size() > 1) {
                        groups.add(group);
                    }
                }
            }
        }
        return new GoldSet("generated-" + size, ids, records, groups);
    }

    private Record rewrite(Record r, int copy, long studySeed) {
        Record.Builder b = r.toBuilder();
        if (r.title() != null) {
            b.title(rewriteTitle(r.title(), copy, studySeed));
        }
        List<Author> authors = new ArrayList<>();
        for (Author a : r.authors()) {
            if (a.corporate()) {
                authors.add(a);
            } else {
                String key = a.family().toLowerCase(Locale.ROOT);
                String family = surnames.get(Math.floorMod((key + "#" + copy + "#" + studySeed).hashCode(), surnames.size()));
                authors.add(Author.of(family, a.given()));
            }
        }
        b.authors(authors);
        int shift = (int) Math.floorMod(studySeed, 9L) - 4;
        if (r.year() != null) {
            b.year(r.year() + shift);
        }
        b.volume(shiftNumbers(r.volume(), copy * 13));
        b.pages(shiftNumbers(r.pages(), copy * 101));
        if (r.doi() != null) {
            b.doi(r.doi() + ".g" + copy);
        }
        return b.build();
    }

    /** Replaces about 40% of the words of five letters or more (at least one), the same way for every record of a study. */
    private String rewriteTitle(String title, int copy, long studySeed) {
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        String firstLong = null;
        for (String token : title.split("(?<=[^\\p{L}])|(?=[^\\p{L}])")) {
            String w = token.toLowerCase(Locale.ROOT);
            if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
                if (firstLong == null) {
                    firstLong = w;
                }
                int h = Math.floorMod((w + "#" + copy + "#" + studySeed).hashCode(), 100);
                if (h < 40) {
                    out.append(sameCase(token, pick(w, copy, studySeed)));
                    replaced = true;
                    continue;
                }
            }
            out.append(token);
        }
        if (!replaced) {
            out.insert(0, pick("lead", copy, studySeed) + " ");
        }
        return out.toString();
    }

    private String pick(String w, int copy, long studySeed) {
        return vocabulary.get(Math.floorMod((w + "@" + copy + "@" + studySeed).hashCode() * 31 + 17, vocabulary.size()));
    }

    private static String sameCase(String original, String word) {
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }

    private static String shiftNumbers(String text, int by) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        var m = java.util.regex.Pattern.compile("\\d+").matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String d = m.group();
            out.append(d.length() > 9 ? d : String.valueOf(Long.parseLong(d) + by));
            last = m.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    /** Export noise on one record: case, page style, missing pages, initials-only authors. */
    private static Record noise(Record r, Random rnd) {
        Record.Builder b = r.toBuilder();
        double p = rnd.nextDouble();
        if (r.title() != null && p < 0.1) {
            b.title(r.title().toUpperCase(Locale.ROOT));
        } else if (r.title() != null && p < 0.2) {
            b.title(r.title().toLowerCase(Locale.ROOT) + ".");
        }
        double q = rnd.nextDouble();
        if (r.pages() != null && q < 0.1) {
            b.pages(null);
        } else if (r.pages() != null && q < 0.25) {
            b.pages(abbreviate(r.pages()));
        }
        if (rnd.nextDouble() < 0.2) {
            List<Author> initials = new ArrayList<>();
            for (Author a : r.authors()) {
                initials.add(a.corporate() || a.given() == null ? a : Author.of(a.family(), a.initials()));
            }
            b.authors(initials);
        }
        return b.build();
    }

    /** "590-595" → "590-5", as MEDLINE writes page ranges. */
    static String abbreviate(String pages) {
        var m = java.util.regex.Pattern.compile("^(\\d+)-(\\d+)$").matcher(pages.strip());
        if (!m.matches() || m.group(1).length() != m.group(2).length()) {
            return pages;
        }
        String a = m.group(1);
        String z = m.group(2);
        int i = 0;
        while (i < a.length() - 1 && a.charAt(i) == z.charAt(i)) {
            i++;
        }
        return a + "-" + z.substring(i);
    }
}
