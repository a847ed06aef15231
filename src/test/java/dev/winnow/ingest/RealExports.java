package dev.winnow.ingest;

import dev.winnow.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw exports under {@code ../shared/data} (read in place) and the record counts their
 * folders' SOURCES.md inventories give ("| path | format | records | bytes |", counted there by
 * shell heuristics).
 */
public final class RealExports {
    /** The kinds of file the robustness acceptance names: RIS, nbib, txt, ciw, xml, bib, csv, tsv. */
    public static final Set<String> EXTENSIONS = Set.of("ris", "nbib", "txt", "ciw", "xml", "bib", "csv", "tsv", "enw", "ref");

    private static final Pattern ROW = Pattern.compile("^\\| (\\S[^|]*?) \\| [^|]*? \\| (\\d+) \\| \\d+ \\|$");

    private RealExports() {
    }

    /** Every such file, as paths relative to the shared data folder, sorted; empty when the folder is absent. */
    public static List<String> files() {
        Path root = SharedData.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.contains(extension(p)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Record counts from every SOURCES.md, by path relative to the shared data folder. */
    public static Map<String, Integer> sourcesCounts() {
        Map<String, Integer> out = new HashMap<>();
        Path root = SharedData.root();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path sources = folder.resolve("SOURCES.md");
                if (!Files.isRegularFile(sources)) {
                    continue;
                }
                for (String line : Files.readAllLines(sources)) {
                    Matcher m = ROW.matcher(line.strip());
                    if (m.matches()) {
                        out.put(folder.getFileName() + "/" + m.group(1), Integer.valueOf(m.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
