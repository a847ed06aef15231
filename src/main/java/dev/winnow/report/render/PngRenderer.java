package dev.winnow.report.render;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** SVG to PNG with Batik (batik-transcoder + batik-codec). */
public final class PngRenderer {
    private PngRenderer() {
    }

    /**
     * @param svg   a complete SVG document
     * @param scale 1 for the SVG's own pixel size, 2 for print quality
     */
    public static byte[] render(String svg, float scale) {
        float width = widthOf(svg);
        PNGTranscoder t = new PNGTranscoder();
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, width * scale);
        TranscoderInput in = new TranscoderInput(new StringReader(svg));
        in.setURI("urn:winnow:prisma.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            t.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("cannot render the diagram as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static float widthOf(String svg) {
        var m = java.util.regex.Pattern.compile("<svg[^>]*\\swidth=\"([0-9.]+)\"").matcher(svg);
        if (!m.find()) {
            throw new IllegalArgumentException("the SVG has no width attribute");
        }
        return Float.parseFloat(m.group(1));
    }
}
