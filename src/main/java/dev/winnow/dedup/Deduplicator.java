package dev.winnow.dedup;

import dev.winnow.dedup.Judgement.Verdict;
import dev.winnow.record.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Deduplication of records in memory: normalise ({@link Fingerprint}) → block ({@link Blocking}) →
 * compare ({@link MatchRules}) → cluster. Pure: no I/O.
 *
 * <p>Clustering takes the duplicate links strongest first (shared DOI or PMID, then by title
 * similarity) and joins two clusters only when <em>every</em> pair of records across them passes the
 * guards and their titles agree ({@link #TITLE_COHERENCE}); so one incomplete "bridge" record that
 * looks like two different studies cannot chain them together. A refused link becomes a "maybe".
 *
 * <p>Incremental use: records that already belong to a study are passed with their study as a
 * fixed group. A new record may join a fixed group; two fixed groups are never joined (a link
 * between them becomes a "maybe" for a person), so existing links never change silently.
 */
public final class Deduplicator {
    /**
     * Minimum title similarity between any two records of one cluster (unless they share an identifier,
     * or the journal's volume, issue and page range: a translated title).
     */
    static final double TITLE_COHERENCE = 0.6;

    private Deduplicator() {
    }

    /** Deduplicates records that belong to no study yet. */
    public static DedupResult run(List<Record> records) {
        return run(records, null);
    }

    /**
     * Deduplicates records, some of which may already belong to studies.
     *
     * @param fixedGroup for each record, the id of the study it already belongs to, or a negative
     *                   number for a new record; null when all records are new
     */
    public static DedupResult run(List<Record> records, long[] fixedGroup) {
        return run(records, fixedGroup, Tuning.DEFAULT);
    }

    /** As {@link #run(List, long[])} with another value of the fitted threshold (for leave-one-set-out benchmarks). */
    public static DedupResult run(List<Record> records, long[] fixedGroup, Tuning tuning) {
        int n = records.size();
        Map<String, List<String>> journalForms = new java.util.concurrent.ConcurrentHashMap<>();
        List<Fingerprint> fps = Arrays.asList(IntStream.range(0, n).parallel()
                .mapToObj(i -> Fingerprint.of(i, records.get(i), journalForms)).toArray(Fingerprint[]::new));
        MatchRules rules = new MatchRules(JournalEquivalence.of(fps), tuning);
        long[] pairs = Blocking.candidatePairs(fps);
        Judgement[] judged = new Judgement[pairs.length];
        IntStream.range(0, pairs.length).parallel().forEach(p -> {
            Fingerprint a = fps.get((int) (pairs[p] >>> 32));
            Fingerprint b = fps.get((int) pairs[p]);
            Judgement j = rules.judge(a, b);
            judged[p] = j.verdict() == Verdict.DISTINCT ? null : j;
        });
        return new Clusterer(fps, rules, fixedGroup).cluster(pairs, judged);
    }

    /** Union-find over records with member lists, refusing joins that would break a guard. */
    private static final class Clusterer {
        private final List<Fingerprint> fps;
        private final MatchRules rules;
        private final int[] parent;
        private final List<List<Integer>> members;
        private final long[] fixedOf;   // per root: the fixed group it holds, or -1
        private final DedupResult.Link[] linkOf;

        Clusterer(List<Fingerprint> fps, MatchRules rules, long[] fixedGroup) {
            this.fps = fps;
            this.rules = rules;
            int n = fps.size();
            parent = new int[n];
            members = new ArrayList<>(n);
            fixedOf = new long[n];
            linkOf = new DedupResult.Link[n];
            Map<Long, Integer> rootOfGroup = new HashMap<>();
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                List<Integer> m = new ArrayList<>(1);
                m.add(i);
                members.add(m);
                fixedOf[i] = -1;
            }
            if (fixedGroup != null) {
                for (int i = 0; i < n; i++) {
                    if (fixedGroup[i] < 0) {
                        continue;
                    }
                    Integer root = rootOfGroup.get(fixedGroup[i]);
                    if (root == null) {
                        rootOfGroup.put(fixedGroup[i], i);
                        fixedOf[i] = fixedGroup[i];
                    } else {
                        parent[i] = root;
                        members.get(root).add(i);
                        members.set(i, null);
                    }
                }
            }
        }

        DedupResult cluster(long[] pairs, Judgement[] judged) {
            List<Integer> links = new ArrayList<>();
            List<DedupResult.Pair> maybes = new ArrayList<>();
            List<DedupResult.Pair> related = new ArrayList<>();
            for (int p = 0; p < pairs.length; p++) {
                Judgement j = judged[p];
                if (j == null) {
                    continue;
                }
                switch (j.verdict()) {
                    case DUPLICATE -> links.add(p);
                    case MAYBE -> maybes.add(pair(pairs[p], j));
                    case RELATED -> related.add(pair(pairs[p], j));
                    default -> { }
                }
            }
            links.sort(Comparator.comparingInt((Integer p) -> strength(judged[p].rule()))
                    .thenComparingDouble(p -> -judged[p].fields().title()).thenComparingLong(p -> pairs[p]));
            for (int p : links) {
                int a = (int) (pairs[p] >>> 32);
                int b = (int) pairs[p];
                int ra = find(a);
                int rb = find(b);
                if (ra == rb) {
                    continue;
                }
                String refusal = refusal(ra, rb);
                if (refusal != null) {
                    maybes.add(new DedupResult.Pair(a, b, new Judgement(Verdict.MAYBE, refusal, judged[p].fields())));
                    continue;
                }
                join(ra, rb);
                if (linkOf[b] == null) {
                    linkOf[b] = new DedupResult.Link(a, judged[p]);
                }
                if (linkOf[a] == null) {
                    linkOf[a] = new DedupResult.Link(b, judged[p]);
                }
            }
            int[] clusterOf = new int[fps.size()];
            Map<Integer, Integer> number = new HashMap<>();
            for (int i = 0; i < fps.size(); i++) {
                clusterOf[i] = number.computeIfAbsent(find(i), r -> number.size());
            }
            List<DedupResult.Pair> open = acrossClusters(maybes, clusterOf);
            List<DedupResult.Pair> queued = MaybeQueue.rank(open, fps.size());
            return new DedupResult(clusterOf, linkOf, queued, acrossClusters(related, clusterOf), pairs.length,
                    open.size() - queued.size());
        }

        /** Why two clusters may not be joined, or null when every pair across them is compatible. */
        private String refusal(int ra, int rb) {
            if (fixedOf[ra] >= 0 && fixedOf[rb] >= 0) {
                return "maybe:links-two-existing-studies";
            }
            for (int x : members.get(ra)) {
                for (int y : members.get(rb)) {
                    Fingerprint fx = fps.get(x);
                    Fingerprint fy = fps.get(y);
                    String guard = rules.conflict(fx, fy);
                    if (guard != null) {
                        return "maybe:bridge-" + guard.substring(guard.indexOf(':') + 1);
                    }
                    boolean sameId = fx.doi != null && fx.doi.equals(fy.doi) || fx.pmid != null && fx.pmid.equals(fy.pmid);
                    if (!sameId && !MatchRules.sameLocator(fx, fy) && Similarity.dice(fx.titleBigrams, fy.titleBigrams) < TITLE_COHERENCE
                            && Similarity.containment(fx.titleBigrams, fy.titleBigrams) < 0.85) {
                        return "maybe:bridge-title-disagrees";
                    }
                }
            }
            return null;
        }

        private void join(int ra, int rb) {
            int big = members.get(ra).size() >= members.get(rb).size() ? ra : rb;
            int small = big == ra ? rb : ra;
            parent[small] = big;
            members.get(big).addAll(members.get(small));
            members.set(small, null);
            if (fixedOf[big] < 0) {
                fixedOf[big] = fixedOf[small];
            }
        }

        private int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static DedupResult.Pair pair(long packed, Judgement j) {
            return new DedupResult.Pair((int) (packed >>> 32), (int) packed, j);
        }

        /** Pairs whose records ended in different clusters, one per pair of clusters. */
        private static List<DedupResult.Pair> acrossClusters(List<DedupResult.Pair> pairs, int[] clusterOf) {
            Set<Long> seen = new HashSet<>();
            List<DedupResult.Pair> out = new ArrayList<>();
            for (DedupResult.Pair p : pairs) {
                int ca = clusterOf[p.a()];
                int cb = clusterOf[p.b()];
                if (ca != cb && seen.add(Blocking.pack(ca, cb))) {
                    out.add(p);
                }
            }
            return out;
        }

        private static int strength(String rule) {
            return switch (rule) {
                case "same-doi" -> 0;
                case "same-pmid" -> 1;
                case "title+authors+volume+page" -> 2;
                default -> 3;
            };
        }
    }
}
