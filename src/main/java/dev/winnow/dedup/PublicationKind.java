package dev.winnow.dedup;

import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.regex.Pattern;

/**
 * What a record is, as far as deduplication cares: an erratum is never the article it corrects,
 * a reply never the letter it answers, a protocol never its results, a conference abstract never
 * the full article (they are linked as related instead). Read from the record type and from the
 * title's own words; a title that only carries a note such as "[Erratum appears in …]" is the
 * article, not the erratum.
 */
public enum PublicationKind {
    ARTICLE, ERRATUM, RETRACTION, COMMENT, REPLY, PROTOCOL, CONFERENCE_ABSTRACT;

    private static final Pattern ERRATUM_WORDS = Pattern.compile(
            "^(?:erratum|errata|corrigendum|corrigenda|correction|corrections|publisher'?s? (?:note|correction)|"
                    + "author (?:correction)|notice of (?:correction|duplicate publication))\\b"
                    + "|\\b(?:erratum|corrigendum) (?:to|for|in|regarding)\\b"
                    // Web of Science's correction notices end "(vol 85, pg 553, 2010)"
                    + "|\\(vol \\d+, pg [\\w-]+, \\d{4}\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RETRACTION_WORDS = Pattern.compile(
            "^(?:retraction|retracted|notice of retraction|expression of concern)\\b|\\bretraction (?:of|note|notice)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_WORDS = Pattern.compile(
            "\\breply\\b|\\bresponse to (?:the )?(?:letter|comment|commentary|correspondence|critique)\\b|"
                    + "\\bauthors?'? response\\b|\\bin response\\b|\\brejoinder\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT_WORDS = Pattern.compile(
            "^(?:comment(?:s|ary)? (?:on|to)\\b|re:|letter:|letter to the editor|correspondence\\b|"
                    + "more on\\b|concerns? (?:about|regarding)\\b)|\\bcomment(?:s|ary)? on\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROTOCOL_WORDS = Pattern.compile(
            "\\b(?:study|trial|review|research|evaluation|a|an|the) protocol\\b|\\bprotocol (?:for|of) (?:a|an|the)\\b|"
                    + "\\(protocol\\)|: protocol\\b|\\bprotocol paper\\b",
            Pattern.CASE_INSENSITIVE);
    /** Notes that mean "this article has an erratum / a comment", not "this is one". */
    private static final Pattern NOTE = Pattern.compile(
            "\\[(?:erratum|comment|retraction|corrected|update)[^\\]]*\\]|\\((?:erratum|comment)[^)]*\\)",
            Pattern.CASE_INSENSITIVE);

    /** The kind of a record, from its type and title. */
    public static PublicationKind of(Record r) {
        if (r.type() == RecordType.CONFERENCE_ABSTRACT || r.type() == RecordType.CONFERENCE_PAPER) {
            return CONFERENCE_ABSTRACT;
        }
        String t = r.title() == null ? "" : r.title();
        if (!mayNameAKind(t)) {
            return ARTICLE;
        }
        t = NOTE.matcher(t).replaceAll(" ").strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (ERRATUM_WORDS.matcher(t).find()) {
            return ERRATUM;
        }
        if (RETRACTION_WORDS.matcher(t).find()) {
            return RETRACTION;
        }
        if (REPLY_WORDS.matcher(t).find()) {
            return REPLY;
        }
        if (COMMENT_WORDS.matcher(t).find()) {
            return COMMENT;
        }
        if (PROTOCOL_WORDS.matcher(t).find()) {
            return PROTOCOL;
        }
        return ARTICLE;
    }

    private static final String[] CUES = {"errat", "corrig", "correct", "retract", "concern", "repl", "respon",
        "rejoinder", "comment", "letter", "correspondence", "protocol", "re:", "more on", "(vol ", "publisher", "notice"};

    /** A cheap first look: the patterns are tried only on titles that contain one of their cue words. */
    private static boolean mayNameAKind(String title) {
        String t = title.toLowerCase(java.util.Locale.ROOT);
        for (String cue : CUES) {
            if (t.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** Kinds that are linked as related when they meet their article, rather than left apart. */
    public boolean relatesToArticle() {
        return this != ARTICLE;
    }
}
