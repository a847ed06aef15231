package dev.winnow.app;

import dev.winnow.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the runnable jar: runs one command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(args, out, err);
        System.exit(code);
    }
}
