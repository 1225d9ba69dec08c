package org.exportguard.cli.screen;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.core.match.NameLimits;
import org.exportguard.cli.deals.DealInputs;
import org.exportguard.cli.io.CsvInput;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.screen.evidence.EvidenceScreening;
import org.exportguard.core.screen.evidence.QueryFields;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.json.Json;
import org.exportguard.json.ResultJson;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.service.InForceCache;
import org.exportguard.service.ListsInForce;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code exportguard screen}: names against lists, interactively or as a CSV batch. */
@Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Screens names against restricted-party lists and shows ranked hits with explanations.",
                "Give NAMEs on the command line, or a CSV batch with --input and --output."})
public final class ScreenCommand implements Callable<Integer> {
    static final List<String> INPUT_COLUMNS = List.of("id", "name");

    @Spec
    CommandSpec spec;

    @Option(names = "--list", paramLabel = "PATH",
            description = "A list file or folder (repeatable). Formats are detected from content. Without --list: "
                    + "the lists in force in the store (--data-dir / --db).")
    List<Path> lists = new ArrayList<>();

    @Mixin
    StoreOptions store;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Lowest score reported, 0..1 (default: ${DEFAULT-VALUE}).")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Option(names = "--limit", paramLabel = "N", description = "Most hits per name (default: ${DEFAULT-VALUE}).")
    int limit = 10;

    @Option(names = "--type", paramLabel = "TYPE", converter = PartyTypes.class,
            description = "What the names are: person, organization, vessel or aircraft (default: any). "
                    + "In a batch, a row's own type column wins.")
    PartyType type = PartyType.UNKNOWN;

    @Option(names = "--country", paramLabel = "COUNTRY",
            description = "Secondary evidence: where the party is (ISO code or English name), compared with the "
                    + "listed addresses and nationalities. In a batch, a row's own country column wins.")
    String country;

    @Option(names = "--dob", paramLabel = "DATE",
            description = "Secondary evidence: date of birth, YYYY-MM-DD, YYYY-MM, YYYY or a range FROM..TO. "
                    + "In a batch, a row's own dob column wins.")
    String dob;

    @Option(names = "--id", paramLabel = "KIND:NUMBER",
            description = "Secondary evidence (repeatable): an identifier, KIND one of passport, national-id, "
                    + "registration, imo, swift-bic, other. In a batch, a row's ids column (KIND:NUMBER; ...) wins.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per name instead of a table.")
    boolean json;

    @Option(names = "--input", paramLabel = "CSV",
            description = "Batch input: CSV with header id,name and optional type,country,dob,ids.")
    Path input;

    @Option(names = "--output", paramLabel = "JSONL",
            description = "Batch output: one JSON line per input row, in input order; written atomically.")
    Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "Batch worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Names to screen.")
    List<String> names = List.of();

    private final Context ctx;

    public ScreenCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.threshold(spec, threshold);
        Options.positive(spec, "--limit", limit);
        Options.positive(spec, "--threads", threads);
        if (input != null || output != null) {
            if (input == null || output == null) {
                throw Options.usage(spec, "--input and --output go together");
            }
            if (!names.isEmpty()) {
                throw Options.usage(spec, "Give NAMEs or --input, not both");
            }
            return batch();
        }
        if (names.isEmpty()) {
            throw Options.usage(spec, "Missing NAME to screen (or --input CSV --output JSONL)");
        }
        for (String name : names) {
            checkLength(name);
        }
        ScreeningQuery evidence = optionEvidence();
        PartyScreener screener = screener();
        EvidenceScreening index = EvidenceScreening.of(screener.index());
        JsonNode screened = screener.coverage().toJson();
        int n = 0;
        for (String name : names) {
            n++;
            List<ScreeningHit> hits = index.screen(evidence.withName(name), threshold, limit);
            if (json) {
                ctx.out().println(Json.line(ResultJson.screenResult(String.valueOf(n), name, hits, screened)));
            } else {
                ctx.out().print(CliText.safe(table(name, hits, threshold)));
            }
        }
        return Main.EXIT_OK;
    }

    /** The options' secondary evidence (checked: a bad value is a usage error naming the option), no name yet. */
    private ScreeningQuery optionEvidence() {
        String c;
        String d;
        List<Identifier> identifiers = new ArrayList<>();
        try {
            c = QueryFields.country(country);
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, "--country: " + e.getMessage());
        }
        try {
            d = QueryFields.dateOfBirth(dob);
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, "--dob: " + e.getMessage());
        }
        for (String id : ids) {
            try {
                identifiers.add(QueryFields.identifier(id));
            } catch (IllegalArgumentException e) {
                throw Options.usage(spec, "--id: " + e.getMessage());
            }
        }
        return new ScreeningQuery("", type, c, d, identifiers);
    }

    /**
     * The lists given with {@code --list} (each with its content hash, no staleness check: the caller's choice);
     * without, the lists in force in the store. A store without lists is an error saying what to do: screening
     * never falls back on the shipped samples, which are not the current lists.
     */
    private PartyScreener screener() throws Exception {
        if (!lists.isEmpty()) {
            return DealInputs.screener(ctx, lists);
        }
        StoreLocation loc = store.location();
        String none = "no lists to screen against: the store at " + loc.describe() + " holds none. Import the "
                + "current lists with 'exportguard lists import PATH' (see --data-dir / --db), or give files with "
                + "--list PATH";
        if (loc.kind() == StoreLocation.Kind.SQLITE
                && !Files.exists(loc.dataDir().resolve(StoreLocation.SQLITE_FILE))) {
            throw new UserException(none);
        }
        try (Store s = store.open()) {
            ListsInForce inForce = new InForceCache(s).lists();
            if (inForce.isEmpty()) {
                throw new UserException(none);
            }
            return inForce.screener();
        }
    }

    /** The human rendering of one name's hits. */
    static String table(String name, List<ScreeningHit> hits, double threshold) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append("  (").append(hits.size()).append(hits.size() == 1 ? " hit" : " hits")
          .append(" at or above ").append(CliText.score(threshold)).append(")\n");
        if (hits.isEmpty()) {
            sb.append("  no hits\n\n");
            return sb.toString();
        }
        CliText.Table t = new CliText.Table("#", "score", "source", "id", "type", "name", "matched name",
                "explanation");
        int i = 0;
        for (ScreeningHit h : hits) {
            t.row(++i, CliText.score(h.score()), h.party().source(), h.party().sourceId(), h.party().type().label(),
                    h.party().primaryName(), h.matchedName(), h.explanation() == null ? "" : h.explanation().toText());
        }
        return sb.append(t.render("  ")).append('\n').toString();
    }

    /** One batch row: its id and the query. */
    record Item(String id, ScreeningQuery query) {
    }

    private int batch() throws Exception {
        ScreeningQuery defaults = optionEvidence();
        try (CsvInput in = CsvInput.open(input, INPUT_COLUMNS)) {
            PartyScreener screener = screener();
            EvidenceScreening index = EvidenceScreening.of(screener.index());
            JsonNode screened = screener.coverage().toJson();
            BatchPipeline.Stats s = new BatchPipeline<Item>(ctx, threads).run(in, input, output,
                    row -> new Item(row.get("id"), query(row, defaults)),
                    item -> {
                        List<ScreeningHit> hits = index.screen(item.query(), threshold, limit);
                        return new BatchPipeline.Line(
                                Json.line(ResultJson.screenResult(item.id(), item.query().name(), hits, screened)),
                                !hits.isEmpty());
                    });
            ctx.err().println(BatchPipeline.summary("screened", "with hits", s, output));
            return Main.EXIT_OK;
        }
    }

    /**
     * A batch row as a query; the row's type must be one of the known types or blank; its country, dob and ids
     * (when given) must be readable, and replace the options' own.
     */
    ScreeningQuery query(CsvInput.Row row, ScreeningQuery defaults) throws UserException {
        String name = row.get("name").strip();
        if (name.isEmpty()) {
            throw row.problem("name", "empty; every row needs a name to screen");
        }
        String tooLong = NameLimits.problem(name);
        if (tooLong != null) {
            throw row.problem("name", tooLong);
        }
        String typeText = row.get("type");
        PartyType t = PartyTypes.parseOrNull(typeText);
        if (t == null) {
            throw row.problem("type", "unknown type '" + typeText.strip() + "' (expected " + PartyTypes.EXPECTED
                    + ", or blank)");
        }
        if (t == PartyType.UNKNOWN) {
            t = type;
        }
        String c;
        String d;
        List<Identifier> identifiers;
        try {
            c = QueryFields.country(row.get("country"));
        } catch (IllegalArgumentException e) {
            throw row.problem("country", e.getMessage());
        }
        try {
            d = QueryFields.dateOfBirth(row.get("dob"));
        } catch (IllegalArgumentException e) {
            throw row.problem("dob", e.getMessage());
        }
        try {
            identifiers = QueryFields.identifiers(row.get("ids"));
        } catch (IllegalArgumentException e) {
            throw row.problem("ids", e.getMessage());
        }
        return new ScreeningQuery(name, t, c == null ? defaults.country() : c,
                d == null ? defaults.dateOfBirth() : d, identifiers.isEmpty() ? defaults.identifiers() : identifiers);
    }

    /** A name given on the command line, refused with the limit it breaks (see {@link NameLimits}). */
    static void checkLength(String name) throws UserException {
        String tooLong = NameLimits.problem(name);
        if (tooLong != null) {
            String start = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            throw new UserException("'" + start + "': " + tooLong);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
