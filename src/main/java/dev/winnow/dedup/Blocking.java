package dev.winnow.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate pairs without comparing all pairs: records are compared only when they share a
 * blocking key. Keys: DOI; PMID; the first 24 and the last 24 letters of the title key (a title
 * with a prefix such as "Erratum:" or a translated tail still shares one end); first author with
 * year (and year + 1, so that online-first years meet); volume with first page; first author with
 * first page. A block larger than {@value #MAX_BLOCK} records (a very common title start) is
 * compared in a sliding window over its records sorted by title, so the work stays linear.
 */
final class Blocking {
    static final int MAX_BLOCK = 64;
    static final int WINDOW = 16;
    private static final int END_CHARS = 24;

    private Blocking() {
    }

    /** The blocking keys of one record. */
    static List<String> keys(Fingerprint f) {
        List<String> keys = new ArrayList<>(10);
        if (f.doi != null) {
            keys.add("d" + f.doi);
        }
        if (f.pmid != null) {
            keys.add("p" + f.pmid);
        }
        if (f.titleKey != null) {
            String t = f.titleKey.replace(" ", "");
            if (t.length() >= 12) {
                keys.add("s" + t.substring(0, Math.min(END_CHARS, t.length())));
                keys.add("e" + t.substring(Math.max(0, t.length() - END_CHARS)));
            }
        }
        String fa = f.firstAuthor();
        if (fa != null && f.year != null) {
            keys.add("a" + fa + ":" + f.year);
            keys.add("a" + fa + ":" + (f.year + 1));
        }
        if (f.volume != null && f.hasTellingPage()) {
            keys.add("v" + f.volume + ":" + f.firstPage);
        }
        if (fa != null && f.hasTellingPage()) {
            keys.add("f" + fa + ":" + f.firstPage);
        }
        return keys;
    }

    /** Distinct candidate pairs (i &lt; j) packed as {@code (long) i << 32 | j}, sorted. */
    static long[] candidatePairs(List<Fingerprint> records) {
        Map<String, List<Fingerprint>> blocks = new HashMap<>(records.size() * 4);
        for (Fingerprint f : records) {
            for (String k : keys(f)) {
                blocks.computeIfAbsent(k, x -> new ArrayList<>(2)).add(f);
            }
        }
        LongList pairs = new LongList(records.size() * 4);
        Comparator<Fingerprint> byTitle = Comparator.comparing(f -> f.titleKey == null ? "" : f.titleKey);
        for (List<Fingerprint> block : blocks.values()) {
            int n = block.size();
            if (n < 2) {
                continue;
            }
            if (n <= MAX_BLOCK) {
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        pairs.add(pack(block.get(i).index, block.get(j).index));
                    }
                }
            } else {
                List<Fingerprint> sorted = new ArrayList<>(block);
                sorted.sort(byTitle);
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < Math.min(n, i + WINDOW); j++) {
                        pairs.add(pack(sorted.get(i).index, sorted.get(j).index));
                    }
                }
            }
        }
        long[] all = pairs.toArray();
        Arrays.parallelSort(all);
        int w = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[w++] = all[i];
            }
        }
        return Arrays.copyOf(all, w);
    }

    static long pack(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** A growable array of longs (pairs), to avoid boxing millions of them. */
    static final class LongList {
        private long[] data;
        private int size;

        LongList(int capacity) {
            data = new long[Math.max(16, capacity)];
        }

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
