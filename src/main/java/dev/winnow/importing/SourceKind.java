package dev.winnow.importing;

import dev.winnow.UserError;
import java.util.Locale;

/**
 * Where a source's records come from, as PRISMA 2020 counts them: bibliographic databases,
 * registers (trial registries, preprint servers), or "other methods" (websites, organisations,
 * citation searching, grey literature added by hand), which the flow diagram shows in their own column.
 */
public enum SourceKind {
    DATABASE, REGISTER, OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind parse(String text) {
        for (SourceKind k : values()) {
            if (k.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return k;
            }
        }
        throw new UserError("unknown source kind '" + text + "': expected database, register or other");
    }
}
