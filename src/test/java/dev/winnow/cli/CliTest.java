package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The command line as users and scripts drive it, on both databases. */
class CliTest {
    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    static Run run(String db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (db != null) {
            all.add("--db");
            all.add(db);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void createListShowAndStatus(TestDb kind) {
        String db = kind.freshUrl();
        Run created = run(db, "project", "create", "Early palliative care integration", "--kind", "scoping");
        assertThat(created.code()).isZero();
        assertThat(created.lastLine()).isEqualTo("early-palliative-care-integration");

        Run again = run(db, "project", "create", "Early palliative care integration");
        assertThat(again.lastLine()).isEqualTo("early-palliative-care-integration-2");

        Run list = run(db, "project", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("early-palliative-care-integration ").contains("scoping")
                .contains("Early palliative care integration");

        Run status = run(db, "status", "--project", "early-palliative-care-integration", "--json");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("\"sourceRecords\" : 0").contains("\"title-abstract\" : 0");

        Run show = run(db, "project", "show", "early-palliative-care-integration-2");
        assertThat(show.out()).contains("study records    0");
    }

    @Test
    void unknownProjectIsOneClearLineAndExitOne() {
        String db = TestDb.SQLITE.freshUrl();
        run(db, "project", "create", "Alpha");
        Run r = run(db, "status", "--project", "beta");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("winnow: no project 'beta'; projects here: alpha");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void debugShowsTheStackTrace() {
        Run r = run(TestDb.SQLITE.freshUrl(), "status", "--project", "beta", "--debug");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("UserError").contains("\tat ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run(null, "frobnicate").code()).isEqualTo(Cli.USAGE);
        assertThat(run(null, "project", "create").code()).isEqualTo(Cli.USAGE);
        Run badKind = run(TestDb.SQLITE.freshUrl(), "project", "create", "X", "--kind", "poem");
        // an option value outside its list is a usage error, like any malformed option (issue 21)
        assertThat(badKind.code()).isEqualTo(Cli.USAGE);
        assertThat(badKind.err()).contains("unknown review kind 'poem'");
    }

    @Test
    void badDatabaseUrlIsAClearError() {
        Run r = run("jdbc:mysql://localhost/x", "project", "list");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("unsupported database URL");
    }

    @Test
    void helpListsTheCommands() {
        Run r = run(null, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("project").contains("status").contains("serve");
    }

    @Test
    void everyCommandAnswersHelp() {
        Run r = run(null, "user", "grant", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: winnow user grant").contains("--project");
        assertThat(run(null, "chart", "map", "--help").out()).contains("--field");
    }

    @org.junit.jupiter.api.Test
    void userAdminMakesAnExistingUserAnAdministrator() {
        String db = TestDb.SQLITE.freshUrl();
        try (var d = dev.winnow.store.Database.open(db)) {
            var accounts = new dev.winnow.account.AccountService(d);
            accounts.addUser("alice", null, "alice password 1", false, "test");
            accounts.addUser("bob", null, "bob password 12", false, "test");
        }
        Run made = run(db, "user", "admin", "bob");
        assertThat(made.code()).isZero();
        assertThat(made.out()).contains("bob is an administrator");
        assertThat(run(db, "user", "list").out()).contains("bob  (admin)");
        Run missing = run(db, "user", "admin", "carol");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no user named 'carol'");
    }

    @org.junit.jupiter.api.Test
    void usageErrorsExitWith2AndADatabaseInAMissingFolderIsRefused() {
        String db = TestDb.SQLITE.freshUrl();
        Run kind = run(db, "project", "create", "Meta", "--kind", "meta");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("scoping, systematic, rapid or other");
        Run port = run(db, "serve", "--port", "99999");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be between 0 and 65535");
        java.nio.file.Path missing = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "winnow-no-such-folder-" + System.nanoTime(), "review.db");
        Run typo = run(missing.toString(), "project", "list");
        assertThat(typo.code()).isEqualTo(1);
        assertThat(typo.err()).contains("does not exist");
        assertThat(java.nio.file.Files.exists(missing.getParent())).isFalse();
    }
}
