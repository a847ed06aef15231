package dev.winnow.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Journal names as exports write them: "New England Journal of Medicine", "N Engl J Med",
 * "N. Engl. J. Med.", "Journal of clinical oncology : official journal of the American Society of
 * Clinical Oncology", "Zhongguo fei ai za zhi = Chinese journal of lung cancer", "Revargentcardiol",
 * "AMCIS 2017 Proceedings". No abbreviation table is used: {@link #abbreviates} recognises an
 * abbreviation from the full name itself (each abbreviated word is the start of a word of the full
 * name, in order), which is how ISO 4 abbreviations are built.
 */
public final class Journals {
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*\\]|\\([^)]*\\)");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Where a name's parts meet: " : ", " = ", " - ", ". -", or a full stop run into the next word ("Haemostasis.Conference"). */
    private static final Pattern PARTS = Pattern.compile("\\s*[:=]\\s+|\\s+[:=]\\s*|\\.\\s*-|\\s-\\s|\\.(?=\\p{Lu})");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words an abbreviation may leave out. */
    private static final Set<String> SKIPPABLE = Set.of("the", "of", "and", "for", "in", "on", "a", "an", "de", "la",
            "le", "les", "des", "du", "d", "l", "y", "et", "und", "der", "die", "das", "fur", "i", "e", "da", "do",
            "di", "del", "della", "en", "to", "at");
    /** Words one form of a venue's name has and another may lack ("AMCIS 2017 Proceedings"). */
    private static final Set<String> GENERIC = Set.of("proceedings", "proc", "journal", "j", "official", "online",
            "electronic", "resource", "print", "annual", "meeting", "conference", "conf", "abstracts", "abstract",
            "supplement", "suppl");

    private Journals() {
    }

    /**
     * The comparison forms of a journal name: lower case, diacritics folded, bracketed notes
     * ("[Electronic Resource]", "(1946)") and numbers dropped, "&" read as "and". A name with a
     * subtitle (" : ") or a parallel title (" = ") gives one form per part as well as the whole.
     * Empty for a blank name.
     */
    public static List<String> keys(String journal) {
        List<String> out = new ArrayList<>();
        if (journal == null || journal.isBlank()) {
            return out;
        }
        String s = Titles.decodeEntities(journal);
        add(out, s);
        for (String part : PARTS.split(s)) {
            add(out, part);
        }
        return out;
    }

    /** The first comparison form ({@link #keys}), or null. */
    public static String key(String journal) {
        List<String> k = keys(journal);
        return k.isEmpty() ? null : k.get(0);
    }

    private static void add(List<String> out, String s) {
        String k = BRACKETED.matcher(s).replaceAll(" ").replace("&", " and ");
        k = AuthorNames.fold(k).toLowerCase(Locale.ROOT);
        k = SPACES.matcher(NUMBER.matcher(NON_ALNUM.matcher(k).replaceAll(" ")).replaceAll(" ")).replaceAll(" ").strip();
        if (!k.isEmpty() && !out.contains(k)) {
            out.add(k);
        }
    }

    /**
     * True when two journal names can name the same journal: equal comparison forms, equal once
     * spaces are removed, or one abbreviates the other. Null or blank names are never compatible
     * (the caller treats missing data itself).
     */
    public static boolean compatible(String a, String b) {
        List<String> ka = keys(a);
        List<String> kb = keys(b);
        for (String x : ka) {
            for (String y : kb) {
                if (compatibleKeys(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #compatible} for two comparison forms already made by {@link #keys}. */
    public static boolean compatibleKeys(String x, String y) {
        if (x.equals(y) || x.replace(" ", "").equals(y.replace(" ", ""))) {
            return true;
        }
        return abbreviates(x, y) || abbreviates(y, x);
    }

    /**
     * True when {@code abbreviation} (a comparison form) can be read as an abbreviation of
     * {@code full}: each of its words is one or more word-starts of consecutive words of the full
     * name ("j am soc nephrol" ← journal american society nephrology; "amcis" ← americas
     * conference information systems), every significant word of the full name is used, and
     * words such as "of" and "the" may be left out.
     */
    public static boolean abbreviates(String abbreviation, String full) {
        String[] ab = significant(abbreviation.split(" "), true);
        String[] fu = significant(full.split(" "), false);
        if (ab.length == 0 || fu.length == 0) {
            return false;
        }
        return match(ab, 0, 0, fu, 0, new java.util.HashMap<>());
    }

    private static String[] significant(String[] words, boolean abbreviation) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.isEmpty() || abbreviation && (GENERIC.contains(w) || SKIPPABLE.contains(w) && w.length() > 1)) {
                continue;
            }
            out.add(w);
        }
        return out.toArray(String[]::new);
    }

    /**
     * Can ab[i] from character c onwards, and the words after it, be spelled as word-starts of
     * fu[j..]? Each full word consumes a non-empty prefix, or is skipped when skippable.
     */
    private static boolean match(String[] ab, int i, int c, String[] fu, int j, java.util.Map<Long, Boolean> memo) {
        if (i == ab.length) {
            for (int k = j; k < fu.length; k++) {
                if (!SKIPPABLE.contains(fu[k]) && !GENERIC.contains(fu[k])) {
                    return false;
                }
            }
            return true;
        }
        if (j == fu.length) {
            return false;
        }
        long key = ((long) i << 40) | ((long) c << 20) | j;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean ok = false;
        String word = ab[i];
        String target = fu[j];
        // take a prefix of the full word fu[j] of length 1..n
        int n = 0;
        while (c + n < word.length() && n < target.length() && word.charAt(c + n) == target.charAt(n)) {
            n++;
            boolean endOfWord = c + n == word.length();
            if ((!endOfWord || c > 0) && n > 2) {
                continue; // a word spanning several full words is an acronym: pieces of one or two letters ("amcis")
            }
            if (endOfWord ? match(ab, i + 1, 0, fu, j + 1, memo) : match(ab, i, c + n, fu, j + 1, memo)) {
                ok = true;
                break;
            }
        }
        if (!ok && (SKIPPABLE.contains(target) || GENERIC.contains(target))) {
            ok = match(ab, i, c, fu, j + 1, memo);
        }
        memo.put(key, ok);
        return ok;
    }
}
