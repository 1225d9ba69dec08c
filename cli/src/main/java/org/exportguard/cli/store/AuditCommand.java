package org.exportguard.cli.store;

import org.exportguard.cli.CliText;

import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.io.AtomicOutput;
import org.exportguard.store.AuditVerification;
import org.exportguard.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code exportguard audit ...}: the tamper-evident audit chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check and export the audit chain.")
public final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code audit verify}: exit 0 when intact, 3 naming the first bad record. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks every record's hash and link, in order; exit 0 when the chain is intact,",
                    "3 naming the first bad record (seq and what is wrong)."})
    public static final class Verify implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Verify(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            AuditVerification v = store.with(s -> s.audit().verify());
            if (v.intact()) {
                ctx.out().println("audit chain intact: " + v.records() + " records, head " + v.headHash());
                return Main.EXIT_OK;
            }
            if (!v.rows().isEmpty()) { // the chain holds, the rows it vouches for do not: name every one
                for (String row : v.rows()) {
                    ctx.err().println(CliText.oneLine("exportguard: error: " + row));
                }
                ctx.err().println("exportguard: error: " + v.rows().size() + (v.rows().size()
                        >= org.exportguard.store.AuditVerification.MAX_ROWS ? " or more" : "") + " stored rows differ "
                        + "from what the audit chain vouches for (" + v.records() + " records, chain intact)");
                return Main.EXIT_AUDIT;
            }
            ctx.err().println("exportguard: error: audit chain broken at record " + v.badSeq() + ": " + v.problem()
                    + " (" + v.records() + " records before it are intact)");
            return Main.EXIT_AUDIT;
        }
    }

    /** {@code audit export}: JSON lines, one per record, in seq order. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes every audit record as one JSON line (seq, at, actor, action, subject, details, prevHash, hash).")
    public static final class Export implements Callable<Integer> {
        @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (complete or not at all) instead of stdout.")
        Path output;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Export(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Store s = store.open()) {
                if (output == null) {
                    s.audit().export(ctx.out());
                    ctx.out().flush();
                    return Main.EXIT_OK;
                }
                try (AtomicOutput out = AtomicOutput.create(output)) {
                    long n = s.audit().export(out.writer());
                    out.commit();
                    ctx.err().println("wrote " + n + " audit records to " + output);
                }
            }
            return Main.EXIT_OK;
        }
    }
}
