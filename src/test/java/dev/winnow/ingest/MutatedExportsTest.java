package dev.winnow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.UserError;
import dev.winnow.importing.ImportReport;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.testing.SharedData;
import dev.winnow.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real exports, damaged the ways files get damaged (cut short, lines lost, binary noise, the wrong
 * encoding, flipped bytes), under fixed seeds: every reader either reads the result or refuses it
 * with a {@link UserError}; no other exception escapes. Through {@link ImportService}, a refused
 * file leaves the database exactly as it was (never a half import), and an accepted one stores
 * exactly the records its report counts.
 *
 * <p>The sample takes, for every format {@link Formats#readers()} recognises, its smallest few
 * files (so formats are covered as their readers land), plus a few files no reader recognises.
 */
class MutatedExportsTest {
    static final int FILES_PER_FORMAT = 3;
    static final long MAX_BYTES = 256 * 1024;

    enum Damage { TRUNCATE, DROP_LINES, BINARY_NOISE, WRONG_ENCODING, FLIP_BYTES }

    @TempDir
    Path dir;

    private static Map<String, List<String>> sample;

    /** The sample: up to {@link #FILES_PER_FORMAT} small files per detected format ("none" when undetected). */
    static synchronized Map<String, List<String>> sample() {
        if (sample == null) {
            sample = choose();
        }
        return sample;
    }

    private static Map<String, List<String>> choose() {
        Map<String, List<Path>> byFormat = new TreeMap<>();
        for (String rel : RealExports.files()) {
            Path p = SharedData.root().resolve(rel);
            try {
                long size = Files.size(p);
                if (size == 0 || size > MAX_BYTES) {
                    continue;
                }
                byFormat.computeIfAbsent(detect(p), k -> new ArrayList<>()).add(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byFormat.forEach((format, paths) -> out.put(format, paths.stream()
                .sorted(Comparator.comparingLong(MutatedExportsTest::size).thenComparing(Path::toString))
                .skip(paths.size() > FILES_PER_FORMAT ? 1 : 0) // the very smallest is often a stub
                .limit(FILES_PER_FORMAT).map(p -> SharedData.root().relativize(p).toString()).toList()));
        return out;
    }

    private static String detect(Path p) {
        try (TextDecoder.Decoded d = TextDecoder.open(p); Reader r = d.reader()) {
            char[] buf = new char[Sniffing.HEAD_CHARS];
            int n = r.read(buf);
            String head = n <= 0 ? "" : new String(buf, 0, n);
            return Formats.detect(head).map(x -> x.format().id()).orElse("none");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 6);
    }

    /** The file's bytes damaged one way, decided by the seed. */
    static byte[] damage(byte[] in, Damage d, Random rnd) {
        switch (d) {
            case TRUNCATE -> {
                return java.util.Arrays.copyOf(in, rnd.nextInt(Math.max(1, in.length)));
            }
            case DROP_LINES -> {
                String text = new String(in, StandardCharsets.ISO_8859_1);
                String[] lines = text.split("\n", -1);
                StringBuilder sb = new StringBuilder();
                int drops = Math.max(1, lines.length / 20);
                java.util.Set<Integer> dropped = new java.util.HashSet<>();
                for (int i = 0; i < drops; i++) {
                    dropped.add(rnd.nextInt(lines.length));
                }
                for (int i = 0; i < lines.length; i++) {
                    if (!dropped.contains(i)) {
                        sb.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                    }
                }
                return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            case BINARY_NOISE -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int runs = 1 + rnd.nextInt(5);
                int[] at = rnd.ints(runs, 0, in.length + 1).sorted().toArray();
                int from = 0;
                for (int pos : at) {
                    out.write(in, from, pos - from);
                    byte[] noise = new byte[1 + rnd.nextInt(64)];
                    rnd.nextBytes(noise);
                    out.writeBytes(noise);
                    from = pos;
                }
                out.write(in, from, in.length - from);
                return out.toByteArray();
            }
            case WRONG_ENCODING -> {
                String text = new String(in, StandardCharsets.UTF_8);
                return switch (rnd.nextInt(4)) {
                    case 0 -> text.getBytes(StandardCharsets.UTF_16LE);                       // no BOM
                    case 1 -> text.getBytes(StandardCharsets.UTF_16);                         // BE with BOM
                    case 2 -> text.getBytes(Charset.forName("windows-1252"));                 // unmappable → '?'
                    default -> new String(in, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8); // double-encoded
                };
            }
            case FLIP_BYTES -> {
                byte[] out = in.clone();
                int flips = Math.max(1, out.length / 500);
                for (int i = 0; i < flips; i++) {
                    int pos = rnd.nextInt(out.length);
                    out[pos] = (byte) (out[pos] ^ (1 << rnd.nextInt(8)));
                }
                return out;
            }
            default -> throw new IllegalArgumentException(d.name());
        }
    }

    /** The damaged copy of a real file, under the same file name in a folder of its own. */
    Path damaged(String relative, Damage d, long seed) throws IOException {
        byte[] in = Files.readAllBytes(SharedData.root().resolve(relative));
        Random rnd = new Random(seed * 7919 + relative.hashCode() * 31L + d.ordinal());
        Path folder = Files.createDirectories(dir.resolve(d.name() + "-" + seed + "-" + Math.abs(relative.hashCode())));
        return Files.write(folder.resolve(Path.of(relative).getFileName().toString()), damage(in, d, rnd));
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 1500 ? s.substring(0, 1500) + "…" : s;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyDamagedFileReadsOrIsRefusedCleanly(int seed) throws IOException {
        SharedData.require(".");
        List<String> problems = new ArrayList<>();
        int read = 0;
        int refused = 0;
        for (List<String> files : sample().values()) {
            for (String rel : files) {
                for (Damage d : Damage.values()) {
                    Path p = damaged(rel, d, seed);
                    try {
                        Ingest.read(p, null, record -> { });
                        read++;
                    } catch (UserError e) {
                        refused++;
                        if (!e.getMessage().contains(p.getFileName().toString())) {
                            problems.add(rel + " " + d + " seed " + seed + ": a refusal that does not name the file: "
                                    + e.getMessage());
                        }
                    } catch (Throwable t) {
                        problems.add(rel + " " + d + " seed " + seed + ": " + trace(t));
                    }
                }
            }
        }
        assertThat(problems).as("damaged files that neither read nor were refused cleanly").isEmpty();
        // the damage is real (some files are refused) and not hopeless (readers recover from most)
        assertThat(refused).isPositive();
        assertThat(read).isGreaterThan(refused);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aRefusedFileNeverLeavesAHalfImport(TestDb kind) throws IOException {
        SharedData.require(".");
        List<String> problems = new ArrayList<>();
        try (Database db = kind.fresh()) {
            Project project = new ProjectService(db).create("Robustness", ProjectKind.SCOPING, null);
            ImportService service = new ImportService(db);
            ImportService.Options again = new ImportService.Options(null, true);
            for (List<String> files : sample().values()) {
                String rel = files.get(0);
                for (int seed = kind.ordinal(); seed <= kind.ordinal(); seed++) { // one seed per database: more cases overall
                    for (Damage d : Damage.values()) {
                        Path p = damaged(rel, d, seed);
                        long[] before = counts(db);
                        try {
                            ImportReport r = service.importFile(project, SourceSpec.database("Robustness"), p, again,
                                    ImportService.Actor.commandLine());
                            long[] after = counts(db);
                            if (after[0] - before[0] != r.records() || after[1] - before[1] != 1) {
                                problems.add(rel + " " + d + " seed " + seed + ": report says " + r.records()
                                        + " records, the database gained " + (after[0] - before[0]));
                            }
                        } catch (UserError e) {
                            long[] after = counts(db);
                            if (!java.util.Arrays.equals(before, after)) {
                                problems.add(rel + " " + d + " seed " + seed + ": refused (" + e.getMessage()
                                        + ") but the database changed");
                            }
                        } catch (Throwable t) {
                            problems.add(rel + " " + d + " seed " + seed + ": " + trace(t));
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static long[] counts(Database db) {
        return db.withHandle(h -> new long[] {
                h.createQuery("select count(*) from source_record").mapTo(Long.class).one(),
                h.createQuery("select count(*) from import_file").mapTo(Long.class).one(),
                h.createQuery("select count(*) from audit_event").mapTo(Long.class).one(),
        });
    }
}
