package dev.winnow.dedup;

import java.util.Arrays;

/** The string measures the rules use, on precomputed forms so that a comparison costs little. */
final class Similarity {
    private Similarity() {
    }

    /** Sorted character-bigram codes of a text (spaces removed), the input of {@link #dice}. */
    static int[] bigrams(String s) {
        if (s == null) {
            return new int[0];
        }
        String t = s.replace(" ", "");
        if (t.length() < 2) {
            return t.isEmpty() ? new int[0] : new int[] {t.charAt(0)};
        }
        int[] out = new int[t.length() - 1];
        for (int i = 0; i + 1 < t.length(); i++) {
            out[i] = (t.charAt(i) << 16) | t.charAt(i + 1);
        }
        Arrays.sort(out);
        return out;
    }

    /** Sørensen–Dice coefficient of two bigram multisets: 1 for equal texts, 0 for nothing shared. */
    static double dice(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        return 2.0 * common(a, b) / (a.length + b.length);
    }

    /** The share of the smaller multiset found in the larger (1 when one text contains the other's words). */
    static double containment(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        return (double) common(a, b) / Math.min(a.length, b.length);
    }

    static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Sorted, distinct hash codes of a text's words (for word-level overlap). */
    static int[] wordCodes(String s) {
        if (s == null || s.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(s.split(" ")).filter(w -> !w.isEmpty()).mapToInt(String::hashCode).sorted().distinct()
                .toArray();
    }

    /** True when two words are at most one edit (insert, delete, substitute) apart. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la > lb) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        while (i < la && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la) {
            return true;
        }
        if (la == lb) {
            return a.regionMatches(i + 1, b, i + 1, la - i - 1)
                    || i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        return a.regionMatches(i, b, i + 1, la - i);
    }
}
