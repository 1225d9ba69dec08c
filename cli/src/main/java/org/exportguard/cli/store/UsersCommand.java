package org.exportguard.cli.store;

import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.store.Role;
import org.exportguard.store.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code exportguard users ...}: API users and their tokens. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage API users and their tokens.")
public final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code users add NAME --role ROLE}: the token is printed once, as the last line. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds an API user; prints its new token ONCE, as the last line (only its hash is kept)."})
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The user's name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, analyst, approver or admin.")
        String role;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Add(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.parse(role);
            } catch (RuntimeException e) {
                throw Options.usage(spec, "Invalid value for option '--role': " + e.getMessage());
            }
            String token = store.withCreating(s -> s.users().add(name, r, store.actor()));
            ctx.out().println("added user " + name + " (" + r.label() + "); its API token, shown only now:");
            ctx.out().println(token);
            return Main.EXIT_OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users, their roles and state.")
    public static final class ListUsers implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        private final Context ctx;

        public ListUsers(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<User> users = store.with(s -> s.users().list());
            if (users.isEmpty()) {
                ctx.out().println("no users");
                return Main.EXIT_OK;
            }
            CliText.Table t = new CliText.Table("name", "role", "created at", "state");
            users.forEach(u -> t.row(u.name(), u.role().label(), u.createdAt(),
                    u.active() ? "active" : "revoked " + u.revokedAt()));
            ctx.out().print(t.render(""));
            return Main.EXIT_OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a user's token.")
    public static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The user's name.")
        String name;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Revoke(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            store.with(s -> {
                s.users().revoke(name, store.actor());
                return null;
            });
            ctx.out().println("revoked user " + name);
            return Main.EXIT_OK;
        }
    }
}
