package org.exportguard.cli.policy;

import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.deals.DealInputs;
import org.exportguard.json.Json;
import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code exportguard policy diff --from DATE --to DATE}: what changed in the policy between two days; with
 * {@code --old-policy DIR}, between an earlier pack on one day and the pack in use on another.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows what changed in the policy pack between two days: countries gained and lost by each",
                "group, rules added, removed and changed, and which destinations' decisions that can move."})
public final class PolicyDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "The earlier day (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "The later day (YYYY-MM-DD).")
    String to;

    @Option(names = "--policy", paramLabel = "DIR", description = "A policy pack folder (default: the pack shipped in the jar).")
    java.nio.file.Path policy;

    @Option(names = "--old-policy", paramLabel = "DIR", description = {"An earlier pack folder: compare it on --from "
            + "with the --policy pack (or the shipped one) on --to, e.g. before and after a correction of the pack."})
    java.nio.file.Path oldPolicy;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    private final Context ctx;

    public PolicyDiffCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate a = date("--from", from);
        LocalDate b = date("--to", to);
        PolicyPack pack = DealInputs.pack(policy);
        PolicyDiff d = oldPolicy == null ? PolicyDiff.between(pack, a, b)
                : PolicyDiff.between(DealInputs.pack(oldPolicy), a, pack, b);
        if (json) {
            ctx.out().println(Json.pretty(d.toJson()));
        } else {
            ctx.out().print(text(pack, d));
        }
        return Main.EXIT_OK;
    }

    private LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Options.usage(spec, "Invalid value for option '" + option + "': '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    static String text(PolicyPack pack, PolicyDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("policy ").append(pack.version()).append(": ").append(d.from()).append(" -> ").append(d.to())
          .append('\n');
        if (d.isEmpty()) {
            return sb.append("  no change\n").toString();
        }
        if (!d.groups().isEmpty()) {
            CliText.Table t = new CliText.Table("group", "gained", "lost", "before", "after");
            for (PolicyDiff.GroupChange g : d.groups()) {
                t.row(g.group(), String.join(" ", g.gained()), String.join(" ", g.lost()), g.before(), g.after());
            }
            sb.append("Country groups\n").append(t.render("  "));
        }
        if (!d.rulesAdded().isEmpty() || !d.rulesRemoved().isEmpty() || !d.rulesChanged().isEmpty()) {
            CliText.Table t = new CliText.Table("change", "rule", "regime", "outcome", "in force", "fields");
            for (Rule r : d.rulesAdded()) {
                t.row("added", r.id(), r.regime(), r.outcome(), period(r), "");
            }
            for (Rule r : d.rulesRemoved()) {
                t.row("removed", r.id(), r.regime(), r.outcome(), period(r), "");
            }
            for (PolicyDiff.RuleChange c : d.rulesChanged()) {
                t.row("changed", c.id(), c.after().regime(), c.after().outcome(), period(c.after()),
                        String.join(", ", c.fields()));
            }
            sb.append("Rules\n").append(t.render("  "));
        }
        PolicyDiff.Impact i = d.impact();
        sb.append("Decisions that can move: ").append(i.allDestinations() ? "deals to any destination"
                : "deals to " + String.join(", ", i.countries())).append('\n');
        return sb.toString();
    }

    private static String period(Rule r) {
        return (r.from() == null ? "..." : r.from().toString()) + " to " + (r.to() == null ? "..." : r.to().toString());
    }
}
