package dev.winnow.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The diagram as a one-page PDF (PDFBox): the SVG rendered at three times its pixel size and placed
 * on a page of the diagram's own size (1 SVG pixel = 0.75 pt), so it prints sharply at full width.
 */
public final class PdfRenderer {
    private static final float SCALE = 3f;

    private PdfRenderer() {
    }

    public static byte[] render(String svg, String title) {
        byte[] png = PngRenderer.render(svg, SCALE);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(doc, png, "prisma.png");
            float w = image.getWidth() / SCALE * 0.75f;
            float h = image.getHeight() / SCALE * 0.75f;
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, w, h);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Winnow");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }
}
