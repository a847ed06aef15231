package dev.winnow.project;

import java.text.Normalizer;
import java.util.Locale;

/** Project keys: a lower-case slug of the title, short enough to type. */
public final class Slugs {
    static final int MAX_LENGTH = 48;

    private Slugs() {
    }

    /** "Early palliative care integration" → "early-palliative-care-integration". */
    public static String of(String title) {
        String s = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
            int cut = s.lastIndexOf('-');
            if (cut > MAX_LENGTH / 2) {
                s = s.substring(0, cut);
            }
        }
        return s.isEmpty() ? "project" : s;
    }

    /** True for a string that can be a key: lower-case letters, digits and inner hyphens. */
    public static boolean isKey(String s) {
        return s != null && s.matches("[a-z0-9]+(?:-[a-z0-9]+)*") && s.length() <= MAX_LENGTH + 4;
    }
}
