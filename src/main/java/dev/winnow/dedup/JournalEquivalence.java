package dev.winnow.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Journal names that the data itself shows to be one journal: names carried by records that share
 * a DOI, an ISSN or a DOI's journal stem ("10.1016/j.lungcan"). Built from the records being
 * deduplicated, so no third-party abbreviation table is needed; the names' own abbreviation
 * structure is checked by {@link dev.winnow.record.Journals#compatibleKeys}.
 *
 * <p>The bare DOI prefix ("10.1016") is not used: it names a publisher, which publishes thousands
 * of journals.
 */
final class JournalEquivalence {
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> root = new HashMap<>();

    static JournalEquivalence of(List<Fingerprint> records) {
        JournalEquivalence eq = new JournalEquivalence();
        Map<String, List<String>> byEvidence = new HashMap<>();
        for (Fingerprint f : records) {
            if (f.journalKeys.isEmpty()) {
                continue;
            }
            String main = f.journalKeys.get(0);
            for (String k : f.journalKeys) {
                eq.union(main, k);
            }
            if (f.doi != null) {
                byEvidence.computeIfAbsent("doi " + f.doi, x -> new ArrayList<>()).add(main);
            }
            if (f.doiStem != null) {
                byEvidence.computeIfAbsent("stem " + f.doiStem, x -> new ArrayList<>()).add(main);
            }
            for (String issn : f.issns) {
                byEvidence.computeIfAbsent("issn " + issn, x -> new ArrayList<>()).add(main);
            }
        }
        for (List<String> names : byEvidence.values()) {
            for (int i = 1; i < names.size(); i++) {
                eq.union(names.get(0), names.get(i));
            }
        }
        for (String k : List.copyOf(eq.parent.keySet())) {
            eq.root.put(k, eq.find(k));
        }
        return eq;
    }

    boolean same(String a, String b) {
        String ra = root.get(a);
        return ra != null && ra.equals(root.get(b));
    }

    private String find(String k) {
        String p = parent.getOrDefault(k, k);
        if (p.equals(k)) {
            return k;
        }
        String root = find(p);
        parent.put(k, root);
        return root;
    }

    private void union(String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
