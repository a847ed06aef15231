package dev.winnow.ingest.bibtex;

import java.text.Normalizer;
import java.util.Map;

/**
 * LaTeX as BibTeX files write text, to and from Unicode. {@link #decode} turns accents
 * ({@code \"{o}}, {@code {\'e}}, {@code \c{c}}, {@code {\'\i}}), named letters ({@code \ss},
 * {@code \o}, {@code \ae}), escaped specials ({@code \&}, {@code \%}), ligatures ({@code --},
 * {@code ---}, {@code ``}, {@code ''}) and ties ({@code ~}) into Unicode, and drops protective
 * braces, math dollars and formatting commands ({@code \emph}, {@code \textit}) keeping their
 * argument. {@link #encode} is its inverse for plain text: decode(encode(s)) == s.
 */
public final class Latex {
    /** Accent commands and the combining mark each puts on its argument. */
    private static final Map<String, Character> ACCENTS = Map.ofEntries(
            Map.entry("\"", '\u0308'), Map.entry("'", '\u0301'), Map.entry("`", '\u0300'),
            Map.entry("^", '\u0302'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
            Map.entry(".", '\u0307'), Map.entry("u", '\u0306'), Map.entry("v", '\u030C'),
            Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'), Map.entry("d", '\u0323'), Map.entry("b", '\u0331'),
            Map.entry("t", '\u0361'));

    /** Commands that stand for a character or a short text. */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("SS", "SS"), Map.entry("o", "ø"), Map.entry("O", "Ø"),
            Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"),
            Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"),
            Map.entry("i", "ı"), Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"),
            Map.entry("th", "þ"), Map.entry("TH", "Þ"), Map.entry("ng", "ŋ"), Map.entry("NG", "Ŋ"),
            Map.entry("&", "&"), Map.entry("%", "%"), Map.entry("$", "$"), Map.entry("#", "#"),
            Map.entry("_", "_"), Map.entry("{", "{"), Map.entry("}", "}"), Map.entry(" ", " "),
            Map.entry(",", " "), Map.entry(";", " "), Map.entry("-", ""), Map.entry("/", ""),
            Map.entry("\\", " "), Map.entry("@", ""),
            Map.entry("textendash", "–"), Map.entry("textemdash", "—"), Map.entry("textquoteright", "’"),
            Map.entry("textquoteleft", "‘"), Map.entry("textquotedblleft", "“"), Map.entry("textquotedblright", "”"),
            Map.entry("textasciitilde", "~"), Map.entry("textbackslash", "\\"), Map.entry("textasciicircum", "^"),
            Map.entry("textregistered", "®"), Map.entry("texttrademark", "™"), Map.entry("copyright", "©"),
            Map.entry("textcopyright", "©"), Map.entry("dag", "†"), Map.entry("ddag", "‡"), Map.entry("S", "§"),
            Map.entry("P", "¶"), Map.entry("pounds", "£"), Map.entry("euro", "€"), Map.entry("texteuro", "€"),
            Map.entry("textdegree", "°"), Map.entry("degree", "°"), Map.entry("ldots", "…"), Map.entry("dots", "…"),
            Map.entry("textellipsis", "…"), Map.entry("textbullet", "•"), Map.entry("textperiodcentered", "·"),
            Map.entry("guillemotleft", "«"), Map.entry("guillemotright", "»"), Map.entry("textless", "<"),
            Map.entry("textgreater", ">"), Map.entry("textbar", "|"), Map.entry("textunderscore", "_"),
            Map.entry("textmu", "µ"), Map.entry("textpm", "±"), Map.entry("pm", "±"), Map.entry("times", "×"),
            Map.entry("textperthousand", "‰"), Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"),
            Map.entry("geq", "≥"), Map.entry("neq", "≠"), Map.entry("approx", "≈"), Map.entry("infty", "∞"),
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"),
            Map.entry("pi", "π"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"),
            Map.entry("chi", "χ"), Map.entry("omega", "ω"), Map.entry("Delta", "Δ"), Map.entry("Omega", "Ω"),
            Map.entry("quad", " "), Map.entry("qquad", " "), Map.entry("noindent", ""), Map.entry("par", " "),
            Map.entry("newline", " "), Map.entry("relax", ""), Map.entry("TeX", "TeX"), Map.entry("LaTeX", "LaTeX"),
            Map.entry("BibTeX", "BibTeX"));

    private Latex() {
    }

    /** LaTeX text to Unicode (NFC), whitespace runs collapsed to one space. */
    public static String decode(String latex) {
        if (latex == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(latex.length());
        decodeInto(latex, out);
        String s = Normalizer.normalize(out, Normalizer.Form.NFC);
        return collapse(s);
    }

    /** Like {@link #decode} but keeps paragraph breaks (blank lines) as "\n\n" (abstracts, notes). */
    public static String decodeParagraphs(String latex) {
        if (latex == null) {
            return null;
        }
        String[] paragraphs = latex.strip().split("\\s*\\n\\s*\\n\\s*");
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            String d = decode(p);
            if (!d.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(d);
            }
        }
        return out.toString();
    }

    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void decodeInto(String s, StringBuilder out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i = command(s, i, out);
                case '{', '}', '$' -> i++;
                case '~' -> {
                    out.append(' ');
                    i++;
                }
                case '-' -> {
                    if (s.startsWith("---", i)) {
                        out.append('—');
                        i += 3;
                    } else if (s.startsWith("--", i)) {
                        out.append('–');
                        i += 2;
                    } else {
                        out.append('-');
                        i++;
                    }
                }
                case '`' -> {
                    if (s.startsWith("``", i)) {
                        out.append('“');
                        i += 2;
                    } else {
                        out.append('`');
                        i++;
                    }
                }
                case '\'' -> {
                    if (s.startsWith("''", i)) {
                        out.append('”');
                        i += 2;
                    } else {
                        out.append('\'');
                        i++;
                    }
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    /** Decodes the command starting at s[i] == '\\'; returns the index after it. */
    private static int command(String s, int i, StringBuilder out) {
        int n = s.length();
        if (i + 1 >= n) {
            return n;
        }
        int j = i + 1;
        String name;
        if (Character.isLetter(s.charAt(j))) {
            while (j < n && Character.isLetter(s.charAt(j))) {
                j++;
            }
            name = s.substring(i + 1, j);
            if (!ACCENTS.containsKey(name) || j < n && s.charAt(j) == ' ') {
                // TeX eats the spaces after a control word; "{}" after it is an empty group
                while (j < n && s.charAt(j) == ' ') {
                    j++;
                }
            }
        } else {
            name = String.valueOf(s.charAt(j));
            j++;
        }
        Character accent = ACCENTS.get(name);
        if (accent != null) {
            return accent(s, j, accent, out);
        }
        String symbol = SYMBOLS.get(name);
        if (symbol != null) {
            out.append(symbol);
            if (s.startsWith("{}", j)) {
                j += 2;
            }
            return j;
        }
        // formatting and unknown commands (emph, textit, url, mathrm …): keep only their argument
        return j;
    }

    private static int accent(String s, int j, char mark, StringBuilder out) {
        int n = s.length();
        String base;
        if (j < n && s.charAt(j) == '{') {
            int end = closing(s, j);
            StringBuilder inner = new StringBuilder();
            decodeInto(s.substring(j + 1, end), inner);
            base = inner.toString();
            j = Math.min(end + 1, n);
        } else if (j < n && s.charAt(j) == '\\') {
            StringBuilder inner = new StringBuilder();
            j = command(s, j, inner);
            base = inner.toString();
        } else if (j < n) {
            base = String.valueOf(s.charAt(j));
            j++;
        } else {
            base = "";
        }
        if (base.isEmpty()) {
            out.append(mark);
            return j;
        }
        char first = base.charAt(0);
        if (first == 'ı') {
            first = 'i';
        } else if (first == 'ȷ') {
            first = 'j';
        }
        out.append(first).append(mark).append(base, 1, base.length());
        return j;
    }

    /** The index of the brace closing the one at s[open], or s.length() when it never closes. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return s.length();
    }

    /**
     * Plain Unicode text as LaTeX that {@link #decode} turns back into the same text: the
     * specials are escaped, ligature-forming pairs are split with an empty group. Non-ASCII
     * letters stay as they are (files are written in UTF-8).
     */
    public static String encode(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '`' -> out.append(next == '`' ? "`{}" : "`");
                case '-' -> out.append(next == '-' ? "-{}" : "-");
                case '\'' -> out.append(next == '\'' ? "'{}" : "'");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
