package dev.winnow.record;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Title normalisation for comparison: what two exports of one article's title have in common. */
public final class Titles {
    private static final Pattern TAGS = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\[a-zA-Z]+\\s*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BRACES = Pattern.compile("[{}]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Trailing notes such as "[Chinese]", "[Article in German]", "(author's transl)". */
    private static final Pattern LANGUAGE_NOTE = Pattern.compile(
            "\\s*[\\[(](?:article in |in )?(?:[a-z]+(?:,? (?:and )?[a-z]+)*|author'?s transl|author's translation)[\\])]\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LANGUAGE_WORD = Pattern.compile(
            "(?i).*\\b(?:english|chinese|german|french|spanish|japanese|russian|italian|portuguese|polish|dutch|"
                    + "korean|turkish|czech|hungarian|swedish|danish|norwegian|finnish|hebrew|persian|arabic|"
                    + "greek|croatian|serbian|slovak|slovenian|ukrainian|romanian|bulgarian|lithuanian|"
                    + "estonian|latvian|icelandic|catalan|thai|vietnamese|indonesian|malay|translation|transl)\\b.*");

    /**
     * Editorial notes databases add to a title: "[Erratum appears in …]", "[see comments]",
     * "(multiple letters)", "[abstract]", a trailing footnote "[1]", a MEDLINE-style language tag
     * ("LA: Chi", "LA EST") or an "<ORIGINAL>" marker.
     */
    private static final Pattern EDITORIAL_NOTE = Pattern.compile(
            "\\[(?:erratum|errata|comment|comments|see |retraction|retracted|corrected|update|published|abstract|"
                    + "letter|editorial|review|meeting abstract|conference abstract|proceedings)[^\\]]*\\]\\.?"
                    + "|\\((?:multiple letters|abstract|meeting abstract)\\)|\\s\\[\\d{1,2}\\]\\.?\\s*$|\\[\\d+ refs?\\]"
                    + "|<original>|(?-i:\\bLA: [A-Z][a-z]{2}\\.?\\s*$|\\bLA [A-Z]{3}\\s*$)",
            Pattern.CASE_INSENSITIVE);

    private Titles() {
    }

    /** The title without editorial notes (see {@link #EDITORIAL_NOTE}); null stays null. */
    public static String withoutNotes(String title) {
        if (title == null) {
            return null;
        }
        if (title.indexOf('[') < 0 && title.indexOf('(') < 0 && title.indexOf('<') < 0 && !title.contains("LA")) {
            return title;
        }
        String s = SPACES.matcher(EDITORIAL_NOTE.matcher(title).replaceAll(" ")).replaceAll(" ").strip();
        return s.isEmpty() ? title : s;
    }

    /**
     * The comparison key of a title: HTML tags and entities, LaTeX commands and braces removed;
     * diacritics folded; lower case; punctuation as single spaces; a translated title's enclosing
     * brackets and a trailing language note ("[Chinese]") dropped. Null for a blank title.
     */
    public static String normalise(String title) {
        if (title == null) {
            return null;
        }
        String s = display(title);
        if (s == null) {
            return null;
        }
        s = stripLanguageNote(s);
        s = unwrapTranslatedTitle(s);
        s = LATEX_COMMAND.matcher(s).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        s = DIACRITICS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe").replace("ł", "l");
        s = NON_ALNUM.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * A title fit to show: HTML tags removed, common entities decoded, whitespace collapsed,
     * a trailing full stop dropped. Case and wording are kept. Null for a blank title.
     */
    public static String display(String title) {
        if (title == null) {
            return null;
        }
        String s = TAGS.matcher(title).replaceAll("");
        s = decodeEntities(s);
        s = SPACES.matcher(BRACES.matcher(s).replaceAll("")).replaceAll(" ").strip();
        while (s.endsWith(".") && !s.endsWith("...")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    /** True when the title is one a database marks as translated: wholly in square brackets. */
    public static boolean isTranslated(String title) {
        String s = title == null ? "" : title.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.startsWith("[") && s.endsWith("]") && s.indexOf(']') == s.length() - 1;
    }

    static String stripLanguageNote(String s) {
        var m = LANGUAGE_NOTE.matcher(s);
        if (m.find() && m.start() > 0 && LANGUAGE_WORD.matcher(m.group()).matches()) {
            return s.substring(0, m.start());
        }
        return s;
    }

    private static String unwrapTranslatedTitle(String s) {
        return isTranslated(s) ? s.strip().replaceAll("^\\[|\\]\\.?$", "") : s;
    }

    /** Decodes the HTML/XML entities that exports contain (named, decimal and hex). */
    public static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                String rep = entity(name);
                if (rep != null) {
                    out.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String entity(String name) {
        if (name.startsWith("#x") || name.startsWith("#X")) {
            try {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (name.startsWith("#")) {
            try {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "ndash" -> "–";
            case "mdash" -> "—";
            default -> null;
        };
    }
}
