package dev.winnow.dedup;

import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Doi;
import dev.winnow.record.Journals;
import dev.winnow.record.Pages;
import dev.winnow.record.Record;
import dev.winnow.record.Titles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalised view of one record that blocking and the rules work on, computed once per
 * record: DOI and its journal stem, PMID, title key and its bigrams, the numbers and series part in
 * the title, the publication kind, author keys, year, journal forms, volume and pages.
 */
public final class Fingerprint {
    private static final Pattern COCHRANE = Pattern.compile("^10\\.1002/14651858\\.(cd\\d+)(?:\\.pub(\\d+))?");
    private static final Set<String> PART_WORDS = Set.of("part", "pt", "section", "paper", "study", "series", "phase");
    private static final Pattern PART_NUMBER = Pattern.compile("\\d+|[ivx]+|one|two|three|four|five|a|b|c");
    private static final Set<String> ROMAN = Set.of("ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii");
    private static final int MAX_AUTHORS = 12;
    private static final Pattern PAGE = Pattern.compile("(?i)[a-z]?\\d+[a-z]{0,2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Front-matter pages: "iii", "vii-ix" (editorials and issue information are paged so). */
    private static final Pattern ROMAN_PAGE = Pattern.compile("(?i)[ivxlc]+");
    private static final Pattern ROMAN_RANGE = Pattern.compile("(?i)\\s*([ivxlc]+)\\s*(?:[-\u2013]\\s*([ivxlc]+))?\\s*\\.?\\s*");
    private static final Pattern NON_DIGIT = Pattern.compile("\\D");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]");

    final int index;
    final Record record;
    final String doi;
    final String doiStem;
    final String cochraneReview;
    final int cochraneVersion;
    final String pmid;
    final String titleKey;
    /** The title key of the part before a subtitle separator (": ", " - ", "? ", ". "), or null when there is none. */
    final String mainTitleKey;
    final int[] titleBigrams;
    final Set<String> titleNumbers;
    final String part;
    final PublicationKind kind;
    /** The title is a heading a journal repeats every issue ({@link RecurringItem}). */
    final boolean recurring;
    final String[] authorKeys;
    /** Per author (aligned with {@link #authorKeys}): the first given name's letters, lower case ("andrea", "a"), or "". */
    final String[] givenKeys;
    final Set<String> authorWords;
    final Integer year;
    final List<String> journalKeys;
    /** Published in a venue whose name is a conference's ({@link Venues}): "ICIS 2019 Proceedings". */
    final boolean conferenceVenue;
    final String volume;
    final String issue;
    final String firstPage;
    final String lastPage;
    final int[] abstractWords;
    final List<String> issns;

    private Fingerprint(int index, Record r, Map<String, List<String>> journalForms) {
        this.index = index;
        this.record = r;
        doi = Doi.normalise(r.doi());
        doiStem = stem(doi);
        Matcher cm = doi == null ? null : COCHRANE.matcher(doi);
        if (cm != null && cm.find()) {
            cochraneReview = cm.group(1);
            cochraneVersion = cm.group(2) == null ? 1 : Integer.parseInt(cm.group(2));
        } else {
            cochraneReview = null;
            cochraneVersion = 0;
        }
        pmid = r.pmid() == null ? null : emptyToNull(NON_DIGIT.matcher(r.pmid()).replaceAll("").replaceFirst("^0+", ""));
        String title = Titles.withoutNotes(r.title());
        titleKey = Titles.normalise(title);
        titleBigrams = Similarity.bigrams(titleKey);
        mainTitleKey = mainTitle(title);
        String[] titleWords = titleKey == null ? new String[0] : titleKey.split(" ");
        titleNumbers = numbers(titleWords);
        part = part(titleWords);
        kind = PublicationKind.of(r);
        recurring = RecurringItem.is(titleKey);
        List<String> keys = new ArrayList<>();
        List<String> givens = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (Author a : r.authors()) {
            if (keys.size() >= MAX_AUTHORS) {
                break;
            }
            String k = a.corporate() ? "" : AuthorNames.familyKey(a.family());
            if (k.isEmpty()) {
                continue;
            }
            keys.add(k);
            givens.add(givenKey(a.given()));
            addWords(words, a.family());
            if (!a.corporate()) {
                addWords(words, a.given());
            }
        }
        authorKeys = keys.toArray(String[]::new);
        givenKeys = givens.toArray(String[]::new);
        authorWords = words;
        year = r.year();
        List<String> jk = new ArrayList<>(journalKeys(r.journal(), journalForms));
        for (String k : journalKeys(r.journalAbbreviation(), journalForms)) {
            if (!jk.contains(k)) {
                jk.add(k);
            }
        }
        for (String k : Venues.keys(r.journal())) {
            if (!jk.contains(k)) {
                jk.add(k);
            }
        }
        journalKeys = jk;
        conferenceVenue = Venues.isConference(r.journal());
        volume = volumeKey(r.volume());
        issue = r.issue() == null ? null : emptyToNull(NON_ALNUM.matcher(r.issue().toLowerCase(Locale.ROOT)).replaceAll(""));
        Pages.PageRange pr = romanPages(r.pages());
        if (pr == null) {
            pr = Pages.parse(r.pages() != null ? r.pages() : r.articleNumber());
        }
        if (pr != null && !ROMAN_PAGE.matcher(pr.first()).matches()
                && (!PAGE.matcher(pr.first()).matches() || backwards(pr))) {
            pr = null; // "Suppl-29", "t-8", "2297-2108": a page field an export garbled; unknown, not different
        }
        firstPage = pr == null ? null : pageKey(pr.first());
        lastPage = pr == null || pr.last() == null ? firstPage : pageKey(pr.last());
        abstractWords = Similarity.wordCodes(r.abstractText() == null ? null : Titles.normalise(r.abstractText()));
        issns = r.issns().stream().map(s -> s.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT))
                .filter(s -> s.length() == 8).toList();
    }

    /** The fingerprint of the record at position {@code index} of the input. */
    public static Fingerprint of(int index, Record r) {
        return new Fingerprint(index, r, null);
    }

    /** As {@link #of(int, Record)}, sharing a cache of journal forms (journal names repeat) across records. */
    static Fingerprint of(int index, Record r, Map<String, List<String>> journalForms) {
        return new Fingerprint(index, r, journalForms);
    }

    private static List<String> journalKeys(String journal, Map<String, List<String>> cache) {
        if (journal == null || cache == null) {
            return Journals.keys(journal);
        }
        return cache.computeIfAbsent(journal, Journals::keys);
    }

    public int index() {
        return index;
    }

    public Record record() {
        return record;
    }

    public String titleKey() {
        return titleKey;
    }

    public PublicationKind kind() {
        return kind;
    }

    String firstAuthor() {
        return authorKeys.length == 0 ? null : authorKeys[0];
    }

    /** True when the first page is evidence of position: "1" starts half the online-only articles. */
    boolean hasTellingPage() {
        return firstPage != null && !firstPage.equals("1") && !firstPage.equals("I");
    }

    /**
     * How two records' pages compare: SAME first page; MISSING when either lacks a telling page,
     * when one is a print page and the other an electronic locator ("1014" vs "c1804"), or when the
     * ranges overlap ("488" within "487-488"); DIFFERENT otherwise, and always for a supplement
     * page against a regular one ("S33" vs "1262").
     */
    static FieldComparison.Agreement pages(Fingerprint a, Fingerprint b) {
        if (!a.hasTellingPage() || !b.hasTellingPage()) {
            return FieldComparison.Agreement.MISSING;
        }
        if (a.firstPage.equals(b.firstPage)) {
            return FieldComparison.Agreement.SAME;
        }
        if (a.firstPage.equals(b.issue) || b.firstPage.equals(a.issue)) {
            return FieldComparison.Agreement.MISSING; // a field shifted: the "page" is the other's issue
        }
        boolean la = Character.isLetter(a.firstPage.charAt(0));
        boolean lb = Character.isLetter(b.firstPage.charAt(0));
        if (la != lb && (a.firstPage.charAt(0) == 'S' || b.firstPage.charAt(0) == 'S')) {
            return FieldComparison.Agreement.DIFFERENT; // a supplement page is not the regular issue's page
        }
        if (la != lb || within(a.firstPage, b) || within(b.firstPage, a)) {
            return FieldComparison.Agreement.MISSING;
        }
        return FieldComparison.Agreement.DIFFERENT;
    }

    /** Roman page numbers ("iii-v"), upper-cased; null when the pages are not Roman. */
    private static Pages.PageRange romanPages(String pages) {
        if (pages == null) {
            return null;
        }
        Matcher m = ROMAN_RANGE.matcher(pages);
        if (!m.matches()) {
            return null;
        }
        String first = m.group(1).toUpperCase(Locale.ROOT);
        return new Pages.PageRange(first, m.group(2) == null ? null : m.group(2).toUpperCase(Locale.ROOT));
    }

    private static boolean backwards(Pages.PageRange pr) {
        if (pr.last() == null) {
            return false;
        }
        long first = number(pr.first());
        long last = number(pr.last());
        return first >= 0 && last >= 0 && last < first;
    }

    private static boolean within(String page, Fingerprint range) {
        long p = number(page);
        long lo = number(range.firstPage);
        long hi = number(range.lastPage);
        return p >= 0 && lo >= 0 && hi >= lo && p >= lo && p <= hi && hi - lo < 500;
    }

    private static long number(String page) {
        if (page == null) {
            return -1;
        }
        String d = NON_DIGIT.matcher(page).replaceAll("");
        return d.isEmpty() || d.length() > 9 ? -1 : Long.parseLong(d);
    }

    /**
     * The journal part of a DOI: registrant plus the suffix up to its first digit, when that names a
     * journal ("10.1016/j.lungcan", "10.1007/s", "10.1056/nejmoa"); null otherwise.
     */
    static String stem(String doi) {
        if (doi == null) {
            return null;
        }
        int slash = doi.indexOf('/');
        String suffix = doi.substring(slash + 1);
        int i = 0;
        while (i < suffix.length() && !Character.isDigit(suffix.charAt(i))) {
            i++;
        }
        String head = suffix.substring(0, i).replaceAll("[^a-z.]", "");
        return head.replace(".", "").length() >= 3 ? doi.substring(0, slash + 1) + head : null;
    }

    /** The numbers in a title key, Arabic or Roman from ii up ("phase ii", "2916 samples"). */
    private static Set<String> numbers(String[] words) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words) {
            if (!w.isEmpty() && (Character.isDigit(w.charAt(0)) && w.chars().allMatch(Character::isDigit) || ROMAN.contains(w))) {
                out.add(w);
            }
        }
        return out;
    }

    /** The part of a series a title names: "part 2", "phase iii", "study 1", "paper two". */
    private static String part(String[] words) {
        for (int i = 0; i + 1 < words.length; i++) {
            if (PART_WORDS.contains(words[i]) && PART_NUMBER.matcher(words[i + 1]).matches()) {
                return words[i + 1];
            }
        }
        return null;
    }

    private static final Pattern SUBTITLE = Pattern.compile("\\s*[:?.]\\s+|\\s+[-\u2013\u2014]{1,2}\\s+");

    private static String mainTitle(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = SUBTITLE.matcher(title);
        if (!m.find() || m.start() == 0 || m.end() >= title.length()) {
            return null;
        }
        return Titles.normalise(title.substring(0, m.start()));
    }

    private static String givenKey(String given) {
        if (given == null || given.isBlank()) {
            return "";
        }
        String g = AuthorNames.fold(given).toLowerCase(Locale.ROOT).strip();
        int end = 0;
        while (end < g.length() && Character.isLetter(g.charAt(end))) {
            end++;
        }
        return g.substring(0, end);
    }

    private static void addWords(Set<String> out, String text) {
        if (text == null) {
            return;
        }
        String t = AuthorNames.fold(text).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= t.length(); i++) {
            boolean letter = i < t.length() && Character.isLetter(t.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start >= 3) {
                    out.add(t.substring(start, i));
                }
                start = -1;
            }
        }
    }

    /** Volume as a number where it has one ("30a" and "30" are volume 30), else its letters and digits. */
    static String volumeKey(String volume) {
        if (volume == null) {
            return null;
        }
        String v = NON_ALNUM.matcher(volume.toLowerCase(Locale.ROOT)).replaceAll("");
        Matcher m = DIGITS.matcher(v);
        // "Ph.D.", "(Jul)": no volume number, so nothing to compare
        return m.find() ? m.group().replaceFirst("^0+(?=\\d)", "") : null;
    }

    /** Page as compared: upper case, and an electronic "e1234" equal to article number "1234". */
    static String pageKey(String page) {
        String p = page.toUpperCase(Locale.ROOT).replace(" ", "");
        if (p.length() > 1 && p.charAt(0) == 'E' && p.chars().skip(1).allMatch(Character::isDigit)) {
            p = p.substring(1);
        }
        return emptyToNull(p);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
