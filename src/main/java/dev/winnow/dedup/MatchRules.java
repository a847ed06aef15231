package dev.winnow.dedup;

import dev.winnow.dedup.FieldComparison.Agreement;
import dev.winnow.dedup.Judgement.Verdict;
import dev.winnow.record.Journals;

/**
 * The explicit rules that decide whether two records are one publication. First the field
 * comparison; then the guards ({@link #conflict}): any of them stops a merge, whatever the other
 * fields say; then the duplicate rules, in order, each with a name that goes into the link's
 * evidence; then the "maybe" rules, whose pairs a person decides. Every threshold is here.
 */
public final class MatchRules {
    private final JournalEquivalence journals;
    private final Tuning tuning;
    private final java.util.Map<String, Boolean> journalPairs = new java.util.concurrent.ConcurrentHashMap<>();

    MatchRules(JournalEquivalence journals, Tuning tuning) {
        this.journals = journals;
        this.tuning = tuning;
    }

    /** Compares two records field by field. */
    FieldComparison compare(Fingerprint a, Fingerprint b) {
        double title = Similarity.dice(a.titleBigrams, b.titleBigrams);
        double containment = Similarity.containment(a.titleBigrams, b.titleBigrams);
        Double authors = null;
        Agreement first = Agreement.MISSING;
        if (a.authorKeys.length > 0 && b.authorKeys.length > 0) {
            authors = authorOverlap(a, b);
            first = Agreement.of(true, firstAuthorMatches(a, b) || firstAuthorMatches(b, a));
        }
        Integer gap = a.year == null || b.year == null ? null : Math.abs(a.year - b.year);
        Agreement page = Fingerprint.pages(a, b);
        Double abs = a.abstractWords.length >= 20 && b.abstractWords.length >= 20
                ? (double) Similarity.common(a.abstractWords, b.abstractWords)
                        / Math.min(a.abstractWords.length, b.abstractWords.length) : null;
        return new FieldComparison(
                agreement(a.doi, b.doi), agreement(a.pmid, b.pmid), title, containment, authors, first, gap,
                agreement(a.volume, b.volume), page, journal(a, b), abs);
    }

    /**
     * The first guard two records trip, or null. Guards name things that make two records
     * different publications even when their titles agree: different DOIs or PMIDs, a different
     * kind (erratum, reply, comment, protocol, conference abstract vs article) unless both sit at
     * the same volume and page, a different part of a series, different numbers in the title, a
     * different Cochrane review version, years more than one apart, different first pages or
     * volumes. A shared DOI or PMID overrides the year, page and volume guards (those differ
     * between exports of one article more often than identifiers do).
     */
    String conflict(Fingerprint a, Fingerprint b) {
        if (a.doi != null && b.doi != null && !a.doi.equals(b.doi)) {
            return a.cochraneReview != null && a.cochraneReview.equals(b.cochraneReview)
                    ? "guard:review-update" : "guard:different-doi";
        }
        if (a.pmid != null && b.pmid != null && !a.pmid.equals(b.pmid)) {
            return "guard:different-pmid";
        }
        Agreement pages = Fingerprint.pages(a, b);
        boolean samePosition = a.volume != null && a.volume.equals(b.volume) && pages == Agreement.SAME;
        // one database may label an erratum, a letter or an abstract that another leaves unlabelled: at the same
        // volume and page they are one item. A protocol never shares a page with its results.
        boolean protocol = a.kind == PublicationKind.PROTOCOL || b.kind == PublicationKind.PROTOCOL;
        if (a.kind != b.kind && (!samePosition || protocol) && !sameConferencePaper(a, b)) {
            return "guard:different-kind";
        }
        if (a.part != null && b.part != null && !a.part.equals(b.part)) {
            return "guard:different-part";
        }
        if (!a.titleNumbers.isEmpty() && !b.titleNumbers.isEmpty() && !a.titleNumbers.equals(b.titleNumbers)
                && !samePosition) {
            return "guard:different-title-numbers";
        }
        boolean sameId = a.doi != null && a.doi.equals(b.doi) || a.pmid != null && a.pmid.equals(b.pmid);
        if (sameId) {
            return null;
        }
        if (a.recurring || b.recurring) {
            String r = recurringConflict(a, b, pages);
            if (r != null) {
                return r;
            }
        }
        if (a.year != null && b.year != null && Math.abs(a.year - b.year) > 1) {
            return "guard:year-gap";
        }
        if (pages == Agreement.DIFFERENT && !sameIssueSameTeam(a, b)) {
            return "guard:different-page";
        }
        if (a.volume != null && b.volume != null && !a.volume.equals(b.volume)) {
            return "guard:different-volume";
        }
        return null;
    }

    /**
     * A conference paper that one export types as a journal article: both records' venues name the
     * same conference ("AMCIS 2019 Proceedings" and "25TH AMERICAS CONFERENCE ON INFORMATION SYSTEMS
     * (AMCIS 2019)"), so the kinds differ only in the export's type field.
     */
    private boolean sameConferencePaper(Fingerprint a, Fingerprint b) {
        boolean paperAndArticle = a.kind == PublicationKind.CONFERENCE_ABSTRACT && b.kind == PublicationKind.ARTICLE
                || b.kind == PublicationKind.CONFERENCE_ABSTRACT && a.kind == PublicationKind.ARTICLE;
        return paperAndArticle && a.conferenceVenue && b.conferenceVenue && journal(a, b) == Agreement.SAME;
    }

    /**
     * A recurring item ({@link RecurringItem}: "Editor's comments", "Issue information", "Book
     * reviews") is one publication with another record only when both sit in one place: the same
     * year, volume and issue or first page, nothing of it different. Title and authors say nothing:
     * the same editor signs every issue's comments.
     */
    private static String recurringConflict(Fingerprint a, Fingerprint b, Agreement pages) {
        if (a.year != null && b.year != null && !a.year.equals(b.year)) {
            return "guard:recurring-item-other-year";
        }
        if (a.volume != null && b.volume != null && !a.volume.equals(b.volume)) {
            return "guard:recurring-item-other-volume";
        }
        if (a.issue != null && b.issue != null && !a.issue.equals(b.issue)) {
            return "guard:recurring-item-other-issue";
        }
        if (pages == Agreement.DIFFERENT) {
            return "guard:recurring-item-other-pages";
        }
        boolean placed = a.issue != null && a.issue.equals(b.issue) || pages == Agreement.SAME;
        return placed ? null : "guard:recurring-item-unplaced";
    }

    /** Applies the guards and rules to a pair. */
    public Judgement judge(Fingerprint a, Fingerprint b) {
        String guard = conflict(a, b);
        FieldComparison f = compare(a, b);
        double t = Math.max(f.title(), 0);
        boolean authorsAgree = f.authors() != null
                && (f.authors() >= 0.5 && f.firstAuthor() == Agreement.SAME || f.authors() >= 0.67);
        boolean authorsNotAgainst = f.authors() == null || f.authors() >= 0.34;
        boolean yearClose = f.yearGap() == null || f.yearGap() <= 1;
        boolean samePlace = f.volume() == Agreement.SAME && f.page() == Agreement.SAME;
        if (guard != null) {
            boolean sameWork = (t >= 0.8 || f.titleContainment() >= 0.9) && authorsNotAgainst;
            if (sameWork && (guard.equals("guard:different-kind") || guard.equals("guard:review-update"))) {
                return new Judgement(Verdict.RELATED, related(a, b, guard), f);
            }
            // a recurring item kept apart by anything at all is not worth a person's look: its title says nothing
            if (guard.equals("guard:different-part") || guard.equals("guard:different-title-numbers")
                    || guard.startsWith("guard:recurring-item-other")
                    || (a.recurring || b.recurring) && !guard.equals("guard:recurring-item-unplaced")) {
                return new Judgement(Verdict.DISTINCT, guard, f);
            }
            if ((guard.equals("guard:different-doi") || guard.equals("guard:different-pmid"))
                    && f.yearGap() != null && f.yearGap() > 1) {
                return new Judgement(Verdict.DISTINCT, guard, f); // identifiers and years both say two items
            }
            if (guard.equals("guard:recurring-item-unplaced")) {
                // nothing places them apart, nothing together: a person decides when the same people signed both
                return new Judgement(t >= 0.9 && authorsAgree && f.journal() != Agreement.DIFFERENT
                        ? Verdict.MAYBE : Verdict.DISTINCT, guard, f);
            }
            if (t >= 0.9 && (authorsAgree || f.authors() == null)) {
                return new Judgement(Verdict.MAYBE, guard, f);
            }
            return new Judgement(Verdict.DISTINCT, guard, f);
        }
        if ((f.doi() == Agreement.SAME || f.pmid() == Agreement.SAME) && (t >= 0.7 || f.titleContainment() >= 0.9)) {
            return new Judgement(Verdict.DUPLICATE, f.doi() == Agreement.SAME ? "same-doi" : "same-pmid", f);
        }
        if (t >= tuning.title(-0.03) && yearClose && samePlace && (authorsAgree || f.authors() == null && f.journal() == Agreement.SAME)) {
            return new Judgement(Verdict.DUPLICATE, "title+authors+volume+page", f);
        }
        if (t >= tuning.title(0.02) && yearClose && samePlace && authorsNotAgainst) {
            return new Judgement(Verdict.DUPLICATE, "title+volume+page", f);
        }
        // a title with a subtitle or note added ("…: brief communication") agrees; a column's dated issue ("…: April 2004") does not
        boolean titleAgrees = t >= tuning.titleAgrees() || f.titleContainment() >= 0.97 && t >= Math.min(0.9, tuning.titleAgrees());
        if (titleAgrees && yearClose && authorsAgree && f.journal() != Agreement.DIFFERENT
                && (f.volume() == Agreement.SAME || f.page() == Agreement.SAME)) {
            return new Judgement(Verdict.DUPLICATE, "title+authors+journal+volume-or-page", f);
        }
        if (t >= tuning.title(0.03) && f.yearGap() != null && f.yearGap() == 0 && authorsAgree && f.journal() == Agreement.SAME) {
            return new Judgement(Verdict.DUPLICATE, "title+authors+journal+year", f);
        }
        if (t >= tuning.title(0.04) && f.yearGap() != null && f.yearGap() == 0 && f.volume() == Agreement.SAME && manyAuthorsAgree(a, b, f)) {
            return new Judgement(Verdict.DUPLICATE, "title+all-authors+volume+year", f);
        }
        if (t >= tuning.title(0.02) && yearClose && authorsAgree && f.abstractOverlap() != null && f.abstractOverlap() >= 0.8) {
            return new Judgement(Verdict.DUPLICATE, "title+authors+abstract", f);
        }
        if (samePlace && yearClose && f.firstAuthor() == Agreement.SAME && f.journal() != Agreement.DIFFERENT
                && (t >= 0.8 || f.titleContainment() >= 0.92 || (t >= 0.6 || f.titleContainment() >= 0.85)
                        && f.authors() >= 0.6)) {
            return new Judgement(Verdict.DUPLICATE, "volume+page+first-author+title", f);
        }
        if (titleAgrees && authorsAgree && f.journal() == Agreement.SAME && conferencePaper(a, b, f)) {
            return new Judgement(Verdict.DUPLICATE, "conference-paper:title+authors+venue", f);
        }
        if (titleCut(a, b) && authorsAgree && f.firstAuthor() == Agreement.SAME && yearClose
                && f.journal() == Agreement.SAME) {
            return new Judgement(Verdict.DUPLICATE, "title-cut+authors+venue", f);
        }
        if (sameLocator(a, b) && authorsAgree && f.firstAuthor() == Agreement.SAME && f.journal() == Agreement.SAME
                && f.yearGap() != null && f.yearGap() <= 1) {
            return new Judgement(Verdict.DUPLICATE, "translated-title:journal+volume+issue+pages+authors", f);
        }
        if (t >= 0.85 && yearClose && (authorsAgree || f.authors() == null)) {
            return new Judgement(Verdict.MAYBE, "maybe:similar-title+authors", f);
        }
        if (samePlace && yearClose && f.journal() != Agreement.DIFFERENT && t >= 0.5) {
            return new Judgement(Verdict.MAYBE, "maybe:same-volume+page", f);
        }
        return new Judgement(Verdict.DISTINCT, "no-rule", f);
    }

    /**
     * Two records in the same volume and issue of the same year, with one title and the same four or
     * more authors, are one item even when their first pages disagree (a database's page error;
     * errata, replies and series parts are told apart by the kind and part guards first).
     */
    private static boolean sameIssueSameTeam(Fingerprint a, Fingerprint b) {
        return a.titleKey != null && b.titleKey != null
                && a.volume != null && a.volume.equals(b.volume) && a.issue != null && a.issue.equals(b.issue)
                && a.year != null && a.year.equals(b.year) && Math.min(a.authorKeys.length, b.authorKeys.length) >= 4
                && Similarity.dice(a.titleBigrams, b.titleBigrams) >= 0.97 && authorOverlap(a, b) >= 0.9;
    }

    /**
     * Two records of one conference paper: both venues are named as conferences ("ICIS 2019
     * Proceedings", "Proceedings of the 40th International Conference on Information Systems"), in the
     * same year or a year apart (a conference held in December, its proceedings dated January). A
     * meeting abstract in a journal supplement ("Blood") does not qualify: a society meets every year
     * and its abstracts repeat their titles; the journal rules judge those.
     */
    private static boolean conferencePaper(Fingerprint a, Fingerprint b, FieldComparison f) {
        return a.conferenceVenue && b.conferenceVenue && f.yearGap() != null && f.yearGap() <= 1;
    }

    /**
     * One title is the other with its subtitle dropped or cut short: the longer has a subtitle
     * separator (": ", " - ", "? "), and the shorter is its main title, alone or followed by the start
     * of the subtitle ("Trust in advisors - a field experiment" and "Trust in advisors"). A title that
     * merely goes on ("… preeclampsia" and "… preeclampsia in patients with lupus") is another study.
     * The shorter keeps at least five words, so a generic short title does not qualify.
     */
    static boolean titleCut(Fingerprint a, Fingerprint b) {
        if (a.titleKey == null || b.titleKey == null || a.titleKey.length() == b.titleKey.length()) {
            return false;
        }
        Fingerprint shorter = a.titleKey.length() < b.titleKey.length() ? a : b;
        Fingerprint longer = shorter == a ? b : a;
        String main = longer.mainTitleKey;
        String s = shorter.titleKey;
        return main != null && s.length() >= 30 && s.split(" ").length >= 5 && longer.titleKey.startsWith(s)
                && longer.titleKey.charAt(s.length()) == ' '
                && (s.equals(main) || s.startsWith(main + " ") && !hasNote(longer));
    }

    /** A title carrying a bracketed note, perhaps cut off ("….[Erratum appears in J Pediatr Surg"): its end is not a subtitle. */
    private static boolean hasNote(Fingerprint f) {
        String t = f.record.title();
        return t != null && (t.indexOf('[') >= 0 || t.indexOf('(') >= 0);
    }

    /**
     * The same journal's same volume, issue and page range, both ranges given in full: one article,
     * whatever language its title was exported in (a German title in one database, the English one
     * in another). Both records need a title (a record without one may be anything printed there);
     * supplement pages (meeting abstracts share them) and recurring items do not count.
     */
    static boolean sameLocator(Fingerprint a, Fingerprint b) {
        return a.titleKey != null && b.titleKey != null
                && a.volume != null && a.volume.equals(b.volume) && a.issue != null && a.issue.equals(b.issue)
                && a.hasTellingPage() && a.firstPage.equals(b.firstPage) && a.firstPage.charAt(0) != 'S'
                && !a.lastPage.equals(a.firstPage) && a.lastPage.equals(b.lastPage)
                && !a.recurring && !b.recurring && a.kind == b.kind;
    }

    /** At least four authors on each side and nine in ten of them shared. */
    private static boolean manyAuthorsAgree(Fingerprint a, Fingerprint b, FieldComparison f) {
        return f.authors() != null && f.authors() >= 0.9 && f.firstAuthor() == Agreement.SAME
                && Math.min(a.authorKeys.length, b.authorKeys.length) >= 4;
    }

    private static String related(Fingerprint a, Fingerprint b, String guard) {
        if (guard.equals("guard:review-update")) {
            return "related:review-update";
        }
        PublicationKind other = a.kind == PublicationKind.ARTICLE ? b.kind : a.kind;
        return "related:" + other.name().toLowerCase().replace('_', '-');
    }

    private Agreement journal(Fingerprint a, Fingerprint b) {
        if (a.journalKeys.isEmpty() || b.journalKeys.isEmpty()) {
            return Agreement.MISSING;
        }
        for (String x : a.journalKeys) {
            for (String y : b.journalKeys) {
                if (journals.same(x, y) || compatibleJournals(x, y)) {
                    return Agreement.SAME;
                }
            }
        }
        return Agreement.DIFFERENT;
    }

    private boolean compatibleJournals(String x, String y) {
        String key = x.compareTo(y) <= 0 ? x + '\u0000' + y : y + '\u0000' + x;
        return journalPairs.computeIfAbsent(key, k -> Journals.compatibleKeys(x, y));
    }

    private static Agreement agreement(String x, String y) {
        return Agreement.of(x != null && y != null, x != null && x.equals(y));
    }

    /** Share of the shorter author list (first 12) found in the other, by family name or any name word. */
    static double authorOverlap(Fingerprint a, Fingerprint b) {
        Fingerprint shorter = a.authorKeys.length <= b.authorKeys.length ? a : b;
        Fingerprint longer = shorter == a ? b : a;
        int found = 0;
        for (int i = 0; i < shorter.authorKeys.length; i++) {
            if (authorIn(shorter.authorKeys[i], longer) || swappedIn(shorter, i, longer)) {
                found++;
            }
        }
        return (double) found / shorter.authorKeys.length;
    }

    /** Author i of {@code a} appears in {@code b} with given and family name swapped ({@link #swapped}). */
    private static boolean swappedIn(Fingerprint a, int i, Fingerprint b) {
        for (int j = 0; j < b.authorKeys.length; j++) {
            if (swapped(a.authorKeys[i], a.givenKeys[i], b.authorKeys[j], b.givenKeys[j])
                    || swapped(b.authorKeys[j], b.givenKeys[j], a.authorKeys[i], a.givenKeys[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Carignani, Andrea" exported as "Andrea, C.": the given name of one is the family name of the
     * other, and the other's initial is the first letter of the one's family name.
     */
    static boolean swapped(String family, String given, String otherFamily, String otherGiven) {
        return given.length() >= 3 && sameName(given, otherFamily) && !otherGiven.isEmpty()
                && otherGiven.charAt(0) == family.charAt(0);
    }

    private static boolean firstAuthorMatches(Fingerprint a, Fingerprint b) {
        String k = a.authorKeys[0];
        for (int i = 0; i < Math.min(2, b.authorKeys.length); i++) {
            if (sameName(k, b.authorKeys[i])) {
                return true;
            }
        }
        return k.length() >= 3 && b.authorWords.contains(k) && b.authorKeys.length > 0
                && (b.authorKeys[0].contains(k) || wordOfFirstAuthor(b, k));
    }

    private static boolean wordOfFirstAuthor(Fingerprint b, String k) {
        var first = b.record.authors().isEmpty() ? null : b.record.authors().get(0);
        if (first == null) {
            return false;
        }
        String all = dev.winnow.record.AuthorNames.fold((first.family() + " " + (first.given() == null ? "" : first.given())))
                .toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.asList(all.split("[^\\p{L}]+")).contains(k);
    }

    private static boolean authorIn(String k, Fingerprint other) {
        for (String o : other.authorKeys) {
            if (sameName(k, o)) {
                return true;
            }
        }
        return k.length() >= 3 && other.authorWords.contains(k);
    }

    /** Family-name keys that name one person: equal, one edit apart, or one ending the other ("vonpawel"/"pawel"). */
    static boolean sameName(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        if (x.length() >= 4 && y.length() >= 4 && (x.endsWith(y) || y.endsWith(x) || x.startsWith(y) || y.startsWith(x))) {
            return true;
        }
        return x.length() >= 5 && y.length() >= 5 && Similarity.withinOneEdit(x, y);
    }
}
