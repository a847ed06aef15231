package dev.winnow.ingest.medline;

/** One MEDLINE field: its tag (PMID, TI, FAU, …) and its value with continuation lines joined. */
final class MedlineField {
    final String tag;
    String value;

    MedlineField(String tag, String value) {
        this.tag = tag;
        this.value = value;
    }

    void continueWith(String text) {
        if (!text.isEmpty()) {
            value = value.isEmpty() ? text : value + " " + text;
        }
    }

    /** The tag before the hyphen at {@code dash}, without its padding. */
    static String tag(String line, int dash) {
        int end = dash;
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
