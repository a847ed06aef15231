package dev.winnow.cli;

import dev.winnow.importing.ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * An import's progress on standard error, redrawn in place: only when standard error is a terminal
 * (the {@code winnow} launcher tells by setting {@code winnow.stderr.tty}; {@code WINNOW_PROGRESS=always|never}
 * overrides), so that logs and pipes get the report alone.
 */
final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintWriter err;
    private long lastDraw;
    private int lastLength;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar on {@code err} when standard error is a terminal, else nothing. */
    static ImportProgress forImports(PrintWriter err) {
        return forImports(err, System.getenv("WINNOW_PROGRESS"));
    }

    static ImportProgress forImports(PrintWriter err, String override) {
        return wanted(override, System.getProperty("winnow.stderr.tty")) ? new ProgressBar(err) : ImportProgress.NONE;
    }

    /** Whether to draw: the override if it says always/never, else whether the launcher saw a terminal. */
    static boolean wanted(String override, String tty) {
        if (override != null && !override.isBlank()) {
            return override.strip().equalsIgnoreCase("always");
        }
        return "1".equals(tty) || "true".equalsIgnoreCase(tty);
    }

    @Override
    public void stored(String file, int records, double share) {
        long now = System.nanoTime();
        if (share < 1.0 && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(line(file, records, share));
    }

    @Override
    public void deduplicating(String file, int records) {
        draw(file + ": " + String.format(Locale.ROOT, "%,d", records) + " records stored; deduplicating the project…");
    }

    @Override
    public void finished(String file) {
        draw("");
    }

    /** One line of the bar: "medline.ris [#########.....]  42%  12,345 records". */
    static String line(String file, int records, double share) {
        StringBuilder b = new StringBuilder(file).append(" [");
        if (share < 0) {
            b.append("?".repeat(WIDTH));
        } else {
            int filled = (int) Math.round(Math.min(1.0, share) * WIDTH);
            b.append("#".repeat(filled)).append(".".repeat(WIDTH - filled));
        }
        b.append("] ");
        if (share >= 0) {
            b.append(String.format(Locale.ROOT, "%3d%%  ", Math.round(Math.min(1.0, share) * 100)));
        }
        return b.append(String.format(Locale.ROOT, "%,d records", records)).toString();
    }

    private void draw(String text) {
        int pad = Math.max(0, lastLength - text.length());
        err.print("\r" + text + " ".repeat(pad) + (text.isEmpty() ? "\r" : ""));
        err.flush();
        lastLength = text.length();
    }
}
