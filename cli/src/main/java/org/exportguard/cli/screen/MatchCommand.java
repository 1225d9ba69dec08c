package org.exportguard.cli.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.cli.io.CsvInput;
import org.exportguard.core.match.MatchResult;
import org.exportguard.core.match.NameLimits;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyType;
import org.exportguard.json.Json;
import org.exportguard.json.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code exportguard match}: the score of one name against another, or of every pair in a CSV. */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores NAME1 against NAME2 and explains the score.",
                "Or scores every pair of a CSV (--pairs, header id,name1,name2[,type]) into JSON lines (--output)."})
public final class MatchCommand implements Callable<Integer> {
    static final List<String> PAIR_COLUMNS = List.of("id", "name1", "name2");

    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", converter = PartyTypes.class,
            description = "What the names are: person, organization, vessel or aircraft (default: any).")
    PartyType type = PartyType.UNKNOWN;

    @Option(names = "--threshold", paramLabel = "T",
            description = "A score at or above this is a match, 0..1 (default: ${DEFAULT-VALUE}).")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Option(names = "--json", description = "JSON instead of text (single pair).")
    boolean json;

    @Option(names = "--pairs", paramLabel = "CSV", description = "Batch input: CSV with header id,name1,name2[,type].")
    Path pairs;

    @Option(names = "--output", paramLabel = "JSONL",
            description = "Batch output: one line {\"id\",\"score\",\"match\"} per pair, in input order; "
                    + "written atomically.")
    Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "Batch worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "NAME", arity = "0..2", description = "NAME1 and NAME2.")
    List<String> names = List.of();

    private final Context ctx;

    public MatchCommand(Context ctx) {
        this.ctx = ctx;
    }

    record Pair(String id, String name1, String name2, PartyType type) {
    }

    @Override
    public Integer call() throws Exception {
        Options.threshold(spec, threshold);
        Options.positive(spec, "--threads", threads);
        NameMatcher matcher = new NameMatcher();
        if (pairs != null || output != null) {
            if (pairs == null || output == null) {
                throw Options.usage(spec, "--pairs and --output go together");
            }
            if (!names.isEmpty()) {
                throw Options.usage(spec, "Give NAME1 NAME2 or --pairs, not both");
            }
            try (CsvInput in = CsvInput.open(pairs, PAIR_COLUMNS)) {
                BatchPipeline.Stats s = new BatchPipeline<Pair>(ctx, threads).run(in, pairs, output,
                        this::pair,
                        p -> {
                            MatchResult r = matcher.match(p.name1(), p.name2(), p.type());
                            boolean match = r.score() >= threshold;
                            ObjectNode o = Json.object();
                            o.put("id", p.id());
                            o.put("score", ResultJson.round4(r.score()));
                            o.put("match", match);
                            return new BatchPipeline.Line(Json.line(o), match);
                        });
                ctx.err().println(BatchPipeline.summary("matched", "matches", s, output));
            }
            return Main.EXIT_OK;
        }
        if (names.size() != 2) {
            throw Options.usage(spec, "Give two names to compare: NAME1 NAME2 (or --pairs CSV --output JSONL)");
        }
        for (String name : names) {
            ScreenCommand.checkLength(name);
        }
        MatchResult r = matcher.match(names.get(0), names.get(1), type);
        boolean match = r.score() >= threshold;
        if (json) {
            ObjectNode o = ResultJson.matchResult(names.get(0), names.get(1), type, r, threshold);
            ctx.out().println(Json.line(o));
        } else {
            ctx.out().println("score        " + CliText.score(r.score()) + "  ("
                    + (match ? "match" : "no match") + " at threshold " + CliText.score(threshold) + ")");
            String text = r.explanation().toText();
            ctx.out().println("explanation  " + (text.isEmpty() ? "(none)" : CliText.safe(text)));
        }
        return Main.EXIT_OK;
    }

    private Pair pair(CsvInput.Row row) throws UserException {
        String typeText = row.get("type");
        PartyType t = PartyTypes.parseOrNull(typeText);
        if (t == null) {
            throw row.problem("type", "unknown type '" + typeText.strip() + "' (expected " + PartyTypes.EXPECTED
                    + ", or blank)");
        }
        if (t == PartyType.UNKNOWN) {
            t = type;
        }
        for (String c : List.of("name1", "name2")) {
            if (row.get(c).isBlank()) {
                throw row.problem(c, "empty; every row needs two names");
            }
            String tooLong = NameLimits.problem(row.get(c));
            if (tooLong != null) {
                throw row.problem(c, tooLong);
            }
        }
        return new Pair(row.get("id"), row.get("name1").strip(), row.get("name2").strip(), t);
    }
}
