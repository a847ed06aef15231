package dev.winnow.ingest.wos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one Web of Science record by tag, in file order, as both WoS formats give them:
 * the plain-text export (one value per line for list fields) and the tab-delimited one (one
 * cell per tag, list values separated by "; ").
 */
final class WosFields {
    /** Tags whose continuation lines in the plain-text export are separate values. */
    static boolean isList(String tag) {
        return switch (tag) {
            case "AU", "AF", "BA", "BF", "BE", "CA", "GP", "CR", "C1", "C3" -> true;
            default -> false;
        };
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private String lastTag;

    void add(String tag, String value) {
        values.computeIfAbsent(tag, k -> new ArrayList<>(1)).add(value);
        lastTag = tag;
    }

    /** A continuation line: a new value of a list field, else more of the last value. */
    void continueWith(String text) {
        if (lastTag == null || text.isEmpty()) {
            return;
        }
        List<String> vs = values.get(lastTag);
        if (isList(lastTag)) {
            vs.add(text);
        } else {
            int last = vs.size() - 1;
            String v = vs.get(last);
            vs.set(last, v.isEmpty() ? text : v + " " + text);
        }
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Map<String, List<String>> byTag() {
        return values;
    }

    void clear() {
        values.clear();
        lastTag = null;
    }
}
