package dev.winnow.ingest.ris;

import java.util.ArrayList;
import java.util.List;

/**
 * One tag of a RIS record with its value and the lines that continue it. Continuation lines of a
 * keyword field are further keywords (EndNote writes them so); elsewhere they extend the value.
 */
final class RisField {
    final String tag;
    final long line;
    String value;
    List<String> more;

    RisField(char a, char b, String value, long line) {
        this.tag = tagName(a, b);
        this.value = value;
        this.line = line;
    }

    boolean is(char a, char b) {
        return tag.charAt(0) == a && tag.charAt(1) == b;
    }

    void continueWith(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (tag.equals("KW") || tag.equals("N1")) {
            if (more == null) {
                more = new ArrayList<>(2);
            }
            more.add(text);
        } else {
            value = value.isEmpty() ? text : value + " " + text;
        }
    }

    /** The value with continuation lines of a list-like field joined by a line break. */
    String joined() {
        return more == null ? value : value + "\n" + String.join("\n", more);
    }

    private static final String[] INTERNED = new String[36 * 26];

    /** Tags repeat millions of times in a large file: share one String per tag. */
    private static String tagName(char a, char b) {
        int i = (a - 'A') * 36 + (b >= 'A' ? 10 + b - 'A' : b - '0');
        String s = INTERNED[i];
        if (s == null) {
            s = new String(new char[] {a, b});
            INTERNED[i] = s;
        }
        return s;
    }
}
