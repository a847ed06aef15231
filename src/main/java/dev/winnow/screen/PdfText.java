package dev.winnow.screen;

import dev.winnow.UserError;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF, extracted with PDFBox (for highlighting criteria keywords and for ranking). */
public final class PdfText {
    private PdfText() {
    }

    /** What a PDF holds: its text and its page count. */
    public record Extracted(String text, int pages) {
    }

    /** Extracts the text; a file that is not a readable PDF is a {@link UserError} naming it. */
    public static Extracted extract(byte[] pdf, String fileName) {
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new UserError(fileName + ": not a PDF (it does not start with %PDF-)");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                doc.setAllSecurityToBeRemoved(true);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return new Extracted(stripper.getText(doc).strip(), doc.getNumberOfPages());
        } catch (IOException e) {
            throw new UserError(fileName + ": cannot read the PDF: " + e.getMessage(), e);
        }
    }
}
