package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.bench.Conformance;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.record.Record;
import dev.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow convert} and {@code winnow bench conformance} as users run them. */
class ConvertCommandTest {
    @TempDir Path dir;

    static final String BIB = """
            @article{smith2020, author = {Smith, Jane and {WHO}}, title = {Early palliative care},
              journal = {BMJ}, year = 2020, pages = {1--9}, doi = {10.1136/bmj.1}}
            @book{jones2001, author = {Jones, A}, title = {A book}, year = {2001}}
            """;

    @Test
    void convertsToEveryWritableFormat() throws IOException {
        Path in = dir.resolve("in.bib");
        Files.writeString(in, BIB);
        CliTest.Run json = CliTest.run(null, "convert", in.toString(), "--to", "csl-json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).startsWith("[ {").contains("\"title\" : \"Early palliative care\"").contains("\"literal\" : \"WHO\"");

        CliTest.Run ris = CliTest.run(null, "convert", in.toString(), "--to", "ris");
        assertThat(ris.out()).startsWith("TY  - JOUR").contains("TY  - BOOK");

        CliTest.Run csv = CliTest.run(null, "convert", in.toString(), "--from", "bibtex", "--to", "csv");
        assertThat(csv.out().lines().count()).isEqualTo(3);

        Path out = dir.resolve("out.bib");
        CliTest.Run bib = CliTest.run(null, "convert", in.toString(), "--to", "bibtex", "-o", out.toString());
        assertThat(bib.code()).isZero();
        assertThat(bib.out().strip()).isEqualTo("Converted 2 records from bibtex (UTF-8) to bibtex: " + out);
        List<Record> back = Ingest.readAll(out, null).stream().map(p -> p.record()).toList();
        List<Record> orig = Ingest.readAll(in, Format.BIBTEX).stream().map(p -> p.record()).toList();
        assertThat(back).isEqualTo(orig);

        Path xlsx = dir.resolve("out.xlsx");
        assertThat(CliTest.run(null, "convert", in.toString(), "--to", "xlsx", "-o", xlsx.toString()).code()).isZero();
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
        try (var files = Files.list(dir)) {
            assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void badInputIsOneLineAndExitOne() throws IOException {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "just some notes\n");
        CliTest.Run r = CliTest.run(null, "convert", junk.toString(), "--to", "ris");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("winnow: notes.txt, line 1: not a bibliographic file");

        Path gz = Files.write(dir.resolve("refs.bib.gz"), dev.winnow.ingest.BinaryFilesTest.gzip(BIB));
        CliTest.Run z = CliTest.run(null, "convert", gz.toString(), "--to", "ris", "-o", dir.resolve("z.ris").toString());
        assertThat(z.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(z.err().strip()).isEqualTo("winnow: refs.bib.gz: a gzip-compressed file, not a bibliographic export: "
                + "decompress it first (gunzip refs.bib.gz) and import the file inside");
        assertThat(dir.resolve("z.ris")).doesNotExist();
        Path png = Files.write(dir.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        CliTest.Run image = CliTest.run(null, "convert", png.toString(), "--to", "ris");
        assertThat(image.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(image.err().strip()).startsWith("winnow: chart.png: a PNG image, not a bibliographic export").doesNotContain("\n");
        assertThat(image.out()).isEmpty();

        Path broken = dir.resolve("broken.bib");
        Files.writeString(broken, "@article{a,\n  title = {x}\n  year = 2000}\n");
        CliTest.Run b = CliTest.run(null, "convert", broken.toString(), "--to", "ris", "-o", dir.resolve("o.ris").toString());
        assertThat(b.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(b.err().strip()).isEqualTo("winnow: broken.bib, line 3: expected ',' or '}' after the value of 'title', found 'y'");
        assertThat(dir.resolve("o.ris")).doesNotExist();
        // broken after thousands of records (more than the conversion queue holds): still nothing left behind
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            many.append("@article{a").append(i).append(", title = {Study ").append(i).append("}, year = 2000}\n");
        }
        Path late = Files.writeString(dir.resolve("late.bib"), many + "@article{z,\n  title = {x}\n  year = 2000}\n");
        CliTest.Run l = CliTest.run(null, "convert", late.toString(), "--to", "csv", "-o", dir.resolve("late.csv").toString());
        assertThat(l.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(l.err()).startsWith("winnow: late.bib, line 3003: expected ',' or '}'");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("late.csv") || n.endsWith(".tmp"));
        }

        assertThat(CliTest.run(null, "convert", junk.toString(), "--to", "xlsx").err())
                .isEqualTo("winnow: xlsx is a binary format: give the output file with -o FILE\n");
        assertThat(CliTest.run(null, "convert", junk.toString(), "--to", "docx").err())
                .startsWith("winnow: --to: unknown format 'docx'");
        assertThat(CliTest.run(null, "convert", dir.resolve("missing.ris").toString(), "--to", "ris").code())
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(CliTest.run(null, "convert", junk.toString()).code()).isEqualTo(Cli.USAGE);
    }

    @Test
    void toNamesOnlyTheFormatsWinnowWrites() throws IOException {
        Path in = Files.writeString(dir.resolve("in.bib"), BIB);
        String writable = "csl-json, ris, bibtex, csv, xlsx";
        CliTest.Run help = CliTest.run(null, "convert", "--help");
        assertThat(help.code()).isZero();
        String to = help.out().substring(help.out().indexOf("--to"));
        assertThat(to.replaceAll("\\s+", " ")).contains("The format to write: " + writable + ".");
        assertThat(help.out()).doesNotContain("medline").doesNotContain("pubmed-xml").doesNotContain("endnote");

        CliTest.Run readOnly = CliTest.run(null, "convert", in.toString(), "--to", "medline");
        assertThat(readOnly.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(readOnly.err()).isEqualTo("winnow: --to: Winnow cannot write medline files (it only reads them): expected "
                + writable + "\n");
        CliTest.Run unknown = CliTest.run(null, "convert", in.toString(), "--to", "docx");
        assertThat(unknown.err()).isEqualTo("winnow: --to: unknown format 'docx': expected " + writable + "\n");
        assertThat(CliTest.run(null, "convert", in.toString(), "--to", "bib").out()).startsWith("@article{smith2020,");

        CliTest.Run export = CliTest.run(null, "export", "--help");
        assertThat(export.out().replaceAll("\\s+", " ")).contains("The format to write: " + writable + " (default ris;");
    }

    @Test
    void benchConformancePrintsThePerFormatTable() {
        Path fixtures = SharedData.require(Conformance.FIXTURES);
        CliTest.Run r = CliTest.run(null, "bench", "conformance", fixtures.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("format").contains("PubMed XML").contains("EndNote XML").contains("overall");
        assertThat(r.out().lines().filter(l -> l.startsWith("EndNote XML")).findFirst().orElseThrow()).endsWith("100.0%");
    }
}
