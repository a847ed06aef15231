package dev.winnow.record;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known markup in a record's text turned into text, for reading: what Crossref, Lens and Dimensions
 * exports carry in abstracts (JATS: {@code <jats:title>}, {@code <jats:p>}, {@code <jats:italic>}),
 * PubMed's structured abstracts ({@code <AbstractText Label="METHODS">}), simple HTML
 * ({@code <p>}, {@code <i>}, {@code <sup>}, {@code <br/>}), and character entities, also escaped
 * twice ({@code &amp;lt;}). Section titles and labels are kept as "Label: " at the start of their
 * paragraph; paragraphs are separated by a blank line. Tags it does not know are left as they are
 * (a "&lt;" in "p &lt; 0.05" is no tag). Pure: the stored value is never changed, so the raw text
 * stays what the file said.
 */
public final class AbstractMarkup {
    private AbstractMarkup() {
    }

    /** Tags whose content starts a paragraph. */
    private static final Set<String> BLOCKS = Set.of("p", "sec", "abstract", "list", "list-item", "div",
            "trans-abstract", "caption", "statement");
    /** Tags whose content is a section's title or label, written "Label: ". */
    private static final Set<String> LABELS = Set.of("title", "label", "h1", "h2", "h3", "h4");
    /** Tags that only style their content (dropped, the content kept). */
    private static final Set<String> INLINE = Set.of("i", "b", "em", "strong", "u", "sup", "sub", "italic", "bold",
            "underline", "sc", "span", "monospace", "inline-formula", "tex-math", "ext-link", "uri", "xref",
            "named-content", "abbrev", "small", "font", "a", "copyright-statement");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][\\w.-]*(?::[A-Za-z][\\w.-]*)?)((?:\\s[^<>]*)?)(/?)>");
    private static final Pattern LABEL_ATTRIBUTE = Pattern.compile("\\bLabel\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern KNOWN_ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|apos|nbsp|#\\d+|#[xX][0-9A-Fa-f]+);");

    /** The text without known markup; the same text when it has none; null for null. */
    public static String toText(String s) {
        if (s == null || (s.indexOf('<') < 0 && s.indexOf('&') < 0)) {
            return s;
        }
        // entities escaped twice (&amp;lt;) first come back to once (&lt;), then to characters
        String t = s;
        for (int round = 0; round < 3 && KNOWN_ENTITY.matcher(t).find(); round++) {
            t = decode(t);
        }
        StringBuilder out = new StringBuilder(t.length());
        Matcher m = TAG.matcher(t);
        int at = 0;
        int labelStart = -1;
        while (m.find()) {
            String name = m.group(2);
            if (!known(name)) {
                continue; // left in the text as it is
            }
            out.append(t, at, m.start());
            at = m.end();
            String local = local(name);
            boolean closing = !m.group(1).isEmpty();
            if (local.equals("abstracttext")) {
                if (!closing) {
                    paragraph(out);
                    Matcher l = LABEL_ATTRIBUTE.matcher(m.group(3));
                    if (l.find() && !l.group(1).isBlank()) {
                        out.append(l.group(1).strip()).append(": ");
                    }
                }
            } else if (LABELS.contains(local)) {
                if (!closing) {
                    paragraph(out);
                    labelStart = out.length();
                } else if (labelStart >= 0) {
                    String label = out.substring(labelStart).strip();
                    out.setLength(labelStart);
                    if (!label.isEmpty()) {
                        out.append(label.endsWith(":") || label.endsWith(".") ? label : label + ":").append(' ');
                    }
                    labelStart = -1;
                }
            } else if (BLOCKS.contains(local)) {
                if (!closing && !endsWithLabel(out)) {
                    paragraph(out);
                }
            } else if (local.equals("br")) {
                out.append('\n');
            }
            // anything else known only styles its content: the tag goes, the content stays
        }
        out.append(t, at, t.length());
        return tidy(out.toString());
    }

    private static boolean known(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jats:") || lower.startsWith("mml:")) {
            return true;
        }
        String local = local(name);
        return local.equals("abstracttext") || local.equals("br") || BLOCKS.contains(local) || LABELS.contains(local)
                || INLINE.contains(local);
    }

    private static String local(String name) {
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(colon + 1)).toLowerCase(Locale.ROOT);
    }

    private static boolean endsWithLabel(StringBuilder out) {
        int n = out.length();
        return n >= 2 && out.charAt(n - 1) == ' ' && out.charAt(n - 2) == ':';
    }

    /** Starts a new paragraph unless the text is empty or already at one. */
    private static void paragraph(StringBuilder out) {
        int n = out.length();
        while (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) {
            n--;
        }
        out.setLength(n);
        if (n == 0 || out.toString().endsWith("\n\n")) {
            return;
        }
        out.append(out.charAt(n - 1) == '\n' ? "\n" : "\n\n");
    }

    /** White space within a paragraph made single; paragraphs kept apart by one blank line. */
    private static String tidy(String s) {
        String[] paragraphs = s.split("\\n\\s*\\n");
        StringBuilder b = new StringBuilder(s.length());
        for (String p : paragraphs) {
            String line = p.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n ?", "\n").strip();
            if (!line.isEmpty()) {
                b.append(b.length() == 0 ? "" : "\n\n").append(line);
            }
        }
        return b.toString();
    }

    /** Entities decoded once (Titles' decoder), control characters a numeric one may name left out. */
    private static String decode(String s) {
        return PlainText.withoutControlCharacters(Titles.decodeEntities(s));
    }
}
