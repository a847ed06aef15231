package dev.winnow.dedup;

import dev.winnow.dedup.FieldComparison.Agreement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "maybe" pairs as a person will work through them: most likely duplicates first, each with
 * the reason it is uncertain, and bounded so the queue can be finished: at most one pair per
 * {@value #RECORDS_PER_PAIR} records (5%), at least one. The pairs beyond the bound are the least
 * likely ones; their records stay apart, as every undecided pair does, and the reviewers see both.
 *
 * <p>The likelihood is a plain score, not a fitted model: title similarity, plus what agrees
 * (authors, year, journal, volume, page, abstract), minus what differs (identifiers, years, volume,
 * page), scaled to 0..1. It orders the queue; it decides nothing.
 */
public final class MaybeQueue {
    /** Records per queued pair: the queue holds at most 5% of the records. */
    public static final int RECORDS_PER_PAIR = 20;

    private MaybeQueue() {
    }

    /** The most pairs queued for {@code records} records. */
    public static int bound(int records) {
        return Math.max(1, records / RECORDS_PER_PAIR);
    }

    /** The pairs ranked most likely first and cut at the bound for {@code records} records. */
    static List<DedupResult.Pair> rank(List<DedupResult.Pair> pairs, int records) {
        List<DedupResult.Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble((DedupResult.Pair p) -> -likelihood(p.judgement()))
                .thenComparingInt(DedupResult.Pair::a).thenComparingInt(DedupResult.Pair::b));
        return sorted.size() <= bound(records) ? sorted : List.copyOf(sorted.subList(0, bound(records)));
    }

    /** How likely a judged pair is one publication, 0..1 (for ordering the queue). */
    public static double likelihood(Judgement j) {
        FieldComparison f = j.fields();
        if (f == null) {
            return 0;
        }
        double s = Math.max(f.title(), f.titleContainment() * 0.95);
        s += f.authors() == null ? 0.1 : 0.2 * f.authors();
        s += f.firstAuthor() == Agreement.SAME ? 0.05 : 0;
        s += f.yearGap() == null ? 0.05 : f.yearGap() == 0 ? 0.1 : f.yearGap() == 1 ? 0.05 : -0.2;
        s += weigh(f.journal(), 0.1, -0.1) + weigh(f.volume(), 0.05, -0.15) + weigh(f.page(), 0.1, -0.15);
        s += weigh(f.doi(), 0.2, -0.3) + weigh(f.pmid(), 0.2, -0.3);
        s += f.abstractOverlap() != null && f.abstractOverlap() >= 0.8 ? 0.1 : 0;
        return Math.max(0, Math.min(1, s / 1.6));
    }

    private static double weigh(Agreement a, double same, double different) {
        return a == Agreement.SAME ? same : a == Agreement.DIFFERENT ? different : 0;
    }

    /** Why a pair is uncertain, in words: what stopped or did not make the merge, what agrees, what is missing. */
    public static String reason(Judgement j) {
        FieldComparison f = j.fields();
        StringBuilder s = new StringBuilder(why(j.rule()));
        if (f == null) {
            return s.toString();
        }
        List<String> agree = new ArrayList<>();
        List<String> against = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        agree.add(String.format(java.util.Locale.ROOT, "title %.2f", f.title()));
        if (f.authors() == null) {
            missing.add("authors");
        } else if (f.authors() >= 0.5) {
            agree.add(String.format(java.util.Locale.ROOT, "authors %.0f%%", 100 * f.authors()));
        } else {
            against.add(String.format(java.util.Locale.ROOT, "authors %.0f%%", 100 * f.authors()));
        }
        if (f.yearGap() == null) {
            missing.add("year");
        } else if (f.yearGap() == 0) {
            agree.add("year");
        } else {
            against.add("years " + f.yearGap() + " apart");
        }
        sort(f.journal(), "journal", agree, against, missing);
        sort(f.volume(), "volume", agree, against, missing);
        sort(f.page(), "first page", agree, against, missing);
        sort(f.doi(), "DOI", agree, against, null);
        sort(f.pmid(), "PMID", agree, against, null);
        s.append(". Agree: ").append(String.join(", ", agree));
        if (!against.isEmpty()) {
            s.append(". Differ: ").append(String.join(", ", against));
        }
        if (!missing.isEmpty()) {
            s.append(". Missing: ").append(String.join(", ", missing));
        }
        return s.toString();
    }

    private static void sort(Agreement a, String name, List<String> agree, List<String> against, List<String> missing) {
        switch (a) {
            case SAME -> agree.add(name);
            case DIFFERENT -> against.add(name);
            default -> {
                if (missing != null) {
                    missing.add(name);
                }
            }
        }
    }

    private static String why(String rule) {
        return switch (rule) {
            case "guard:different-page" -> "Titles and authors agree but the first pages differ";
            case "guard:different-volume" -> "Titles and authors agree but the volumes differ";
            case "guard:year-gap" -> "Titles and authors agree but the years are more than one apart";
            case "guard:different-doi" -> "Titles and authors agree but the DOIs differ";
            case "guard:different-pmid" -> "Titles and authors agree but the PMIDs differ";
            case "guard:review-update" -> "Two versions of one Cochrane review";
            case "guard:recurring-item-unplaced" -> "A heading printed every issue (editorial, letters, news…) with no "
                    + "issue or page to tell which";
            case "maybe:similar-title+authors" -> "Similar titles and authors, but no identifier, volume or page confirms it";
            case "maybe:same-volume+page" -> "Same volume and first page, but the titles differ";
            case "maybe:links-two-existing-studies" -> "Would join two studies that already exist";
            case "maybe:bridge-title-disagrees" -> "Would join two groups whose titles disagree";
            default -> rule.startsWith("maybe:bridge-")
                    ? "Would join two groups with a conflict (" + rule.substring("maybe:bridge-".length()) + ")"
                    : "Uncertain (" + rule + ")";
        };
    }
}
