package dev.winnow.project;

import java.util.Locale;

/** The kind of review a project is; it decides which reporting guideline applies. */
public enum ProjectKind {
    SCOPING, SYSTEMATIC, RAPID, OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectKind parse(String text) {
        for (ProjectKind k : values()) {
            if (k.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return k;
            }
        }
        throw new dev.winnow.UserError("unknown review kind '" + text + "': expected scoping, systematic, rapid or other");
    }
}
