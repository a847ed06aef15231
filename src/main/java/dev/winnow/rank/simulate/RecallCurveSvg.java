package dev.winnow.rank.simulate;

import java.util.List;
import java.util.Locale;

/** A recall curve plot (records screened → relevant found), one line per run, as standalone SVG. */
public final class RecallCurveSvg {
    private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#66a182", "#edae49", "#8d6a9f"};

    private RecallCurveSvg() {
    }

    /** A named run: its labels in screening order. */
    public record Curve(String label, boolean[] labelsInOrder) {
    }

    public static String render(String title, List<Curve> curves) {
        int w = 640;
        int h = 420;
        int left = 60;
        int top = 40;
        int pw = w - left - 20;
        int ph = h - top - 60;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(left).append("\" y=\"22\" font-size=\"15\">").append(escape(title)).append("</text>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                left, top, pw, ph));
        for (int t = 0; t <= 4; t++) {
            double f = t / 4.0;
            int gx = left + (int) Math.round(f * pw);
            int gy = top + ph - (int) Math.round(f * ph);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d%%</text>%n",
                    gx, top + ph + 16, t * 25));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d%%</text>%n",
                    left - 6, gy + 4, t * 25));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">records screened</text>%n",
                left + pw / 2, top + ph + 34));
        s.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">relevant found</text>%n",
                top + ph / 2, top + ph / 2));
        s.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>%n",
                left, top + ph, left + pw, top));
        for (int c = 0; c < curves.size(); c++) {
            boolean[] labels = curves.get(c).labelsInOrder();
            int n = labels.length;
            int r = 0;
            for (boolean b : labels) {
                if (b) {
                    r++;
                }
            }
            StringBuilder pts = new StringBuilder();
            pts.append(String.format(Locale.ROOT, "%d,%d", left, top + ph));
            int found = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i]) {
                    double x0 = left + (double) i / n * pw;
                    double y0 = top + ph - (double) found / Math.max(r, 1) * ph;
                    found++;
                    double y1 = top + ph - (double) found / Math.max(r, 1) * ph;
                    double x1 = left + (double) (i + 1) / n * pw;
                    pts.append(String.format(Locale.ROOT, " %.1f,%.1f %.1f,%.1f", x0, y0, x1, y1));
                }
            }
            pts.append(String.format(Locale.ROOT, " %d,%d", left + pw, top));
            String colour = COLOURS[c % COLOURS.length];
            s.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour).append("\" points=\"")
                    .append(pts).append("\"/>\n");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    left + pw - 150, top + ph - 12 - 16 * (curves.size() - 1 - c), colour,
                    escape(curves.get(c).label())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#999\">random</text>%n",
                left + pw / 2 + 10, top + ph / 2 + 20));
        s.append("</svg>\n");
        return s.toString();
    }

    /** XML-escapes text for element content and attribute values. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                        b.append(' ');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
