package dev.winnow.cli;

import picocli.CommandLine.Command;

/** {@code winnow bench NAME}: the benchmarks of BENCHMARKS.md (not part of the test suite). */
@Command(name = "bench", description = "Benchmarks (BENCHMARKS.md): measure and compare with the anchors.",
        subcommands = {BenchRankCommand.class})
public final class BenchCommand {
}
