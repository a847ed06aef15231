package dev.winnow.dedup;

import java.util.regex.Pattern;

/**
 * Items a journal prints again and again under one heading: the editorial, "Editor's comments",
 * "Remarks from the editor", letters, correspondence, book reviews, "Issue information", errata,
 * news, front matter, the table of contents. One editor writes the editorial of every issue, so two
 * such records with the same title and authors are still different publications unless they sit in
 * the same issue, on the same pages, in the same year, or share a DOI or PMID
 * ({@link MatchRules#conflict}). Recognised on the title key ({@link dev.winnow.record.Titles#normalise}):
 * the whole title is such a heading, optionally followed by numbers (a volume, an issue, a year), or
 * the introduction of a conference (mini)track, which its chairs write again every year.
 */
final class RecurringItem {
    private static final Pattern HEADING = Pattern.compile(
            "(?:the )?(?:guest |invited )?(?:editorial|editorials|editor s (?:comments?|note|notes|introduction|corner|letter|"
                    + "page|remarks)|editors (?:comments?|note|notes|introduction|corner|letter|page|remarks)|"
                    + "(?:remarks?|comments?|notes?|letter|message|a word|words) from the (?:editors?|editor in chief|"
                    + "chief editor|president|chair)|from the (?:editors?|editor in chief|editor s desk|president|chair)|"
                    + "president s (?:message|column|letter)|letters?|letters? to the editors?|correspondence|"
                    + "book reviews?|reviews? of books|books? received|issue information|issue info|information for "
                    + "(?:authors|readers|contributors)|instructions (?:to|for) authors|errat(?:um|a)|corrigend(?:um|a)|"
                    + "corrections?|news|news in brief|news and (?:notes|views|events)|announcements?|calendar|"
                    + "front matter|back matter|frontmatter|table of contents|contents|masthead|editorial board|"
                    + "in this issue|this issue|preface|foreword|introduction|acknowledg(?:e)?ments?|reviewers|"
                    + "thanks to (?:our )?reviewers|list of reviewers|reviewer acknowledg(?:e)?ments?|index|author index|"
                    + "subject index|cover|cover image|call for papers|obituary|in memoriam|erratum notice|"
                    + "conference (?:program|programme|committee|organi[sz]ation)|program committee|committees?|"
                    + "title page|copyright page|keynote|keynote (?:address|speech|lecture)|welcome message)"
                    + "(?: (?:\\d+|vol|volume|issue|no|number|part))*");

    private RecurringItem() {
    }

    /** A conference track's yearly introduction: "Introduction to the Minitrack on Crowdsourcing …". */
    private static final Pattern TRACK_INTRODUCTION = Pattern.compile(
            "^(?:introduction to (?:the )?(?:mini ?track|track|minitrack)|(?:mini ?track|track) introduction)\\b.*");

    /** True when a title key is nothing but a recurring heading (with numbers at most), or a track's introduction. */
    static boolean is(String titleKey) {
        return titleKey != null && (titleKey.length() <= 60 && HEADING.matcher(titleKey).matches()
                || TRACK_INTRODUCTION.matcher(titleKey).matches());
    }
}
