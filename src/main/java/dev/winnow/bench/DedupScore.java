package dev.winnow.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a clustering against gold duplicate groups exactly as BENCHMARKS.md §2 (bib-dedupe's
 * benchmark) says: keep one record per predicted cluster (the first in input order); a record in no
 * gold group that is kept is a TN, removed an FP; a gold group of k records of which m are kept
 * gives, for m = 0, one FP and k−1 TP, and for m ≥ 1, one TN, m−1 FN and k−m TP.
 */
public record DedupScore(long tp, long fp, long fn, long tn) {

    public double sensitivity() {
        return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    public double fpRate() {
        return fp + tn == 0 ? 0 : (double) fp / (fp + tn);
    }

    /**
     * Scores a clustering against per-record duplicate flags (dedupe-sweep's EndNote sets mark
     * every member of a duplicate set, without saying which set): a flagged record in a predicted
     * cluster of two or more is a TP, alone an FN; an unflagged record clustered with another is
     * an FP (a false merge for certain), alone a TN.
     */
    public static DedupScore flags(List<String> ids, int[] cluster, Set<String> flagged) {
        Map<Integer, Integer> size = new HashMap<>();
        for (int c : cluster) {
            size.merge(c, 1, Integer::sum);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean together = size.get(cluster[i]) > 1;
            if (flagged.contains(ids.get(i))) {
                if (together) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (together) {
                fp++;
            } else {
                tn++;
            }
        }
        return new DedupScore(tp, fp, fn, tn);
    }

    /**
     * @param ids     record ids in input order
     * @param cluster predicted cluster of each record (same order)
     * @param gold    gold duplicate groups (ids); records in none are unique
     */
    public static DedupScore score(List<String> ids, int[] cluster, List<List<String>> gold) {
        Set<Integer> seenClusters = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (seenClusters.add(cluster[i])) {
                kept.add(ids.get(i));
            }
        }
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < gold.size(); g++) {
            for (String id : gold.get(g)) {
                groupOf.put(id, g);
            }
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (String id : ids) {
            if (!groupOf.containsKey(id)) {
                if (kept.contains(id)) {
                    tn++;
                } else {
                    fp++;
                }
            }
        }
        Set<String> present = new HashSet<>(ids);
        for (List<String> group : gold) {
            int k = 0;
            int m = 0;
            for (String id : group) {
                if (present.contains(id)) {
                    k++;
                    if (kept.contains(id)) {
                        m++;
                    }
                }
            }
            if (k == 0) {
                continue;
            }
            if (m == 0) {
                fp += 1;
                tp += k - 1;
            } else {
                tn += 1;
                fn += m - 1;
                tp += k - m;
            }
        }
        return new DedupScore(tp, fp, fn, tn);
    }
}
