package dev.winnow.report.checklist;

import dev.winnow.report.render.Xml;
import java.util.List;

/**
 * The checklists as Markdown and as plain HTML that word processors open as a document (a
 * bordered table, inline styles, no scripts). All project text is escaped.
 */
public final class ChecklistWriter {
    private ChecklistWriter() {
    }

    public static String markdown(String title, List<ChecklistItem> scr, List<ChecklistItem> prismaS) {
        StringBuilder b = new StringBuilder();
        b.append("# Reporting checklists: ").append(md(title)).append("\n\n");
        b.append("Pre-filled by Winnow from the project's data. **Filled**: the project's data answers the item; "
                + "**partly**: check the text and add what is asked; **to write**: the authors' own words are needed.\n\n");
        section(b, "PRISMA-ScR checklist (Tricco et al., Ann Intern Med 2018;169:467–473)", scr);
        section(b, "PRISMA-S search reporting items (Rethlefsen et al., Syst Rev 2021;10:39)", prismaS);
        return b.toString();
    }

    private static void section(StringBuilder b, String heading, List<ChecklistItem> items) {
        b.append("## ").append(heading).append("\n\n");
        String lastSection = null;
        for (ChecklistItem i : items) {
            if (!i.section().equals(lastSection)) {
                b.append("### ").append(md(i.section())).append("\n\n");
                lastSection = i.section();
            }
            b.append("**").append(i.id()).append(". ").append(md(i.topic())).append("** — ")
                    .append(status(i.status())).append("  \n");
            b.append("*").append(md(i.requirement())).append("*\n\n");
            if (i.answer() != null && !i.answer().isBlank()) {
                if (i.answer().contains("\n")) {
                    b.append("```text\n").append(i.answer().replace("```", "'''")).append("\n```\n\n");
                } else {
                    b.append("> ").append(md(i.answer())).append("\n\n");
                }
            }
            if (i.todo() != null && !i.todo().isBlank()) {
                b.append("To write: ").append(md(i.todo())).append("\n\n");
            }
        }
    }

    public static String html(String title, List<ChecklistItem> scr, List<ChecklistItem> prismaS) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reporting checklists: ")
                .append(Xml.escape(title)).append("</title></head>\n")
                .append("<body style=\"font-family: Calibri, Arial, sans-serif; font-size: 11pt;\">\n")
                .append("<h1 style=\"font-size: 16pt;\">Reporting checklists: ").append(Xml.escape(title)).append("</h1>\n")
                .append("<p>Pre-filled by Winnow from the project's data. <b>Filled</b>: the project's data answers the "
                        + "item; <b>partly</b>: check the text and add what is asked; <b>to write</b>: the authors' "
                        + "own words are needed.</p>\n");
        table(b, "PRISMA-ScR checklist (Tricco et al., Ann Intern Med 2018;169:467–473)", scr);
        table(b, "PRISMA-S search reporting items (Rethlefsen et al., Syst Rev 2021;10:39)", prismaS);
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, String heading, List<ChecklistItem> items) {
        String cell = " style=\"border: 1px solid #000; padding: 4px; vertical-align: top;\"";
        b.append("<h2 style=\"font-size: 13pt;\">").append(Xml.escape(heading)).append("</h2>\n");
        b.append("<table style=\"border-collapse: collapse; width: 100%;\">\n<tr>");
        for (String h : new String[] {"Section", "#", "Item", "What is asked", "From the project", "Status",
                "Still to write"}) {
            b.append("<th").append(cell).append(" align=\"left\">").append(h).append("</th>");
        }
        b.append("</tr>\n");
        for (ChecklistItem i : items) {
            b.append("<tr>");
            for (String v : new String[] {i.section(), i.id(), i.topic(), i.requirement(), i.answer(),
                    status(i.status()), i.todo()}) {
                b.append("<td").append(cell).append(">").append(Xml.escape(v == null ? "" : v)
                        .replace("  ", " &#160;")).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        // line breaks inside answers (search strategies) must survive: Xml.escape turned them into spaces,
        // so strategies are repeated below in preformatted blocks
        for (ChecklistItem i : items) {
            if (i.answer() != null && i.answer().contains("\n")) {
                b.append("<h3 style=\"font-size: 11pt;\">Item ").append(i.id()).append(", ").append(Xml.escape(i.topic()))
                        .append(" (as recorded)</h3>\n<pre style=\"font-family: Consolas, monospace; font-size: 9pt; "
                                + "white-space: pre-wrap;\">");
                i.answer().lines().forEach(l -> b.append(Xml.escape(l)).append('\n'));
                b.append("</pre>\n");
            }
        }
    }

    private static String status(ChecklistItem.Status s) {
        return switch (s) {
            case FILLED -> "filled";
            case PARTLY -> "partly";
            case TO_WRITE -> "to write";
        };
    }

    /** Markdown text: characters that would start markup or HTML are escaped. */
    static String md(String s) {
        return dev.winnow.report.Markdown.text(s);
    }
}
