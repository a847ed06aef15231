package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.ingest.Conversion;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow convert FILE --to FORMAT [-o OUT]}: read any supported file, write it in another format. */
@Command(name = "convert", description = "Convert a file of records to another format (no project, no database).")
public final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to read (its format is detected from its content).")
    Path file;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Read as this format instead of detecting it.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", completionCandidates = WritableFormats.class,
            description = "The format to write: ${COMPLETION-CANDIDATES}.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here (required for xlsx); default: standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Format target = writable(to);
        RecordWriter writer = Formats.writer(target).orElseThrow();
        Format source = from == null ? null : format(from, "--from");
        if (writer.binary() && output == null) {
            throw new UserError(target.id() + " is a binary format: give the output file with -o FILE");
        }
        if (output == null) {
            // read whole before anything is printed: a file broken half-way prints nothing
            List<Record> records = new ArrayList<>();
            Ingest.read(file, source, (ParsedRecord p) -> records.add(p.record()));
            PrintWriter out = spec.commandLine().getOut();
            writer.write(records, out);
            out.flush();
            return Cli.OK;
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError(output + ": the folder does not exist");
        }
        // written beside the target, then moved into place: a failure leaves no half-written file
        Path tmp = dir.resolve("." + output.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Conversion.Result done;
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                done = Conversion.convert(file, source, writer, os); // streamed: any size in a small heap
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println("Converted " + done.records() + " records from "
                    + done.info().format().id() + " (" + done.info().charset().name() + ") to " + target.id() + ": " + output);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Cli.OK;
    }

    private static Format writable(String text) {
        try {
            return Formats.writable(text);
        } catch (UserError e) {
            throw new UserError("--to: " + e.getMessage());
        }
    }

    private static Format format(String text, String option) {
        try {
            return Format.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }
}
