package dev.winnow.chart;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** Draws an evidence map: sources as rows, categories as columns, filled cells, totals. */
public final class EvidenceMapSvg {
    private static final int CELL = 34;
    private static final int ROW_LABEL = 220;
    private static final int HEAD = 180;
    private static final int PAD = 16;
    /** Characters of a row or column label shown (the whole label is the text's tooltip). */
    private static final int ROW_CHARS = 48;
    private static final int COL_CHARS = 30;
    /** Width of a character at 12 px (DejaVu Sans is wide), and of the 15 px bold title's. */
    private static final double CHAR = 7.4;
    private static final double TITLE_CHAR = 10.0;

    private EvidenceMapSvg() {
    }

    public static String render(EvidenceMap m) {
        int cols = m.categories().size();
        int rows = m.sources().size();
        // room for what is written: row labels (up to ROW_CHARS), column labels slanting right past the
        // last column, and the title; nothing is cut at the picture's edge
        int longestRow = "Categories reported".length();
        for (String r : m.sources()) {
            longestRow = Math.max(longestRow, Math.min(ROW_CHARS, r.length()));
        }
        int rowLabel = Math.max(ROW_LABEL, (int) Math.ceil(longestRow * CHAR + 12));
        int overhang = 0;
        for (int j = 0; j <= cols; j++) {
            String label = j < cols ? m.categories().get(j) : "Sources reporting";
            int reach = (int) Math.ceil(Math.min(COL_CHARS, label.length()) * CHAR * 0.5 + 8); // cos 60°
            overhang = Math.max(overhang, reach - (cols - j) * CELL);
        }
        String title = "Evidence map: " + m.label();
        int width = Math.max(PAD * 2 + rowLabel + (cols + 1) * CELL + Math.max(0, overhang),
                PAD * 2 + (int) Math.ceil(title.length() * TITLE_CHAR));
        int height = PAD * 2 + 30 + HEAD + (rows + 1) * CELL;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(PAD).append("\" y=\"").append(PAD + 14).append("\" font-size=\"15\" font-weight=\"bold\">")
                .append(esc(title)).append("</text>\n");
        int top = PAD + 30 + HEAD;
        int left = PAD + rowLabel;
        for (int j = 0; j <= cols; j++) {
            String label = j < cols ? m.categories().get(j) : "Sources reporting";
            int x = left + j * CELL + CELL / 2;
            s.append("<text transform=\"translate(").append(x + 4).append(',').append(top - 6)
                    .append(") rotate(-60)\"").append(j == cols ? " font-weight=\"bold\"" : "").append('>')
                    .append("<title>").append(esc(label)).append("</title>")
                    .append(esc(clip(label, COL_CHARS))).append("</text>\n");
        }
        for (int i = 0; i <= rows; i++) {
            int y = top + i * CELL;
            String label = i < rows ? m.sources().get(i) : "Categories reported";
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + CELL / 2 + 4)
                    .append("\" text-anchor=\"end\"").append(i == rows ? " font-weight=\"bold\"" : "").append('>')
                    .append("<title>").append(esc(label)).append("</title>")
                    .append(esc(clip(label, ROW_CHARS))).append("</text>\n");
            for (int j = 0; j <= cols; j++) {
                int x = left + j * CELL;
                String text;
                String fill;
                if (i < rows && j < cols) {
                    int n = m.counts()[i][j];
                    fill = n > 0 ? "#2b6cb0" : "#f1f5f9";
                    text = n > 1 ? String.valueOf(n) : "";
                } else if (i < rows) {
                    fill = "#e2e8f0";
                    text = String.valueOf(m.rowTotal(i));
                } else if (j < cols) {
                    fill = "#e2e8f0";
                    text = String.valueOf(m.columnTotal(j));
                } else {
                    fill = "#ffffff";
                    text = "";
                }
                s.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(CELL)
                        .append("\" height=\"").append(CELL).append("\" fill=\"").append(fill)
                        .append("\" stroke=\"#94a3b8\"/>\n");
                if (!text.isEmpty()) {
                    boolean dark = i < rows && j < cols;
                    s.append("<text x=\"").append(x + CELL / 2).append("\" y=\"").append(y + CELL / 2 + 4)
                            .append("\" text-anchor=\"middle\" fill=\"").append(dark ? "#ffffff" : "#111827").append("\">")
                            .append(text).append("</text>\n");
                }
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    public static byte[] png(String svg) {
        try {
            PNGTranscoder t = new PNGTranscoder();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
            return out.toByteArray();
        } catch (TranscoderException e) {
            throw new IllegalStateException("cannot render the evidence map as PNG: " + e.getMessage(), e);
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** XML-escapes imported or typed text. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
