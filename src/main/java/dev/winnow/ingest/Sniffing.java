package dev.winnow.ingest;

/** Constants shared by format detection. */
public final class Sniffing {
    /** How much of a file's start detection looks at. */
    public static final int HEAD_CHARS = 16_384;

    private Sniffing() {
    }
}
