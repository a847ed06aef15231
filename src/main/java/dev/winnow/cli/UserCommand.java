package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.account.AccountService;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.UserStore.User;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow user add|password|list|token|grant}: the people who sign in to the web app. */
@Command(name = "user", description = "Add people who can sign in, set passwords, API tokens and project roles.",
        subcommands = {UserCommand.Add.class, UserCommand.Password.class, UserCommand.ListUsers.class,
                UserCommand.Token.class, UserCommand.Grant.class, UserCommand.Admin.class})
public final class UserCommand {

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /**
     * The password, never from an argument: one line of standard input with --password-stdin,
     * else asked twice on the terminal.
     */
    static String readPassword(boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UserError("--password-stdin: standard input held no password line");
                }
                return line;
            } catch (IOException e) {
                throw new UserError("--password-stdin: cannot read standard input: " + e.getMessage(), e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new UserError("no terminal to ask for the password: pipe it in with --password-stdin");
        }
        char[] a = console.readPassword("Password (at least %d characters): ", AccountService.MIN_PASSWORD);
        char[] b = console.readPassword("Same password again: ");
        if (a == null || b == null || !Arrays.equals(a, b)) {
            throw new UserError("the two passwords differ; nothing was changed");
        }
        return new String(a);
    }

    @Command(name = "add", description = "Add a person who can sign in (the first one is an administrator).")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name: lower-case letters, digits, . _ -")
        String name;

        @Option(names = "--admin", description = "Make this person an administrator (may create projects).")
        boolean admin;

        @Option(names = "--display-name", paramLabel = "TEXT", description = "The name shown in the app.")
        String displayName;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = readPassword(passwordStdin);
            try (Database db = Context.open(spec)) {
                User u = new AccountService(db).addUser(name, displayName, password, admin, actor());
                spec.commandLine().getOut().println("Added " + (u.admin() ? "administrator " : "user ") + u.username());
            }
            return Cli.OK;
        }
    }

    @Command(name = "password", description = "Set a person's password (signs out their sessions).")
    static final class Password implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = readPassword(passwordStdin);
            try (Database db = Context.open(spec)) {
                new AccountService(db).setPassword(name, password, actor());
                spec.commandLine().getOut().println("Password set for " + name);
            }
            return Cli.OK;
        }
    }

    @Command(name = "admin", description = "Make an existing user an administrator (may create projects), "
            + "or with --revoke no longer one.")
    static final class Admin implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--revoke", description = "Take the administrator role away instead.")
        boolean revoke;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                User u = new AccountService(db).setAdmin(name, !revoke, actor());
                spec.commandLine().getOut().println(u.username() + (u.admin() ? " is an administrator"
                        : " is no longer an administrator"));
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List the people who can sign in.")
    static final class ListUsers implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                List<User> users = new AccountService(db).list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.pretty(users));
                } else {
                    for (User u : users) {
                        out.println(u.username() + (u.admin() ? "  (admin)" : "") + (u.disabled() ? "  (disabled)" : ""));
                    }
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "token", description = "Create an API token for /api/v1 (printed once; keep it secret).")
    static final class Token implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--label", defaultValue = "api", paramLabel = "TEXT", description = "What the token is for.")
        String label;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                spec.commandLine().getOut().println(new AccountService(db).createApiToken(name, label, actor()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "grant", description = "Give a person a role in a project (owner, reviewer or viewer).")
    static final class Grant implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--project", required = true, paramLabel = "KEY")
        String project;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "owner, reviewer or viewer")
        String role;

        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (Database db = Context.open(spec)) {
                var p = new ProjectService(db).get(project);
                new TeamService(db).put(p, name, r, null);
                spec.commandLine().getOut().println(name + " is now " + r.label() + " of " + p.key());
            }
            return Cli.OK;
        }
    }
}
