package dev.winnow.ingest.ovid;

import java.util.ArrayList;
import java.util.List;

/** One labelled field of an Ovid record: its label and its value lines. */
final class OvidField {
    final String label;
    final long line;
    final List<String> lines = new ArrayList<>(1);

    OvidField(String label, long line) {
        this.label = label;
        this.line = line;
    }

    void add(String text) {
        lines.add(text);
    }

    /** The value lines joined by single spaces. */
    String text() {
        return lines.size() == 1 ? lines.get(0) : String.join(" ", lines);
    }
}
