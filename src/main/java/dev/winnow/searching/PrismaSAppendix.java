package dev.winnow.searching;

import dev.winnow.report.Markdown;
import dev.winnow.search.SearchSyntaxError;
import dev.winnow.search.Strategies;
import dev.winnow.search.Strategy;
import java.util.List;

/**
 * The PRISMA-S search appendix (Rethlefsen et al. 2021, items 1, 8, 9, 13): every database's full
 * strategy line by line with the records each line found, the day it was run, the records the
 * database reported and the records imported — a difference is shown, not hidden. Markdown; pure.
 */
public final class PrismaSAppendix {
    private PrismaSAppendix() {
    }

    public static String write(String projectTitle, List<SourceSearch> searches) {
        StringBuilder b = new StringBuilder();
        b.append("# Search strategies\n\n").append(Markdown.text(projectTitle)).append(" — PRISMA-S appendix\n\n");
        List<SourceSearch> searched = searches.stream().filter(s -> s.strategy() != null).toList();
        for (SourceSearch s : searched) {
            b.append("## ").append(Markdown.text(s.source())).append("\n\n");
            b.append("Date run: ").append(s.searchedOn() == null ? "not recorded" : s.searchedOn());
            if (s.syntax() != null) {
                b.append(" · Interface: ").append(s.syntax().label);
            }
            b.append("  \nRecords the database reported: ").append(s.reported() == null ? "not recorded" : s.reported())
                    .append(" · Records imported: ").append(s.imported()).append(" (").append(s.check()).append(")\n\n");
            Strategy parsed = parse(s);
            if (parsed == null) {
                b.append("```\n").append(s.strategy().strip().replace("```", "` ` `")).append("\n```\n\n");
                continue;
            }
            b.append("| # | Search | Results |\n|---:|---|---:|\n");
            for (Strategy.Line l : parsed.lines()) {
                b.append("| ").append(l.number()).append(" | ").append(cell(l.text())).append(" | ")
                        .append(l.count() == null ? "" : l.count()).append(" |\n");
            }
            b.append('\n');
        }
        List<SourceSearch> missing = searches.stream()
                .filter(s -> s.strategy() == null && !"other".equals(s.kind())).toList();
        if (!missing.isEmpty()) {
            b.append("## Databases and registers without a recorded strategy\n\n");
            for (SourceSearch s : missing) {
                b.append("- ").append(Markdown.text(s.source())).append(" (").append(s.imported()).append(" records imported)\n");
            }
            b.append('\n');
        }
        b.append("## Records per database: reported and imported\n\n");
        b.append("| Source | Reported by the database | Imported | Check |\n|---|---:|---:|---|\n");
        for (SourceSearch s : searches) {
            b.append("| ").append(Markdown.text(s.source())).append(" | ").append(s.reported() == null ? "" : s.reported())
                    .append(" | ").append(s.imported()).append(" | ").append(s.check()).append(" |\n");
        }
        return b.toString();
    }

    /** The stored strategy as a tree, or null when it has no syntax or (stored before it was checked) does not parse. */
    static Strategy parse(SourceSearch s) {
        if (s.syntax() == null) {
            return null;
        }
        try {
            return Strategies.parse(s.syntax(), s.strategy());
        } catch (SearchSyntaxError e) {
            return null;
        }
    }

    /**
     * A strategy line in a table cell: kept as the database's syntax (its truncation '*', '#' and
     * '?' read as typed in a cell), with the cell boundary and HTML escaped.
     */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
