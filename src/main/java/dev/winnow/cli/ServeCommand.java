package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.store.Database;
import dev.winnow.web.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow serve}: the web application, until interrupted. */
@Command(name = "serve", description = "Start the web application (Ctrl-C stops it).")
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "PORT",
            description = "Port to listen on (default $WINNOW_PORT or 7070; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--trusted-proxies", paramLabel = "ADDRS",
            description = "Reverse proxies (comma-separated IP addresses) whose X-Forwarded-For names the client, "
                    + "for sign-in throttling (default $WINNOW_TRUSTED_PROXIES; none).")
    String trustedProxies;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            // a usage error (exit 2), as picocli's own for a malformed option
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, not " + port);
        }
        dev.winnow.web.WebOptions options = dev.winnow.web.WebOptions.fromEnvironment(trustedProxies);
        Database db = Context.open(spec);
        WebServer server;
        try {
            server = new WebServer(db, options).start(host, port);
        } catch (RuntimeException e) {
            db.close();
            throw new UserError("cannot listen on " + host + ":" + port + ": " + Cli.message(e.getCause() == null ? e : e.getCause()), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "winnow-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("Winnow is serving http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port()
                + "/ on " + db.describe() + " (Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return Cli.OK;
    }
}
