package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs one command line: parses it, runs the command, and turns failures into one clear line.
 * Exit codes: 0 success, 1 the input was bad (or the command could not do its work), 2 usage error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv(), java.nio.file.Path.of("").toAbsolutePath());
    }

    /** Runs with the given environment and working directory (where winnow.conf is looked for). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env,
                          java.nio.file.Path workingDir) {
        CommandLine cmd = new CommandLine(new WinnowCommand());
        try {
            cmd.setDefaultValueProvider(new ConfigDefaults(env, workingDir));
        } catch (UserError e) {
            err.println("winnow: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))
                    || hasDebugDeep(parseResult);
            err.println("winnow: " + message(ex));
            if (debug) {
                ex.printStackTrace(err);
            } else if (!(ex instanceof UserError) && !(ex instanceof StoreException)) {
                err.println("(run again with --debug to see where this came from)");
            }
            err.flush();
            return BAD_INPUT;
        });
        cmd.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            err.println("winnow: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            err.flush();
            return USAGE;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static boolean hasDebugDeep(CommandLine.ParseResult p) {
        CommandLine.ParseResult r = p;
        while (r != null) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
            r = r.subcommand();
        }
        return false;
    }

    static String message(Throwable ex) {
        if (ex instanceof UserError || ex instanceof StoreException) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return (m == null || m.isBlank()) ? ex.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
