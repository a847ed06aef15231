package dev.winnow.importing;

import dev.winnow.UserError;
import java.util.Locale;

/** How an "other methods" source found its records (PRISMA 2020's right-hand column). */
public enum OtherMethod {
    WEBSITES, ORGANISATIONS, CITATION_SEARCHING, OTHER;

    /** The name on the command line and in the database ("citation-searching"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OtherMethod parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (OtherMethod m : values()) {
            if (m.label().equals(t)) {
                return m;
            }
        }
        throw new UserError("unknown other method '" + text
                + "': expected websites, organisations, citation-searching or other");
    }
}
