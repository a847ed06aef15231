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

    private EvidenceMapSvg() {
    }

    public static String render(EvidenceMap m) {
        int cols = m.categories().size();
        int rows = m.sources().size();
        int width = PAD * 2 + ROW_LABEL + (cols + 1) * CELL;
        int height = PAD * 2 + 30 + HEAD + (rows + 1) * CELL;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(PAD).append("\" y=\"").append(PAD + 14).append("\" font-size=\"15\" font-weight=\"bold\">")
                .append(esc("Evidence map: " + m.label())).append("</text>\n");
        int top = PAD + 30 + HEAD;
        int left = PAD + ROW_LABEL;
        for (int j = 0; j <= cols; j++) {
            String label = j < cols ? m.categories().get(j) : "Sources reporting";
            int x = left + j * CELL + CELL / 2;
            s.append("<text transform=\"translate(").append(x + 4).append(',').append(top - 6)
                    .append(") rotate(-60)\"").append(j == cols ? " font-weight=\"bold\"" : "").append('>')
                    .append(esc(clip(label, 30))).append("</text>\n");
        }
        for (int i = 0; i <= rows; i++) {
            int y = top + i * CELL;
            String label = i < rows ? m.sources().get(i) : "Categories reported";
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + CELL / 2 + 4)
                    .append("\" text-anchor=\"end\"").append(i == rows ? " font-weight=\"bold\"" : "").append('>')
                    .append(esc(clip(label, 34))).append("</text>\n");
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
