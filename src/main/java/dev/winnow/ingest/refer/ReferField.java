package dev.winnow.ingest.refer;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of an EndNote tagged (refer) record: its tag character (the one after {@code %}), its
 * value and the lines that continue it. Continuation lines of a keyword field are further
 * keywords (EndNote writes them so); elsewhere they extend the value.
 */
final class ReferField {
    final char tag;
    final long line;
    String value;
    List<String> more;

    ReferField(char tag, String value, long line) {
        this.tag = tag;
        this.value = value;
        this.line = line;
    }

    void continueWith(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (tag == 'K') {
            if (more == null) {
                more = new ArrayList<>(2);
            }
            more.add(text);
        } else {
            value = value.isEmpty() ? text : value + (tag == 'X' || tag == 'Z' ? "\n" : " ") + text;
        }
    }

    /** The value and, for a keyword field, the keywords on the lines below it. */
    List<String> values() {
        if (more == null) {
            return List.of(value);
        }
        List<String> all = new ArrayList<>(more.size() + 1);
        all.add(value);
        all.addAll(more);
        return all;
    }

    /** The tag as files write it ("%T"), the key of the field in {@code Record.extra()}. */
    String name() {
        return "%" + tag;
    }
}
