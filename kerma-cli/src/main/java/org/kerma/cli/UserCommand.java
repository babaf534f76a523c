package org.kerma.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma user}: the accounts of the web dashboard and REST API, in the index database of {@code --data} (or
 * {@code --db}): {@code add}, {@code token}, {@code list}, {@code remove}. Works while {@code kerma serve} runs on
 * the same data (it opens only the database, not the archive). Changes are audit-logged as {@code cli}.
 */
@Command(name = "user", description = "Add, list and remove users of the web dashboard and REST API; issue tokens.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {UserCommand.Add.class, UserCommand.Token.class, UserCommand.List.class,
            UserCommand.Remove.class})
final class UserCommand {
    private static final String CLI = "cli";

    /** Opens the index database of these options (creating the data directory for a first user). */
    static IndexDatabase open(RegistryOptions options) throws IOException {
        var config = options.config();
        if (config.databaseUrl() == null) {
            Files.createDirectories(config.dataDirectory());
        }
        return IndexDatabase.open(config.effectiveDatabaseUrl());
    }

    @Command(name = "add", description = "Add a user with a role: viewer (no patient identifiers), physicist or"
            + " admin. The password is asked for, or read from the first line of --password-file.")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private RegistryOptions registry;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        private String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, physicist or admin.")
        private String role;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file.")
        private Path passwordFile;

        @Override
        public Integer call() throws Exception {
            Role r = Role.parse(role);
            char[] password = password();
            try (IndexDatabase index = open(registry)) {
                Accounts accounts = new Accounts(index);
                Accounts.User user = accounts.add(name, r, password);
                accounts.audit(CLI, "USER_ADDED", user.name() + " as " + r.label(), null);
                spec.commandLine().getOut().println("added " + user.name() + " (" + r.label() + ")");
            }
            return Kerma.EXIT_OK;
        }

        private char[] password() throws IOException {
            if (passwordFile != null) {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                return text.lines().findFirst().orElse("").toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new IOException("no terminal to ask for the password of " + name + "; use --password-file");
            }
            char[] first = console.readPassword("password for %s: ", name);
            char[] again = console.readPassword("again: ");
            if (first == null || !java.util.Arrays.equals(first, again)) {
                throw new IOException("the two passwords differ");
            }
            return first;
        }
    }

    @Command(name = "token", description = "Issue a bearer token for the REST API (Authorization: Bearer TOKEN).")
    static final class Token implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private RegistryOptions registry;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        private String name;
        @Option(names = "--days", paramLabel = "N", defaultValue = "30",
                description = "How long the token is valid (default: ${DEFAULT-VALUE} days).")
        private int days;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 3660) {
                throw new IllegalArgumentException("--days must be 1 to 3660, was " + days);
            }
            try (IndexDatabase index = open(registry)) {
                Accounts accounts = new Accounts(index);
                Accounts.User user = accounts.user(name).orElseThrow(() -> new IllegalArgumentException(
                        "no user named " + name + " (kerma user list shows them)"));
                String token = accounts.issueToken(user, Duration.ofDays(days));
                accounts.audit(user.name(), "TOKEN_ISSUED", "kerma user token, " + days + " days", null);
                spec.commandLine().getOut().println(token);
            }
            return Kerma.EXIT_OK;
        }
    }

    @Command(name = "list", description = "List the users and their roles.")
    static final class List implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private RegistryOptions registry;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (IndexDatabase index = open(registry)) {
                for (Accounts.User u : new Accounts(index).users()) {
                    out.printf("%-24s %-10s added %s%n", u.name(), u.role().label(),
                            Instant.ofEpochMilli(u.createdAt()));
                }
            }
            return Kerma.EXIT_OK;
        }
    }

    @Command(name = "remove", description = "Remove a user with their sessions and tokens.")
    static final class Remove implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private RegistryOptions registry;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        private String name;

        @Override
        public Integer call() throws Exception {
            try (IndexDatabase index = open(registry)) {
                Accounts accounts = new Accounts(index);
                if (!accounts.remove(name)) {
                    throw new IllegalArgumentException("no user named " + name);
                }
                accounts.audit(CLI, "USER_REMOVED", name, null);
                spec.commandLine().getOut().println("removed " + name);
            }
            return Kerma.EXIT_OK;
        }
    }
}
