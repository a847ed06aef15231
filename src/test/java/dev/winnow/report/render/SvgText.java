package dev.winnow.report.render;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The text lines of an SVG document, read with an XML parser (so the SVG must be well-formed). */
public final class SvgText {
    private SvgText() {
    }

    public static List<String> lines(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            NodeList texts = doc.getElementsByTagName("text");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < texts.getLength(); i++) {
                out.add(texts.item(i).getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        }
    }

    /**
     * The number shown after a label, "Records screened (n = 77)" → 77, reading the text as one
     * (a box's text may wrap over several lines).
     */
    public static long number(List<String> lines, String label) {
        String all = String.join(" ", lines);
        var m = java.util.regex.Pattern.compile("(?:^| )" + java.util.regex.Pattern.quote(label) + " \\(n = (\\d+)\\)")
                .matcher(all);
        if (!m.find()) {
            throw new AssertionError("no '" + label + " (n = …)' in " + lines);
        }
        return Long.parseLong(m.group(1));
    }
}
