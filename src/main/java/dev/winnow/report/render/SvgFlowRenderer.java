package dev.winnow.report.render;

import dev.winnow.report.FlowNotBalanced;
import dev.winnow.report.flow.Count;
import dev.winnow.report.flow.FlowDiagram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a balanced {@link FlowDiagram} as SVG in the layout and wording of the PRISMA 2020 flow
 * diagram templates (new or updated review; with or without the "other methods" column). Every
 * piece of text is XML-escaped. A diagram whose numbers do not add up is refused.
 */
public final class SvgFlowRenderer {
    static final int FONT = 12;
    static final int LINE = 16;
    static final int PAD = 8;
    static final int BOX_W = 270;
    static final int PREV_W = 210;
    static final int GAP = 40;
    static final int COL_GAP = 44;
    static final int ROW_GAP = 26;
    static final int BAR_W = 28;
    static final int MARGIN = 12;
    static final double CHAR_W = 6.4;

    private static final String HEADER_MAIN = "#ffd966";
    private static final String HEADER_OTHER = "#d9d9d9";
    private static final String PHASE = "#9dc3e6";
    private static final String OTHER_FILL = "#f2f2f2";

    private static final String FOOTNOTE = "Layout and wording: PRISMA 2020 flow diagram (Page MJ et al., BMJ "
            + "2021;372:n71). Every number is computed by Winnow from the project's records and decisions.";

    private SvgFlowRenderer() {
    }

    private record Line(String text, int indent, boolean bold) {
    }

    private static final class Box {
        final double x;
        final double w;
        final List<Line> lines = new ArrayList<>();
        final String fill;
        final boolean centred;
        double y;
        double h;

        Box(double x, double w, String fill, boolean centred) {
            this.x = x;
            this.w = w;
            this.fill = fill;
            this.centred = centred;
        }

        Box line(String text) {
            return add(text, 0, false);
        }

        Box add(String text, int indent, boolean bold) {
            int max = (int) ((w - 2 * PAD - indent * 12) / CHAR_W);
            boolean first = true;
            for (String part : wrap(text, Math.max(8, max - 2))) {
                lines.add(new Line(part, first ? indent : indent + 1, bold));
                first = false;
            }
            return this;
        }

        double naturalHeight() {
            return lines.size() * LINE + 2 * PAD;
        }

        double midY() {
            return y + h / 2;
        }

        double bottom() {
            return y + h;
        }

        double right() {
            return x + w;
        }

        double centreX() {
            return x + w / 2;
        }
    }

    public static String render(FlowDiagram d) {
        if (!d.consistent()) {
            throw new FlowNotBalanced(d.violations());
        }
        boolean prev = d.updatedReview();
        boolean other = d.otherMethods();
        double colStart = MARGIN + BAR_W + 16;
        double prevX = colStart;
        double mainX = prev ? prevX + PREV_W + COL_GAP : colStart;
        double sideX = mainX + BOX_W + GAP;
        double otherX = sideX + BOX_W + COL_GAP;
        double otherSideX = otherX + BOX_W + GAP;
        double width = (other ? otherSideX + BOX_W : sideX + BOX_W) + MARGIN;
        String nw = prev ? "new " : "";

        // ---- the boxes, row by row
        List<List<Box>> rows = new ArrayList<>();
        Box mainHeader = new Box(mainX, BOX_W * 2 + GAP, HEADER_MAIN, true)
                .add("Identification of " + nw + "studies via databases and registers", 0, true);
        Box otherHeader = other ? new Box(otherX, BOX_W * 2 + GAP, HEADER_OTHER, true)
                .add("Identification of " + nw + "studies via other methods", 0, true) : null;
        Box prevHeader = prev ? new Box(prevX, PREV_W, HEADER_OTHER, true).add("Previous studies", 0, true) : null;
        rows.add(present(prevHeader, mainHeader, otherHeader));

        Box identified = new Box(mainX, BOX_W, "#ffffff", false).line("Records identified from:");
        identified.add("Databases (n = " + d.databaseResults() + ")", 1, false);
        for (Count c : d.databases()) {
            identified.add(n(c), 2, false);
        }
        identified.add("Registers (n = " + d.registerResults() + ")", 1, false);
        for (Count c : d.registers()) {
            identified.add(n(c), 2, false);
        }
        Box removed = new Box(sideX, BOX_W, "#ffffff", false).line("Records removed before screening:")
                .add("Duplicate records removed (n = " + d.duplicates() + ")", 1, false)
                .add("Records marked as ineligible by automation tools (n = " + d.excludedAutomatic() + ")", 1, false)
                .add("Records removed for other reasons (n = " + d.excludedOther() + ")", 1, false);
        Box otherIdentified = null;
        if (other) {
            otherIdentified = new Box(otherX, BOX_W, OTHER_FILL, false).line("Records identified from:");
            for (Count c : d.otherSources()) {
                otherIdentified.add(n(c), 1, false);
            }
            if (d.otherSources().isEmpty()) {
                otherIdentified.add("(none)", 1, false);
            }
        }
        Box previous = prev ? new Box(prevX, PREV_W, "#ffffff", false)
                .line("Studies included in previous version of review (n = " + d.previousStudies() + ")")
                .line("")
                .line("Reports of studies included in previous version of review (n = " + d.previousReports() + ")")
                : null;
        rows.add(present(previous, identified, removed, otherIdentified));

        Box screened = new Box(mainX, BOX_W, "#ffffff", false).line("Records screened (n = " + d.recordsScreened() + ")");
        Box excluded = new Box(sideX, BOX_W, "#ffffff", false).line("Records excluded (n = " + d.recordsExcluded() + ")");
        if (d.recordsExcludedByStoppingRule() > 0) {
            excluded.add("by reviewers (n = " + d.recordsExcludedByReviewers() + ")", 1, false)
                    .add("by the stopping rule, unscreened (n = " + d.recordsExcludedByStoppingRule() + ")", 1, false);
        }
        rows.add(present(screened, excluded));

        Box sought = new Box(mainX, BOX_W, "#ffffff", false)
                .line("Reports sought for retrieval (n = " + d.dbrSoughtReports() + ")");
        Box notRetrieved = new Box(sideX, BOX_W, "#ffffff", false)
                .line("Reports not retrieved (n = " + d.dbrNotRetrievedReports() + ")");
        Box otherSought = other ? new Box(otherX, BOX_W, OTHER_FILL, false)
                .line("Reports sought for retrieval (n = " + d.otherSoughtReports() + ")") : null;
        Box otherNotRetrieved = other ? new Box(otherSideX, BOX_W, OTHER_FILL, false)
                .line("Reports not retrieved (n = " + d.otherNotRetrievedReports() + ")") : null;
        rows.add(present(sought, notRetrieved, otherSought, otherNotRetrieved));

        Box assessed = new Box(mainX, BOX_W, "#ffffff", false)
                .line("Reports assessed for eligibility (n = " + d.dbrAssessed() + ")");
        Box reasons = reasons(new Box(sideX, BOX_W, "#ffffff", false), d.dbrExcluded());
        Box otherAssessed = other ? new Box(otherX, BOX_W, OTHER_FILL, false)
                .line("Reports assessed for eligibility (n = " + d.otherAssessed() + ")") : null;
        Box otherReasons = other ? reasons(new Box(otherSideX, BOX_W, OTHER_FILL, false), d.otherExcluded()) : null;
        rows.add(present(assessed, reasons, otherAssessed, otherReasons));

        Box included = new Box(mainX, BOX_W, "#ffffff", false);
        if (prev) {
            included.line("New studies included in review (n = " + d.newStudies() + ")")
                    .line("Reports of new included studies (n = " + d.newReports() + ")");
        } else {
            included.line("Studies included in review (n = " + d.newStudies() + ")")
                    .line("Reports of included studies (n = " + d.newReports() + ")");
        }
        rows.add(present(included));
        Box total = null;
        if (prev) {
            total = new Box(mainX, BOX_W, "#ffffff", false)
                    .line("Total studies included in review (n = " + d.totalStudies() + ")")
                    .line("Reports of total included studies (n = " + d.totalReports() + ")");
            rows.add(present(total));
        }

        // ---- place the rows
        double y = MARGIN;
        double[] rowTop = new double[rows.size()];
        double[] rowBottom = new double[rows.size()];
        int lastRow = rows.size() - 1;
        for (int i = 0; i < rows.size(); i++) {
            double h = rows.get(i).stream().mapToDouble(Box::naturalHeight).max().orElse(0);
            // a phase's bar is as tall as its rows: they are made tall enough for its label, written up the bar
            double need = i == 1 ? phaseLength("Identification") : i == 4 ? phaseLength("Screening")
                    : i == lastRow ? phaseLength("Included") : 0;
            double firstOfPhase = i == 1 ? y : i == 4 ? rowTop[2] : i == lastRow ? (lastRow == 5 ? y : rowTop[5]) : y;
            h = Math.max(h, need - (y - firstOfPhase));
            rowTop[i] = y;
            for (Box b : rows.get(i)) {
                b.y = y;
                b.h = h;
            }
            rowBottom[i] = y + h;
            y += h + ROW_GAP;
        }
        double footY = y;
        double height = footY + wrap(FOOTNOTE, (int) ((width - 2 * MARGIN) / 5.6)).size() * LINE + MARGIN;

        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"%d\">%n",
                width, height, width, height, FONT));
        s.append("<title>PRISMA 2020 flow diagram</title>\n");
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#000\"/>"
                + "</marker></defs>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>%n",
                width, height));

        int last = rows.size() - 1;
        phase(s, "Identification", rowTop[1], rowBottom[1]);
        phase(s, "Screening", rowTop[2], rowBottom[4]);
        phase(s, "Included", rowTop[5], rowBottom[last]);

        for (List<Box> row : rows) {
            for (Box b : row) {
                box(s, b);
            }
        }

        // ---- arrows
        down(s, identified, screened);
        down(s, screened, sought);
        down(s, sought, assessed);
        down(s, assessed, included);
        across(s, identified, removed);
        across(s, screened, excluded);
        across(s, sought, notRetrieved);
        across(s, assessed, reasons);
        if (other) {
            down(s, otherIdentified, otherSought);
            down(s, otherSought, otherAssessed);
            across(s, otherSought, otherNotRetrieved);
            across(s, otherAssessed, otherReasons);
            path(s, otherAssessed.centreX(), otherAssessed.bottom(), otherAssessed.centreX(), included.midY(),
                    included.right(), included.midY());
        }
        if (prev) {
            down(s, included, total);
            path(s, previous.centreX(), previous.bottom(), previous.centreX(), total.midY(), total.x, total.midY());
        }

        List<String> foot = wrap(FOOTNOTE, (int) ((width - 2 * MARGIN) / 5.6));
        for (int i = 0; i < foot.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"#444444\">%s</text>%n",
                    MARGIN, footY + LINE * (i + 1) - 4, Xml.escape(foot.get(i))));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static Box reasons(Box b, List<Count> excluded) {
        long total = excluded.stream().mapToLong(Count::n).sum();
        b.line("Reports excluded (n = " + total + "):");
        for (Count c : excluded) {
            b.add(n(c), 1, false);
        }
        return b;
    }

    private static String n(Count c) {
        return c.label() + " (n = " + c.n() + ")";
    }

    private static List<Box> present(Box... boxes) {
        List<Box> l = new ArrayList<>();
        for (Box b : boxes) {
            if (b != null) {
                l.add(b);
            }
        }
        return l;
    }

    private static void box(StringBuilder s, Box b) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\" "
                + "fill=\"%s\" stroke=\"#000000\" stroke-width=\"1\"/>%n", b.x, b.y, b.w, b.h, b.centred ? 8 : 0, b.fill));
        double textTop = b.y + (b.h - b.lines.size() * LINE) / 2;
        for (int i = 0; i < b.lines.size(); i++) {
            Line l = b.lines.get(i);
            if (l.text().isEmpty()) {
                continue;
            }
            double ty = textTop + LINE * (i + 1) - 4;
            if (b.centred) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s>%s</text>%n",
                        b.centreX(), ty, l.bold() ? " font-weight=\"bold\"" : "", Xml.escape(l.text())));
            } else {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>%n",
                        b.x + PAD + l.indent() * 12, ty, l.bold() ? " font-weight=\"bold\"" : "",
                        Xml.escape(l.text())));
            }
        }
    }

    /** How long a phase's label is when written up its bar (bold), with room at both ends. */
    static double phaseLength(String label) {
        return label.length() * CHAR_W * 1.15 + 2 * PAD;
    }

    private static void phase(StringBuilder s, String label, double top, double bottom) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" rx=\"6\" fill=\"%s\" "
                + "stroke=\"#000000\" stroke-width=\"0.5\"/>%n", MARGIN, top, BAR_W, bottom - top, PHASE));
        double cx = MARGIN + BAR_W / 2.0 + 4;
        double cy = (top + bottom) / 2;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\" "
                + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n", cx, cy, cx, cy, Xml.escape(label)));
    }

    private static void down(StringBuilder s, Box from, Box to) {
        line(s, from.centreX(), from.bottom(), to.centreX(), to.y);
    }

    private static void across(StringBuilder s, Box from, Box to) {
        line(s, from.right(), from.midY(), to.x, from.midY());
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000000\" "
                + "stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>%n", x1, y1, x2, y2));
    }

    private static void path(StringBuilder s, double x1, double y1, double x2, double y2, double x3, double y3) {
        s.append(String.format(Locale.ROOT, "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" "
                + "stroke=\"#000000\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>%n", x1, y1, x2, y2, x3, y3));
    }

    /** The words of a line, with "(n = 12)" kept as one word so a count never parts from its bracket. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            int k = out.size();
            if (k >= 2 && out.get(k - 2).equals("(n") && out.get(k - 1).equals("=")) {
                out.remove(k - 1);
                out.set(k - 2, "(n = " + w);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Greedy word wrap to at most {@code max} characters a line (a longer word is cut). */
    static List<String> wrap(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            out.add("");
            return out;
        }
        StringBuilder cur = new StringBuilder();
        for (String word : words(text)) {
            while (word.length() > max) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                out.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (cur.isEmpty()) {
                cur.append(word);
            } else if (cur.length() + 1 + word.length() <= max) {
                cur.append(' ').append(word);
            } else {
                out.add(cur.toString());
                cur.setLength(0);
                cur.append(word);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }
}
