package dev.winnow.record;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Author-name parsing and normalisation. Exports write one name many ways: "Smith, John A.",
 * "Smith JA", "Smith, J. A.", "John A. Smith", "van der Berg, Anna", "de la Cruz M". This class
 * turns each into family + given names and gives comparison keys that agree across the forms.
 */
public final class AuthorNames {
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
            "ter", "ten", "te", "van't", "vander", "al", "el", "bin", "ibn", "st", "st.", "mac", "zu", "y");
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd");
    private static final Pattern INITIALS_ONLY = Pattern.compile("(?:\\p{Lu}\\.?-?){1,4}");
    private static final Pattern ET_AL = Pattern.compile("(?i)^(?:et\\.? al\\.?|and others|et al)$");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    // compiled once: parse() runs for every author of every imported record
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DOTS_AND_HYPHENS = Pattern.compile("[.-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Set<String> ORGANISATION_WORDS = Set.of(
            "group", "collaboration", "collaborative", "consortium", "committee", "association", "society",
            "organization", "organisation", "institute", "investigators", "network", "council", "team",
            "foundation", "agency", "department", "ministry", "university", "trialists", "working", "panel",
            "centre", "center", "board", "service", "federation", "alliance", "study", "trial", "writing", "inc",
            "ltd", "pharmaceuticals", "corporation", "company");

    private AuthorNames() {
    }

    /** "Agrawal A", "Gupta K.", "de la Cruz MJ", "Sa-Ambo J.-M.": a family name, then initials. */
    private static final Pattern FAMILY_INITIALS = Pattern.compile("\\S.*\\s(?:\\p{Lu}\\.?-?){1,4}");
    /** "A. Agrawal", "K.-H. Gupta", "J. A. Smith": initials with dots, then a family name of one word or more. */
    private static final Pattern INITIALS_FAMILY = Pattern.compile("(?:\\p{Lu}\\.\\s?-?){1,4}\\s*\\p{L}[\\p{L}'’ -]*");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");

    /**
     * The names one author field holds. A field meant for one name sometimes holds several, in
     * hand-made or converted libraries ("AU  - Agrawal A, Gupta K.", "Smith, J.; Lee, K.",
     * "Smith, John and Lee, Kim"): it is split only when every part is a name of the same unmistakable
     * form (family name and initials; initials and family name; "Family, Given" joined by "and";
     * anything joined by ";"). An organisation ("Department of Health and Social Care"), "Smith, J."
     * and "John A. Smith" stay one name. "et al." among the parts is dropped.
     */
    public static java.util.List<String> names(String field) {
        if (field == null) {
            return java.util.List.of();
        }
        String s = field.strip();
        if (s.indexOf(';') > 0) {
            java.util.List<String> parts = parts(s.split(";"));
            if (parts.size() >= 2) {
                return parts;
            }
        }
        if (looksCorporate(s)) {
            return java.util.List.of(s);
        }
        if (s.indexOf(',') > 0) {
            java.util.List<String> parts = parts(s.split(","));
            if (parts.size() >= 2 && (parts.stream().allMatch(p -> FAMILY_INITIALS.matcher(p).matches())
                    || parts.stream().allMatch(p -> INITIALS_FAMILY.matcher(p).matches()))) {
                return parts;
            }
        }
        if (s.contains(" and ")) {
            java.util.List<String> parts = parts(AND.split(s));
            if (parts.size() >= 2 && parts.stream().allMatch(p -> p.indexOf(',') > 0 && p.indexOf(',') == p.lastIndexOf(',')
                    || FAMILY_INITIALS.matcher(p).matches())) {
                return parts;
            }
        }
        return java.util.List.of(s);
    }

    /** The parts stripped of spaces and a final full stop after a word, without blanks and "et al.". */
    private static java.util.List<String> parts(String[] split) {
        java.util.List<String> out = new java.util.ArrayList<>(split.length);
        for (String p : split) {
            String t = p.strip();
            if (t.endsWith(".") && t.length() > 2 && Character.isLowerCase(t.charAt(t.length() - 2))) {
                t = t.substring(0, t.length() - 1);
            }
            if (!t.isEmpty() && !ET_AL.matcher(t).matches()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Parses one author as exports write it. Returns null for blanks and for "et al." / "and others".
     * A name in double braces or with organisation words ("Stroke Unit Trialists' Collaboration")
     * is a corporate author.
     */
    public static Author parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (needsSpacing(s)) {
            s = WHITESPACE.matcher(s).replaceAll(" ");
        }
        while (s.endsWith(",") || s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty() || ET_AL.matcher(s).matches()) {
            return null;
        }
        if (s.startsWith("{") && s.endsWith("}")) {
            return Author.organisation(s.substring(1, s.length() - 1).strip());
        }
        if (looksCorporate(s)) {
            return Author.organisation(s);
        }
        int comma = s.indexOf(',');
        if (comma >= 0) {
            String family = s.substring(0, comma).strip();
            String rest = s.substring(comma + 1).strip();
            // "Smith, Jr., John" → suffix after the first comma
            int second = rest.indexOf(',');
            if (second >= 0 && SUFFIXES.contains(rest.substring(0, second).strip().toLowerCase(Locale.ROOT))) {
                family = family + " " + rest.substring(0, second).strip();
                rest = rest.substring(second + 1).strip();
            }
            return Author.of(family, rest.isEmpty() ? null : rest);
        }
        String[] parts = s.split(" ");
        if (parts.length == 1) {
            return Author.of(s, null);
        }
        // MEDLINE/Vancouver form: "Smith JA", "de la Cruz M", "Smith JA Jr"
        int last = parts.length - 1;
        String suffix = null;
        if (SUFFIXES.contains(parts[last].toLowerCase(Locale.ROOT)) && last >= 2) {
            suffix = parts[last];
            last--;
        }
        if (INITIALS_ONLY.matcher(parts[last]).matches() && DOTS_AND_HYPHENS.matcher(parts[last]).replaceAll("").length() <= 3
                && !INITIALS_ONLY.matcher(parts[0]).matches()) {
            String family = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, last));
            if (suffix != null) {
                family = family + " " + suffix;
            }
            return Author.of(family, spacedInitials(parts[last]));
        }
        // natural order: "John A. Smith", "Anna van der Berg"
        int familyStart = parts.length - 1;
        if (suffix != null) {
            familyStart = last;
        }
        while (familyStart > 1 && isParticle(parts[familyStart - 1])) {
            familyStart--;
        }
        String family = String.join(" ", java.util.Arrays.copyOfRange(parts, familyStart, last + 1));
        if (suffix != null) {
            family = family + " " + suffix;
        }
        String given = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, familyStart));
        return Author.of(family, given);
    }

    /** True when a name holds white space other than single spaces. */
    private static boolean needsSpacing(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && Character.isWhitespace(c) || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** A family-name particle; one letter ("y") only in lower case, since "Y" is an initial ("J Y Douillard"). */
    private static boolean isParticle(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return PARTICLES.contains(lower) && (word.length() > 1 || word.equals(lower));
    }

    /** "JA" → "J. A."; "J-P" → "J.-P." (readable form of run-together initials). */
    static String spacedInitials(String initials) {
        StringBuilder sb = new StringBuilder();
        String s = initials.replace(".", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                sb.append('-');
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append(' ');
            }
            sb.append(c).append('.');
        }
        return sb.toString();
    }

    /** Initials of given names, upper case, no dots or spaces: "John Adam" → "JA", "J.-P." → "JP". */
    public static String initials(String given) {
        if (given == null || given.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : fold(given).split("[\\s.\\-]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() <= 3 && part.equals(part.toUpperCase(Locale.ROOT)) && part.chars().allMatch(Character::isLetter)) {
                sb.append(part); // "JA" already initials
            } else {
                sb.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Comparison key for a family name: diacritics folded, lower case, letters only, particles
     * kept but joined ("van der Berg" → "vanderberg", "Müller" → "muller", "O'Brien" → "obrien").
     */
    public static String familyKey(String family) {
        if (family == null) {
            return "";
        }
        return NOT_LETTER_OR_DIGIT.matcher(fold(family).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Comparison key for an author: family key plus the first initial ("smith j"). */
    public static String key(Author a) {
        String ini = a.corporate() ? "" : initials(a.given());
        return familyKey(a.family()) + (ini.isEmpty() ? "" : " " + Character.toLowerCase(ini.charAt(0)));
    }

    /** Diacritics removed and common ligatures expanded. */
    public static String fold(String s) {
        if (isAscii(s)) {
            return s;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD);
        return DIACRITICS.matcher(n).replaceAll("").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
                .replace("æ", "ae").replace("Æ", "AE").replace("ł", "l").replace("Ł", "L");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Two or more words (runs of letters), one of them an organisation word. A char scan: this runs for every author. */
    private static boolean looksCorporate(String s) {
        int words = 0;
        boolean organisation = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words++;
                if (!organisation && i - start >= 3 && ORGANISATION_WORDS.contains(s.substring(start, i).toLowerCase(Locale.ROOT))) {
                    organisation = true;
                }
            }
        }
        return organisation && words >= 2;
    }
}
