package dev.winnow.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party data in {@code ../shared/data} (read in place, never copied). Tests that need
 * it call {@link #require(String)}, which skips the test with a clear message when it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String prop = System.getProperty("winnow.shared.data");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "data");
        return p.toAbsolutePath().normalize();
    }

    public static boolean present() {
        return Files.isDirectory(root());
    }

    /** The path under the shared data folder; skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "shared test data absent (" + p + "): skipping; "
                + "the test needs ../shared/data beside the checkout");
        return p;
    }
}
