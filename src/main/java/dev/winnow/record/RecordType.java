package dev.winnow.record;

import java.util.Locale;

/** What kind of publication a record describes, in the words reviewers and PRISMA use. */
public enum RecordType {
    JOURNAL_ARTICLE("journal article"),
    CONFERENCE_PAPER("conference paper"),
    CONFERENCE_ABSTRACT("conference abstract"),
    BOOK("book"),
    BOOK_SECTION("book section"),
    THESIS("thesis"),
    REPORT("report"),
    PREPRINT("preprint"),
    DATASET("dataset"),
    WEB_PAGE("web page"),
    PATENT("patent"),
    GENERIC("generic");

    private final String label;

    RecordType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a label or constant name ("journal article", "JOURNAL_ARTICLE", "journal-article"). */
    public static RecordType fromLabel(String text) {
        if (text == null || text.isBlank()) {
            return GENERIC;
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        for (RecordType t : values()) {
            if (t.label.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown record type '" + text + "'");
    }
}
