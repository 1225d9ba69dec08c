package org.exportguard.cli.deals;

import org.exportguard.cli.CliText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.cli.io.AtomicOutput;
import org.exportguard.cli.store.ListAgeOptions;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.json.Json;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.pack.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code exportguard deal evaluate}: one deal file (a table, or {@code --json}), or a JSON-lines batch. In a batch
 * a bad line is reported with its line number (on stderr, and as an {@code error} line in the output, so output
 * line N still answers input deal N) and the other deals are still evaluated; the exit code is then 3.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decides a deal: CLEARED, LICENCE_REQUIRED, REVIEW or BLOCKED under every regime that applies,",
                "with the rule, reason, citation and source of every finding.",
                "Give DEAL.json, or a batch with --input deals.jsonl --output decisions.jsonl."})
public final class DealEvaluateCommand implements Callable<Integer> {
    /** Deals per chunk of a batch: read and parsed on this thread, evaluated on all cores, written in order. */
    private static final int CHUNK = 2048;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEAL.json", arity = "0..1", description = "The deal (see docs/deal.schema.json).")
    Path dealFile;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Decide as of this day (default: each deal's date).")
    String asOf;

    @Option(names = "--policy", paramLabel = "DIR", description = "A policy pack folder (default: the pack shipped in the jar).")
    Path policy;

    @Option(names = "--list", paramLabel = "PATH",
            description = "A list file or folder (repeatable; default: the latest version of each list imported into "
                    + "the store (--data-dir / --db), which must exist; a store without lists makes every regime that needs one REVIEW).")
    List<Path> lists = new ArrayList<>();

    @Mixin
    StoreOptions store;

    @Mixin
    ListAgeOptions listAge;

    @Option(names = "--json", description = "The decision as JSON instead of a table.")
    boolean json;

    @Option(names = "--input", paramLabel = "JSONL", description = "Batch input: one deal per line.")
    Path input;

    @Option(names = "--output", paramLabel = "JSONL",
            description = "Batch output: one decision per deal line, in input order; written atomically.")
    Path output;

    private final Context ctx;

    public DealEvaluateCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate day = asOfDate();
        if (input != null || output != null) {
            if (input == null || output == null) {
                throw Options.usage(spec, "--input and --output go together");
            }
            if (dealFile != null) {
                throw Options.usage(spec, "Give DEAL.json or --input, not both");
            }
            return batch(day);
        }
        if (dealFile == null) {
            throw Options.usage(spec, "Missing DEAL.json (or --input JSONL --output JSONL)");
        }
        String text = readAll(dealFile);
        DealEvaluator evaluator = new DealEvaluator(DealInputs.pack(policy), DealInputs.screener(ctx, lists, store, listAge.staleness()));
        Deal deal;
        try {
            deal = new DealParser(evaluator.pack()).parse(text);
        } catch (DealFormatException e) {
            throw UserException.at(dealFile, 0, null, e.getMessage());
        }
        Decision d = evaluator.evaluate(deal, day != null ? day : deal.date());
        if (json) {
            ctx.out().println(Json.pretty(d.toJsonNode()));
        } else {
            ctx.out().print(CliText.safe(DecisionTable.render(d)));
        }
        return Main.EXIT_OK;
    }

    private LocalDate asOfDate() {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw Options.usage(spec, "Invalid value for option '--as-of': '" + asOf + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** One batch line: its number, and the deal or the problem. */
    private record Line(long number, Deal deal, String problem) {
    }

    private int batch(LocalDate day) throws Exception {
        if (!Files.exists(input)) {
            throw UserException.at(input, 0, null, "no such file");
        }
        DealEvaluator evaluator = new DealEvaluator(DealInputs.pack(policy), DealInputs.screener(ctx, lists, store, listAge.staleness()));
        DealParser parser = new DealParser(evaluator.pack());
        long start = System.nanoTime();
        long deals = 0;
        long bad = 0;
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        try (AtomicOutput out = AtomicOutput.create(output);
             BufferedReader r = new BufferedReader(new CheckedReader(Files.newInputStream(input), CheckedReader.MAX_LINE))) {
            Writer w = out.writer();
            long lineNo = 0;
            boolean more = true;
            while (more) {
                List<Line> chunk = new ArrayList<>(CHUNK);
                String s;
                while (chunk.size() < CHUNK && (s = readLine(r, lineNo + 1)) != null) {
                    lineNo++;
                    if (s.isBlank()) {
                        continue;
                    }
                    try {
                        chunk.add(new Line(lineNo, parser.parse(s), null));
                    } catch (DealFormatException e) {
                        chunk.add(new Line(lineNo, null, e.getMessage()));
                    }
                }
                more = chunk.size() == CHUNK;
                Decision[] decided = new Decision[chunk.size()];
                IntStream.range(0, chunk.size()).parallel().forEach(i -> {
                    Line l = chunk.get(i);
                    if (l.deal() != null) {
                        decided[i] = evaluator.evaluate(l.deal(), day != null ? day : l.deal().date());
                    }
                });
                for (int i = 0; i < chunk.size(); i++) {
                    Line l = chunk.get(i);
                    if (decided[i] != null) {
                        w.write(decided[i].toJson());
                        outcomes.merge(decided[i].outcome(), 1L, Long::sum);
                        deals++;
                    } else {
                        ObjectNode o = Json.object();
                        o.put("line", l.number());
                        o.put("error", l.problem());
                        w.write(Json.line(o));
                        ctx.err().println("exportguard: error: " + input + ":" + l.number() + ": " + l.problem());
                        bad++;
                    }
                    w.write('\n');
                }
            }
            out.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder counts = new StringBuilder();
        outcomes.forEach((o, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ').append(o));
        ctx.err().println(String.format(Locale.ROOT, "exportguard: evaluated %d deals (%s), %d bad lines, in %.2f s "
                + "-> %s", deals, counts.length() == 0 ? "none" : counts, bad, seconds, output));
        return bad > 0 ? Main.EXIT_BAD_LINES : Main.EXIT_OK;
    }

    private String readLine(BufferedReader r, long lineNo) throws IOException, UserException {
        try {
            return r.readLine();
        } catch (BadTextException e) {
            throw UserException.at(input, e.line(), null, e.problem());
        }
    }

    private static String readAll(Path file) throws UserException, IOException {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new CheckedReader(Files.newInputStream(file), CheckedReader.MAX_LINE))) {
            for (String s; (s = r.readLine()) != null; ) {
                sb.append(s).append('\n');
            }
        } catch (NoSuchFileException e) {
            throw UserException.at(file, 0, null, "no such file");
        } catch (BadTextException e) {
            throw UserException.at(file, e.line(), null, e.problem());
        }
        return sb.toString();
    }
}
