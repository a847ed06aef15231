package dev.winnow.importing;

/**
 * How far an import has got, told to whoever shows it (a bar on the terminal, the sources page).
 * Called on the thread that stores the records; implementations keep it cheap.
 */
public interface ImportProgress {
    /** Shows nothing. */
    ImportProgress NONE = new ImportProgress() {
    };

    /**
     * Records of a file stored so far, and about what share of the file they are (0 to 1, from the
     * length of their raw text against the file's size; -1 when the size is unknown).
     */
    default void stored(String file, int records, double share) {
    }

    /** A file's records are in; the project's incremental deduplication runs now. */
    default void deduplicating(String file, int records) {
    }

    /** The file is done (imported, or refused: the caller reports which). */
    default void finished(String file) {
    }
}
