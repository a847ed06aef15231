package dev.winnow.report.flow;

import java.util.Locale;

/** Where a source's records enter the PRISMA 2020 diagram: the databases-and-registers column or "other methods". */
public enum SourceKind {
    DATABASE, REGISTER, OTHER;

    public static SourceKind parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
