package dev.winnow.ingest.medline;

import dev.winnow.ingest.tagged.FieldValues;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MEDLINE fields → {@link Record} (table in docs/ingest.md). Authors: each {@code FAU} (full name)
 * is paired with the {@code AU} that follows it and the full name wins; an {@code AU} without a
 * {@code FAU} stands alone; {@code CN} is a group author. The DOI comes from {@code AID ... [doi]},
 * else {@code LID ... [doi]}. {@code JT} is the journal and {@code TA} its abbreviation; for books
 * {@code BTI} is the book's title. Tags with no slot go to {@link Record#extra()}.
 */
final class MedlineMapping {
    private MedlineMapping() {
    }

    static Record toRecord(List<MedlineField> fields) {
        Record.Builder b = Record.builder();
        List<String[]> authors = new ArrayList<>();
        List<String[]> editors = new ArrayList<>();
        String title = null;
        String bookTitle = null;
        String abstractText = null;
        String jt = null;
        String ta = null;
        String dp = null;
        String lidDoi = null;
        String aidDoi = null;
        RecordType type = null;
        for (MedlineField f : fields) {
            String v = f.value;
            if (v.isEmpty()) {
                continue;
            }
            switch (f.tag) {
                case "PMID" -> {
                    b.pmid(v);
                    b.accessionNumber("PubMed", v);
                }
                case "TI" -> title = title == null ? v : title + " " + v;
                case "BTI" -> bookTitle = v;
                case "TT" -> b.originalTitle(v);
                case "AB" -> abstractText = abstractText == null ? v : abstractText + " " + v;
                case "FAU" -> authors.add(new String[] {v, null});
                case "AU" -> pair(authors, v);
                case "CN" -> authors.add(new String[] {null, null, v});
                case "FED" -> editors.add(new String[] {v, null});
                case "ED" -> pair(editors, v);
                case "AID" -> {
                    if (v.endsWith("[doi]") && aidDoi == null) {
                        aidDoi = FieldValues.doi(v);
                    } else if (v.regionMatches(true, 0, "doi:", 0, 4) && aidDoi == null) {
                        aidDoi = FieldValues.doi(v);
                    } else {
                        b.extra("AID", v);
                    }
                }
                case "LID" -> {
                    if (v.endsWith("[doi]") && lidDoi == null) {
                        lidDoi = FieldValues.doi(v);
                    } else {
                        b.extra("LID", v);
                    }
                }
                case "JT" -> jt = v;
                case "TA" -> ta = v;
                case "VI" -> b.volume(v);
                case "IP" -> b.issue(v);
                case "PG" -> b.pages(v);
                case "DP" -> dp = v;
                case "MH", "OT" -> b.keyword(v);
                case "LA" -> b.language(v);
                case "PT" -> {
                    RecordType t = publicationType(v);
                    if (t != null && (type == null || type == RecordType.JOURNAL_ARTICLE)) {
                        type = t;
                    }
                    b.extra("PT", v);
                }
                case "IS", "ISBN" -> FieldValues.standardNumbers(v, b);
                case "PMC" -> b.pmcid(v);
                case "PL" -> b.place(v);
                case "PB" -> b.publisher(v);
                default -> b.extra(f.tag, v);
            }
        }
        for (String[] a : authors) {
            b.author(a.length == 3 ? Author.organisation(a[2]) : Author.parse(a[0] != null ? a[0] : a[1]));
        }
        for (String[] e : editors) {
            b.editor(Author.parse(e[0] != null ? e[0] : e[1]));
        }
        if (bookTitle != null) {
            if (title == null) {
                title = bookTitle;
                if (type == null) {
                    type = RecordType.BOOK;
                }
            } else {
                b.journal(bookTitle);
                if (type == null) {
                    type = RecordType.BOOK_SECTION;
                }
            }
        }
        b.title(title);
        b.abstractText(withoutCopyright(abstractText, b));
        if (jt != null || ta != null) {
            b.journal(jt != null ? jt : ta);
            b.journalAbbreviation(ta);
        }
        b.date(dp);
        b.year(FieldValues.year(dp));
        b.doi(aidDoi != null ? aidDoi : lidDoi);
        if (type == null) {
            type = jt != null || ta != null ? RecordType.JOURNAL_ARTICLE : RecordType.GENERIC;
        }
        b.type(type);
        b.database("PubMed");
        return b.build();
    }

    /**
     * PubMed appends the publisher's copyright notice to the abstract ("… were found. Copyright ©
     * 2020 Elsevier Ltd. All rights reserved."); it is no part of what a reviewer screens, so it is
     * moved to extra under "copyright". Only a notice in the last 200 characters counts, and only one
     * that starts a sentence or is dated ("Copyright 2015 …", "Copyright © …").
     */
    static String withoutCopyright(String abstractText, Record.Builder b) {
        if (abstractText == null) {
            return null;
        }
        int from = Math.max(0, abstractText.length() - 200);
        int at = -1;
        for (String mark : new String[] {" Copyright ", " Copyright©", " ©", " (c) ", " (C) "}) {
            int i = abstractText.indexOf(mark, from);
            if (i > 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        if (at <= 0) {
            return abstractText;
        }
        char before = abstractText.charAt(at - 1);
        boolean sentence = before == '.' || before == '?' || before == '!' || before == ')';
        String notice = abstractText.substring(at + 1);
        boolean dated = notice.length() > 10 && notice.startsWith("Copyright ")
                && (Character.isDigit(notice.charAt(10)) || notice.charAt(10) == '©' || notice.charAt(10) == '(');
        if (!sentence && !dated) {
            return abstractText; // "copyright" inside a sentence, not a notice
        }
        b.extra("copyright", notice);
        return abstractText.substring(0, at);
    }

    /** An AU completes the FAU just before it; otherwise it is an author of its own. */
    private static void pair(List<String[]> names, String au) {
        if (!names.isEmpty()) {
            String[] last = names.getLast();
            if (last.length == 2 && last[0] != null && last[1] == null) {
                last[1] = au;
                return;
            }
        }
        names.add(new String[] {null, au});
    }

    /** MEDLINE publication types that say what the record is; others (Review, RCT, …) say nothing. */
    private static RecordType publicationType(String pt) {
        String p = pt.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "journal article", "review", "systematic review", "meta-analysis", "letter", "editorial",
                    "comment", "randomized controlled trial", "clinical trial", "case reports", "news" ->
                    RecordType.JOURNAL_ARTICLE;
            case "preprint" -> RecordType.PREPRINT;
            case "congress", "clinical conference", "consensus development conference" -> RecordType.CONFERENCE_PAPER;
            case "book" -> RecordType.BOOK;
            case "book chapter" -> RecordType.BOOK_SECTION;
            case "technical report" -> RecordType.REPORT;
            case "dataset" -> RecordType.DATASET;
            default -> null;
        };
    }
}
