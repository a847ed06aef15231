package dev.winnow.bench;

import dev.winnow.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;

/** A fresh SQLite file in a temporary folder for one benchmark run, deleted afterwards. */
final class ScratchDatabase {
    private ScratchDatabase() {
    }

    static <T> T with(String prefix, Function<Database, T> work) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"))) {
            return work.apply(db);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
