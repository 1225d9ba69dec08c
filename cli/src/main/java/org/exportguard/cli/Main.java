package org.exportguard.cli;

import org.exportguard.cli.bench.BenchCommand;
import org.exportguard.cli.bench.BenchDealsCommand;
import org.exportguard.cli.bench.ImpactBench;
import org.exportguard.cli.bench.QueueBench;
import org.exportguard.cli.bench.StoreBench;
import org.exportguard.cli.deals.DealEvaluateCommand;
import org.exportguard.cli.deals.DealsCommand;
import org.exportguard.cli.deals.ImpactCommand;
import org.exportguard.cli.demo.DemoCommand;
import org.exportguard.cli.lists.FetchCommand;
import org.exportguard.cli.lists.ListsCommand;
import org.exportguard.cli.policy.PolicyCommand;
import org.exportguard.cli.policy.PolicyDiffCommand;
import org.exportguard.cli.screen.MatchCommand;
import org.exportguard.cli.screen.ScreenCommand;
import org.exportguard.cli.serve.ServeCommand;
import org.exportguard.cli.store.AuditCommand;
import org.exportguard.cli.store.UsersCommand;
import org.exportguard.lists.ListLoader;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.store.PolicyValidator;
import org.exportguard.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the {@code exportguard} command.
 *
 * <p>Exit codes: 0 success; 1 internal error (a bug: one line "exportguard: internal error: ..."); 2 usage error
 * (picocli's message and usage) or a problem with a list, policy or input file (one line "exportguard: error: ...");
 * 3 a batch had bad items (lines, each reported with its line number; list sources {@code lists fetch} could not
 * fetch): the others were processed; 4 the store refused
 * or could not do it (unreachable database, an existing user, an unknown name: one line "exportguard: error: ...");
 * 5 the audit chain is broken ({@code audit verify});
 * 6 a benchmark's self-check failed (its figures are printed, the failure in one line on stderr).
 * No stack trace ever reaches the user.
 */
@Command(name = "exportguard", mixinStandardHelpOptions = true, version = "exportguard 0.1.0",
        description = "Screens parties against restricted-party lists and decides export deals.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (a bug; please report it)",
                "2:usage error, or a problem with a list, policy or input file",
                "3:a batch had bad items (lines, reported with their line numbers; list sources that failed to fetch):"
                        + " the others were processed",
                "4:the store refused or could not do it (unreachable, conflict, not found)",
                "5:the audit chain is broken (audit verify)",
                "6:a benchmark's self-check failed (bench): its figures measure something else"})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_USER = 2;
    public static final int EXIT_BAD_LINES = 3;
    public static final int EXIT_STORE = 4;
    public static final int EXIT_AUDIT = 5;
    public static final int EXIT_BENCH_CHECK = 6;

    /** How {@code policy import} checks a pack: the policy module's loader, which validates on load. */
    static final PolicyValidator POLICY_VALIDATOR = dir -> {
        try {
            PackLoader.load(dir);
        } catch (PolicyFormatException e) {
            throw new PolicyValidator.InvalidPolicyException(e.getMessage(), e);
        }
    };

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code = run(System.out, System.err, args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command line on the process's streams and returns the exit code. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** Runs the command line writing to the given streams (UTF-8) and returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, ListLoader::load, args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)}, with lists from {@code lists} (tests use this). */
    public static int run(PrintStream out, PrintStream err, ListSource lists, String... args) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            Context ctx = new Context(o, e, lists, System.console() != null, POLICY_VALIDATOR);
            CommandLine cl = commandLine(ctx);
            return cl.execute(args);
        } catch (Throwable t) { // even an Error must not print a stack trace
            e.println("exportguard: internal error: " + describe(t));
            return EXIT_INTERNAL;
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The command tree. Commands get the context through their constructors. */
    static CommandLine commandLine(Context ctx) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("screen", new ScreenCommand(ctx));
        cl.addSubcommand("match", new MatchCommand(ctx));
        cl.addSubcommand("lists", new CommandLine(new ListsCommand())
                .addSubcommand("inspect", new ListsCommand.Inspect(ctx))
                .addSubcommand("diff", new ListsCommand.Diff(ctx))
                .addSubcommand("import", new ListsCommand.Import(ctx))
                .addSubcommand("fetch", new FetchCommand(ctx))
                .addSubcommand("export", new org.exportguard.cli.lists.ExportCommand(ctx))
                .addSubcommand("history", new ListsCommand.History(ctx)));
        cl.addSubcommand("policy", new CommandLine(new PolicyCommand())
                .addSubcommand("import", new PolicyCommand.Import(ctx))
                .addSubcommand("history", new PolicyCommand.History(ctx))
                .addSubcommand("diff", new PolicyDiffCommand(ctx)));
        cl.addSubcommand("users", new CommandLine(new UsersCommand())
                .addSubcommand("add", new UsersCommand.Add(ctx))
                .addSubcommand("list", new UsersCommand.ListUsers(ctx))
                .addSubcommand("revoke", new UsersCommand.Revoke(ctx)));
        cl.addSubcommand("audit", new CommandLine(new AuditCommand())
                .addSubcommand("verify", new AuditCommand.Verify(ctx))
                .addSubcommand("export", new AuditCommand.Export(ctx)));
        cl.addSubcommand("bench", new CommandLine(new BenchCommand())
                .addSubcommand("screen", new BenchCommand.Screen(ctx))
                .addSubcommand("deals", new BenchDealsCommand(ctx))
                .addSubcommand("store", new StoreBench(ctx))
                .addSubcommand("queue", new QueueBench(ctx))
                .addSubcommand("impact", new ImpactBench(ctx))
                .addSubcommand("spark-inputs", new org.exportguard.cli.bench.SparkInputsCommand(ctx))
                .addSubcommand("serve", new BenchCommand.Serve(ctx)));
        cl.addSubcommand("deals", new CommandLine(new DealsCommand())
                .addSubcommand("evaluate", new DealEvaluateCommand(ctx))
                .addSubcommand("add", new DealsCommand.Add(ctx))
                .addSubcommand("update", new DealsCommand.Update(ctx))
                .addSubcommand("close", new DealsCommand.Close(ctx))
                .addSubcommand("recheck", new DealsCommand.Recheck(ctx))
                .addSubcommand("show", new DealsCommand.Show(ctx)));
        cl.addSubcommand("impact", new ImpactCommand(ctx));
        cl.addSubcommand("serve", new ServeCommand(ctx));
        cl.addSubcommand("demo", new DemoCommand(ctx));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserException) {
                err.println("exportguard: error: " + CliText.oneLine(ex.getMessage()));
                return EXIT_USER;
            }
            if (ex instanceof StoreException) {
                err.println("exportguard: error: " + CliText.oneLine(ex.getMessage()));
                return EXIT_STORE;
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println(pe.getMessage());
                pe.getCommandLine().usage(err);
                return EXIT_USER;
            }
            err.println("exportguard: internal error: " + describe(ex));
            return EXIT_INTERNAL;
        });
        return cl;
    }

    static String describe(Throwable t) {
        String msg = t.getMessage();
        return CliText.oneLine(t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg));
    }

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
