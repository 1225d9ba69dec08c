package org.exportguard.cli.deals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.UserException;
import org.exportguard.cli.store.ListAgeOptions;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.json.Json;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;
import org.exportguard.service.DealInputException;
import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.StoredDecision;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code exportguard deals ...} (also {@code deal ...}): decide deals without keeping them ({@code evaluate}), or keep
 * them in the store, decided as of their export date and re-decided whenever a list or policy import touches them
 * ({@code add}, {@code update}, {@code close}, {@code show}).
 */
@Command(name = "deals", aliases = "deal", mixinStandardHelpOptions = true,
        description = "Decides export deals under the policy pack, and keeps them in the store.")
public final class DealsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The deals of a JSON-lines file, each with its line number; blank lines skipped. */
    record Lines(List<String> jsons, List<Long> lineNumbers) {
    }

    static Lines readLines(Path input) throws UserException, IOException {
        List<String> jsons = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new CheckedReader(Files.newInputStream(input), CheckedReader.MAX_LINE))) {
            long n = 0;
            for (String s; (s = r.readLine()) != null; ) {
                n++;
                if (!s.isBlank()) {
                    jsons.add(s);
                    numbers.add(n);
                }
            }
        } catch (NoSuchFileException e) {
            throw UserException.at(input, 0, null, "no such file");
        } catch (BadTextException e) {
            throw UserException.at(input, e.line(), null, e.problem() + " (nothing stored)");
        }
        return new Lines(jsons, numbers);
    }

    static String whole(Path file) throws UserException, IOException {
        Lines l = readLines(file);
        return String.join("\n", l.jsons());
    }

    /** A service failure as the CLI reports it: the store's own failures exit 4, the rest are the user's to fix. */
    public static Exception failure(ServiceException e) {
        if (e.getCause() instanceof org.exportguard.store.StoreException se
                && !(se instanceof org.exportguard.store.NotFoundException)
                && !(se instanceof org.exportguard.store.ConflictException)
                && !(se instanceof org.exportguard.store.FourEyesException)) {
            return se;
        }
        return new UserException(e.getMessage(), e);
    }

    /** {@code deals add --input deals.jsonl}: stores and decides deals, all or none. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Stores deals (one JSON object a line, see docs/deal.schema.json) and decides each as of its",
                    "export date against the lists and policy in the store. All or none: a bad line stores nothing."})
    public static final class Add implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "JSONL", description = "The deals, one a line.")
        Path input;

        @Option(names = "--json", description = "Print the outcome of each deal as JSON.")
        boolean json;

        @Mixin
        StoreOptions store;

        @Mixin
        ListAgeOptions listAge;

        private final Context ctx;

        public Add(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Lines lines = readLines(input);
            if (lines.jsons().isEmpty()) {
                throw UserException.at(input, 0, null, "no deals in the file");
            }
            List<Desk.DealOutcome> added;
            try (Store s = store.open()) {
                added = new Desk(s, listAge.staleness()).addDeals(lines.jsons(), store.actor());
            } catch (DealInputException e) {
                throw UserException.at(input, lines.lineNumbers().get(e.index()), null, e.getMessage()
                        + " (nothing stored)");
            } catch (ServiceException e) {
                throw failure(e);
            }
            Map<String, Long> outcomes = new TreeMap<>();
            added.forEach(a -> outcomes.merge(a.decision().outcome().name(), 1L, Long::sum));
            if (json) {
                ObjectNode o = Json.object();
                o.put("added", added.size());
                ObjectNode oc = o.putObject("outcomes");
                outcomes.forEach(oc::put);
                ArrayNode deals = o.putArray("deals");
                added.forEach(a -> deals.addObject().put("id", a.dealId()).put("outcome",
                        a.decision().outcome().name()));
                ctx.out().println(Json.pretty(o));
                return Main.EXIT_OK;
            }
            if (added.size() <= 50) {
                CliText.Table t = new CliText.Table("deal", "export date", "outcome");
                added.forEach(a -> t.row(a.dealId(), a.decision().asOf(), a.decision().outcome()));
                ctx.out().print(t.render(""));
            }
            ctx.out().println("added " + added.size() + " deals: " + outcomes.toString().replaceAll("[{}]", "")
                    .replace("=", " "));
            return Main.EXIT_OK;
        }
    }

    /** {@code deals update ID DEAL.json}: replaces an open deal and decides it again. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Replaces an open deal with DEAL.json (same id) and decides it again; its history is kept.")
    public static final class Update implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "DEAL.json")
        Path file;

        @Mixin
        StoreOptions store;

        @Mixin
        ListAgeOptions listAge;

        private final Context ctx;

        public Update(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String text = whole(file);
            Desk.DealOutcome o;
            try (Store s = store.open()) {
                o = new Desk(s, listAge.staleness()).updateDeal(id, text, store.actor());
            } catch (DealInputException e) {
                throw UserException.at(file, 0, null, e.getMessage() + " (nothing stored)");
            } catch (ServiceException e) {
                throw failure(e);
            }
            ctx.out().println(CliText.safe("updated deal " + id + ": " + o.decision().outcome() + " as of "
                    + o.decision().asOf()));
            return Main.EXIT_OK;
        }
    }

    /** {@code deals close ID}. */
    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Closes a deal: it keeps its history but is no longer re-decided on changes.")
    public static final class Close implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Mixin
        StoreOptions store;

        @Mixin
        ListAgeOptions listAge;

        private final Context ctx;

        public Close(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Store s = store.open()) {
                new Desk(s, listAge.staleness()).closeDeal(id, store.actor());
            } catch (ServiceException e) {
                throw failure(e);
            }
            ctx.out().println(CliText.safe("closed deal " + id));
            return Main.EXIT_OK;
        }
    }

    /**
     * {@code deals recheck}: on demand, what {@code serve} does periodically: the open deals last decided before a
     * list source in force went over its staleness limit are decided again (REVIEW naming the stale source), recorded
     * with a change report as any re-decision.
     */
    @Command(name = "recheck", mixinStandardHelpOptions = true,
            description = {"Decides again the open deals last decided before a list source in force went over its",
                    "staleness limit (they become REVIEW naming it), as serve does periodically; recorded with a",
                    "change report (exportguard impact). Only those deals: a deal decided since already says so."})
    public static final class Recheck implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Mixin
        ListAgeOptions listAge;

        private final Context ctx;

        public Recheck(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            org.exportguard.service.impact.ImportOutcome o;
            try (Store s = store.open()) {
                o = new Desk(s, listAge.staleness()).recheckListAges(store.actor());
            } catch (ServiceException e) {
                throw failure(e);
            }
            if (o == null) {
                ctx.out().println("no open deal was decided before a list source in force went over its staleness "
                        + "limit: nothing re-decided");
            } else {
                ctx.out().println(org.exportguard.cli.store.VersionsCommands.impact(o));
                ctx.out().print(ImpactCommand.text(Json.MAPPER.readTree(o.reportJson())));
            }
            return Main.EXIT_OK;
        }
    }

    /** {@code deals show ID}: the deal, its current outcome and its decision history. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a stored deal, its current outcome and the history of its decisions.")
    public static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "JSON (with every decision in full) instead of text.")
        boolean json;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Show(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            StoredDeal d = store.with(s -> s.deals().get(id)).orElseThrow(
                    () -> new UserException("no deal " + id + " in " + store.location().describe()));
            if (json) {
                ObjectNode o = Json.object();
                o.put("id", d.deal().id());
                o.put("status", d.status());
                o.put("outcome", d.outcome());
                o.set("deal", Json.MAPPER.readTree(d.deal().json()));
                ArrayNode h = o.putArray("decisions");
                for (StoredDecision x : d.decisions()) {
                    ObjectNode e = h.addObject();
                    e.put("seq", x.seq());
                    e.put("decidedAt", x.createdAt());
                    e.put("reason", x.reason());
                    e.put("outcome", x.outcome());
                    e.set("decision", Json.MAPPER.readTree(x.decisionJson()));
                }
                ctx.out().println(Json.pretty(o));
                return Main.EXIT_OK;
            }
            ctx.out().println(CliText.safe("deal " + d.deal().id() + " (" + d.status() + "): " + d.outcome()
                    + ", export date " + d.deal().exportDate() + ", to " + d.deal().destination() + ", parties "
                    + String.join("; ", d.deal().partyNames())));
            CliText.Table t = new CliText.Table("#", "decided at", "as of", "outcome", "lists", "policy", "why");
            for (StoredDecision x : d.decisions()) {
                t.row(x.seq(), x.createdAt(), x.asOf(), x.outcome(), x.listVersionIds(),
                        x.policyVersionId() == null ? "shipped" : x.policyVersionId(), x.reason());
            }
            ctx.out().print(t.render(""));
            StoredDecision last = d.decisions().isEmpty() ? null : d.decisions().get(d.decisions().size() - 1);
            if (last != null) {
                JsonNode dec = Json.MAPPER.readTree(last.decisionJson());
                ctx.out().println("current findings:");
                for (JsonNode r : dec.path("regimes")) {
                    for (JsonNode f : r.path("findings")) {
                        ctx.out().println("  " + CliText.oneLine(f.path("outcome").asText() + "  "
                                + f.path("rule").asText() + ": " + f.path("reason").asText() + " ["
                                + f.path("citation").asText() + "; verified: " + f.path("verified").asText() + "]"));
                    }
                }
            }
            return Main.EXIT_OK;
        }
    }
}
