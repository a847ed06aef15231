package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.ingest.TextDecoder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small text file a command reads whole (a search strategy), in whatever encoding it was saved. */
final class TextFiles {
    private TextFiles() {
    }

    /** The file's text, stripped; {@code option} names where the file was given ("--search-string-file"), or null. */
    static String read(Path file, String option) {
        String where = option == null ? "" : " (" + option + ")";
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder, not a file" + where);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file" + where);
        }
        try (TextDecoder.Decoded d = TextDecoder.open(file); Reader r = d.reader()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
                if (sb.length() > 1_000_000) {
                    throw new UserError(file + ": more than a million characters; is this a search strategy?");
                }
            }
            return sb.toString().strip();
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }
}
