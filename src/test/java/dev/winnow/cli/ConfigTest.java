package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from flags, then the environment, then winnow.conf. */
class ConfigTest {
    @TempDir
    Path dir;

    private CliTest.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), env, dir);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void environmentThenConfigFileThenFlag() throws Exception {
        String fromEnv = TestDb.SQLITE.freshUrl();
        String fromFile = TestDb.SQLITE.freshUrl();
        String fromFlag = TestDb.SQLITE.freshUrl();
        Files.writeString(dir.resolve("winnow.conf"), "# team settings\ndb = " + fromFile + "\n");

        assertThat(run(Map.of(), "project", "create", "From file").code()).isZero();
        assertThat(run(Map.of("WINNOW_DB", fromEnv), "project", "create", "From env").code()).isZero();
        assertThat(run(Map.of("WINNOW_DB", fromEnv), "project", "create", "From flag", "--db", fromFlag).code()).isZero();

        assertThat(run(Map.of(), "project", "list", "--db", fromFile).out()).contains("from-file").doesNotContain("from-env");
        assertThat(run(Map.of(), "project", "list", "--db", fromEnv).out()).contains("from-env").doesNotContain("from-flag");
        assertThat(run(Map.of(), "project", "list", "--db", fromFlag).out()).contains("from-flag").doesNotContain("from-env");
    }

    @Test
    void aMissingNamedConfigFileIsAClearError() {
        CliTest.Run r = run(Map.of("WINNOW_CONFIG", dir.resolve("nope.conf").toString()), "project", "list");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("WINNOW_CONFIG names").contains("nope.conf");
    }

    @Test
    void onlyKnownSettingsComeFromTheEnvironment() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        run(Map.of(), "project", "create", "Alpha", "--db", db);
        // WINNOW_FORMAT is not a setting: the audit command keeps its own default
        CliTest.Run r = run(Map.of("WINNOW_DB", db, "WINNOW_FORMAT", "json"), "audit", "--project", "alpha");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("No audit events yet");
    }

    @Test
    void serveTakesPortAndHostFromTheEnvironmentOrTheFile() throws Exception {
        Files.writeString(dir.resolve("winnow.conf"), "port=8181\nhost=0.0.0.0\n");
        picocli.CommandLine cmd = new picocli.CommandLine(new WinnowCommand());
        cmd.setDefaultValueProvider(new ConfigDefaults(Map.of("WINNOW_PORT", "9191"), dir));
        var parsed = cmd.parseArgs("serve");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(serve.port).isEqualTo(9191);
        assertThat(serve.host).isEqualTo("0.0.0.0");

        picocli.CommandLine plain = new picocli.CommandLine(new WinnowCommand());
        plain.setDefaultValueProvider(new ConfigDefaults(Map.of(), dir.resolve("elsewhere")));
        ServeCommand defaults = (ServeCommand) plain.parseArgs("serve").subcommand().commandSpec().userObject();
        assertThat(defaults.port).isEqualTo(7070);
        assertThat(defaults.host).isEqualTo("127.0.0.1");
    }
}
