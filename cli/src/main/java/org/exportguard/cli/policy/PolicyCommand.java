package org.exportguard.cli.policy;

import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.UserException;
import org.exportguard.cli.deals.DealsCommand;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.cli.store.VersionsCommands;
import org.exportguard.store.ImportResult;
import org.exportguard.store.PolicyValidator;
import org.exportguard.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.service.impact.ImportOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code exportguard policy ...}: policy pack versions and diffs. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Works with policy packs: import, history, diff.")
public final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code policy import DIR}: checks the pack with the context's {@link PolicyValidator}, then stores it. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Stores the YAML files of a policy pack folder as a new policy version, after checking them;",
                    "the same content again is a no-op that says so."})
    public static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "A policy pack folder (its *.yaml / *.yml files are stored).")
        Path dir;

        @Option(names = "--source", paramLabel = "ID", description = "What the pack is (default: the folder's name).")
        String source;

        @Option(names = "--effective", paramLabel = "DATE", description = "The date it takes effect, YYYY-MM-DD (default: on import).")
        LocalDate effective;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Import(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(dir)) {
                throw UserException.at(dir, 0, null, "no such folder");
            }
            ImportOutcome r;
            try (Store s = store.openOrCreate()) {
                r = new Desk(s).importPolicy(dir, source, effective, store.actor(), ctx.policyValidator());
            } catch (ServiceException e) {
                if (e.getCause() instanceof PolicyValidator.InvalidPolicyException) {
                    throw new UserException(e.getMessage() + " (nothing imported)", e);
                }
                throw DealsCommand.failure(e);
            }
            ctx.out().println(VersionsCommands.imported("policy", r.imported()));
            ctx.out().println(VersionsCommands.impact(r));
            return Main.EXIT_OK;
        }
    }

    /** {@code policy history}: the stored policy versions. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "Lists the stored policy versions, oldest first.")
    public static final class History implements Callable<Integer> {
        @Option(names = "--json", description = "JSON instead of a table.")
        boolean json;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public History(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().print(VersionsCommands.history("policy", store.with(s -> s.policies().versions().history()), json));
            return Main.EXIT_OK;
        }
    }
}
