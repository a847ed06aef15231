package dev.winnow.report;

/** Untrusted text inside a Markdown document (reports, checklists, appendices). */
public final class Markdown {
    private Markdown() {
    }

    /**
     * The text on one line, with every character that could start Markdown markup, HTML or a table
     * cell boundary escaped by a backslash: shown as typed, never as a link, heading or tag.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.replaceAll("\\R", " ").toCharArray()) {
            if ("\\`*_{}[]<>#|!".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
