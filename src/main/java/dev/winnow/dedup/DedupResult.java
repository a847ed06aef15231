package dev.winnow.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of deduplicating a list of records (indices refer to that list).
 *
 * @param clusterOf  for each record, its cluster: 0, 1, 2, … in order of the cluster's first record
 * @param linkOf     for each record, the accepted link that put it in its cluster (null for a record alone)
 * @param maybes     pairs a person should look at: possibly one study, not merged; most likely first and
 *                   at most {@link MaybeQueue#bound} of them

 * @param related    pairs of different publications of one study (erratum, reply, abstract, protocol,
 *                   review update), linked but not merged
 * @param comparisons how many pairs the rules judged (blocking's output)
 * @param maybesBeyondBound "maybe" pairs left out of {@code maybes} by the bound (the least likely)
 */
public record DedupResult(int[] clusterOf, Link[] linkOf, List<Pair> maybes, List<Pair> related, long comparisons,
                          int maybesBeyondBound) {

    /** The link that joined a record to its cluster: the record it matched and why. */
    public record Link(int other, Judgement judgement) {
    }

    /** A judged pair of records. */
    public record Pair(int a, int b, Judgement judgement) {
    }

    public int clusterCount() {
        int max = -1;
        for (int c : clusterOf) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /** The clusters as lists of record indices, in cluster order. */
    public List<List<Integer>> clusters() {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < clusterCount(); i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < clusterOf.length; i++) {
            out.get(clusterOf[i]).add(i);
        }
        return out;
    }

    /** How many records were merged into another record's study (records − clusters). */
    public int duplicatesRemoved() {
        return clusterOf.length - clusterCount();
    }
}
