package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Options;
import org.exportguard.cli.deals.DealInputs;
import org.exportguard.core.model.ListedParty;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.screen.PartyScreener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * {@code exportguard bench deals}: generates N varied deals (fixed seed: the same deals every run), each with three
 * parties drawn from a book of distinct counterparties with realistic names (3% taken from the loaded lists, a
 * third of those with a typo, so hits occur), and evaluates them on all cores. Prints ONE JSON object with
 * deals_per_s and distinct_party_names (each distinct name is screened once per screener; see PartyScreener).
 *
 * <p>Each timed run uses a fresh evaluator over a screener with an empty hit cache, as a batch starts: the JIT is
 * warmed up on a separate evaluator and screener that are then dropped (timing the warmed-up ones would time a
 * cache of the very deals they had already seen). Every run counts its outcomes and screening hits, and the figures are checked:
 * the runs must agree with each other and with the warm-up evaluator on the deals both decided (a cold and a warm
 * cache give the same decisions), and a book holding listed names must give hits. The median run is the figure.
 */
@Command(name = "deals", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks deal evaluation: prints ONE JSON object with deals_per_s (median of the runs),",
                "runs, deals, outcomes, hits, deals_with_hits, check, load_ms, threads, java.",
                "Exit 6 when a check fails (runs disagree, or listed names in the book give no hits)."})
public final class BenchDealsCommand implements Callable<Integer> {
    /** Deals the JIT warm-up evaluator decides. */
    static final int WARMUP_DEALS = 2_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--deals", paramLabel = "N", description = "How many deals (default: ${DEFAULT-VALUE}).")
    int deals = 100_000;

    @Option(names = "--counterparties", paramLabel = "N",
            description = "Distinct parties the deals draw from, as a real book of business does (default: ${DEFAULT-VALUE}).")
    int counterparties = 30_000;

    @Option(names = "--list", paramLabel = "PATH",
            description = "A list file or folder (repeatable; default: the sample lists shipped in the jar).")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "DIR", description = "A policy pack folder (default: the shipped pack).")
    Path policy;

    @Option(names = "--runs", paramLabel = "N",
            description = "Timed runs, each on a fresh evaluator; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    private final Context ctx;

    public BenchDealsCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** What one timed run decided: counted, so that a run deciding nothing cannot pass for a fast one. */
    record Run(double seconds, long[] outcomes, long hits, long dealsWithHits) {
        double dealsPerSecond(int deals) {
            return deals / seconds;
        }

        boolean sameDecisions(Run other) {
            return Arrays.equals(outcomes, other.outcomes) && hits == other.hits
                    && dealsWithHits == other.dealsWithHits;
        }
    }

    @Override
    public Integer call() throws Exception {
        Options.positive(spec, "--deals", deals);
        Options.positive(spec, "--counterparties", counterparties);
        Options.positive(spec, "--runs", runs);
        PolicyPack pack = DealInputs.pack(policy);
        long t0 = System.nanoTime();
        PartyScreener screener = lists.isEmpty() ? DealInputs.sampleLists(ctx) : DealInputs.screener(ctx, lists);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        DealGenerator generator = new DealGenerator(screener.index().parties(), 20261128L, counterparties);
        List<Deal> generated = generator.deals(deals);

        // JIT warm-up on its own evaluator and screener, dropped after: no timed run may find their cache filled
        int slice = Math.min(WARMUP_DEALS, generated.size());
        DealEvaluator warmup = evaluator(pack, screener);
        Decision[] warmed = new Decision[slice];
        IntStream.range(0, slice).parallel().forEach(i -> warmed[i] = warmup.evaluate(generated.get(i)));

        List<Run> timed = new ArrayList<>();
        Decision[] first = new Decision[slice];
        for (int r = 0; r < runs; r++) {
            timed.add(run(evaluator(pack, screener), generated, r == 0 ? first : null));
        }
        int disagree = 0;
        for (int i = 0; i < slice; i++) {
            if (!warmed[i].toJson().equals(first[i].toJson())) {
                disagree++;
            }
        }
        String problem = problem(timed, disagree, generator.listedInBook());

        double[] rates = timed.stream().mapToDouble(x -> x.dealsPerSecond(generated.size())).toArray();
        double[] secs = timed.stream().mapToDouble(Run::seconds).toArray();
        Run one = timed.get(0);
        ObjectNode o = Json.object();
        o.put("deals", generated.size());
        o.put("deals_per_s", Math.round(Bench.median(rates)));
        o.put("seconds", Math.round(Bench.median(secs) * 1000) / 1000.0);
        ArrayNode rs = o.putArray("runs");
        for (Run x : timed) {
            rs.addObject().put("seconds", Math.round(x.seconds() * 1000) / 1000.0)
                    .put("deals_per_s", Math.round(x.dealsPerSecond(generated.size())));
        }
        o.put("parties", generated.stream().mapToLong(d -> d.parties().size()).sum());
        o.put("distinct_party_names", generated.stream().flatMap(d -> d.parties().stream())
                .map(p -> p.type() + " " + p.name()).distinct().count());
        o.put("listed_names_in_book", generator.listedInBook());
        ObjectNode oc = o.putObject("outcomes");
        for (Outcome out : Outcome.values()) {
            oc.put(out.name(), one.outcomes()[out.ordinal()]);
        }
        o.put("hits", one.hits());
        o.put("deals_with_hits", one.dealsWithHits());
        o.put("warmup_deals", slice);
        o.put("warmup_disagreements", disagree);
        o.put("check", problem == null ? "ok" : problem);
        o.put("listed_parties", screener.index().partyCount());
        o.put("load_ms", Math.round(loadMs));
        o.put("threads", Runtime.getRuntime().availableProcessors());
        o.put("policy", pack.version());
        o.put("java", System.getProperty("java.version"));
        return Bench.finish(ctx, "deals", o, problem);
    }

    /** A new evaluator over the same lists and index, with a hit cache of its own, empty. */
    static DealEvaluator evaluator(PolicyPack pack, PartyScreener screener) {
        return new DealEvaluator(pack, screener.withEmptyCache());
    }

    /**
     * Decides every deal on all cores, timed, counting outcomes, screening hits (list findings, each with its match) and deals with
     * any; {@code keep} (when not null) receives the decisions of the first deals (compared after the timing).
     */
    static Run run(DealEvaluator evaluator, List<Deal> deals, Decision[] keep) {
        AtomicLongArray counts = new AtomicLongArray(Outcome.values().length);
        LongAdder hits = new LongAdder();
        LongAdder withHits = new LongAdder();
        long start = System.nanoTime();
        IntStream.range(0, deals.size()).parallel().forEach(i -> {
            Decision d = evaluator.evaluate(deals.get(i));
            counts.incrementAndGet(d.outcome().ordinal());
            long h = d.findings().stream().filter(f -> f.match() != null).count();
            hits.add(h);
            if (h > 0) {
                withHits.increment();
            }
            if (keep != null && i < keep.length) {
                keep[i] = d;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] outcomes = new long[counts.length()];
        for (int k = 0; k < outcomes.length; k++) {
            outcomes[k] = counts.get(k);
        }
        return new Run(seconds, outcomes, hits.sum(), withHits.sum());
    }

    /**
     * What is wrong with the runs, or null: every run (each a fresh evaluator over the same deals) must decide
     * alike; the first must agree with the warm-up evaluator on the deals both decided; and when the book of
     * counterparties holds names taken from the lists, there must be screening hits.
     */
    static String problem(List<Run> runs, int warmupDisagreements, int listedInBook) {
        for (int r = 1; r < runs.size(); r++) {
            if (!runs.get(r).sameDecisions(runs.get(0))) {
                return "run " + (r + 1) + " decided the same deals differently from run 1 (outcomes "
                        + Arrays.toString(runs.get(r).outcomes()) + " vs " + Arrays.toString(runs.get(0).outcomes())
                        + ", hits " + runs.get(r).hits() + " vs " + runs.get(0).hits() + ")";
            }
        }
        if (warmupDisagreements > 0) {
            return warmupDisagreements + " deals decided differently by a fresh evaluator than by the warmed-up one";
        }
        if (listedInBook > 0 && runs.get(0).hits() == 0) {
            return "no screening hits, though " + listedInBook
                    + " counterparties carry names taken from the lists: the screening found nothing";
        }
        return null;
    }

    /** Varied, plausible deals from a fixed seed. */
    static final class DealGenerator {
        private static final String[] EXPORTERS = {"IL", "IL", "US", "US", "DE", "FR", "NL", "GB", "JP", "IN", "SE", "IT"};
        private static final String[] DESTINATIONS = {"AE", "MA", "SA", "MX", "IN", "DE", "FR", "US", "CA", "GB",
                "JP", "KR", "AU", "BR", "AR", "CN", "RU", "IR", "CU", "SY", "KP", "TR", "EG", "NG", "KE", "ZA", "SG",
                "MY", "TH", "VN", "ID", "PH", "PK", "BD", "UA", "PL", "HU", "RO", "CH", "NO", "IS", "LI", "CY", "IL",
                "AZ", "BH", "RW", "QA", "KW", "OM", "JO", "CO", "PE", "CL", "VE", "NI", "AF", "IQ", "KH", "NZ"};
        private static final String[][] CODES = {{"WA", "4.D.4"}, {"WA", "4.A.5"}, {"WA", "4.E.1.c"},
                {"WA", "5.A.1.j"}, {"US-EAR", "4D004"}, {"US-EAR", "EAR99"}, {"US-EAR", "5D001.a"},
                {"EU-2021-821", "4D004"}, {"EU-2021-821", "ART5"}, {"US-EAR", "4E001.c"}};
        private static final String[] FIRST = {"Maria", "Ahmed", "Yuki", "Olga", "James", "Fatima", "Chen", "Ivan",
                "Sofia", "Mohammed", "Anna", "Luis", "Priya", "David", "Elena", "Omar", "Kenji", "Leila", "Pierre",
                "Aisha", "Sergei", "Hana", "Carlos", "Noa"};
        private static final String[] LAST = {"Garcia", "Hassan", "Tanaka", "Petrova", "Smith", "Khan", "Wang",
                "Ivanov", "Rossi", "Al-Farsi", "Novak", "Fernandez", "Sharma", "Cohen", "Popescu", "Haddad",
                "Yamamoto", "Rahimi", "Dubois", "Okafor", "Kuznetsov", "Kim", "Mendoza", "Levi"};
        private static final String[] WORD = {"Global", "Advanced", "Northern", "Pacific", "Atlas", "Meridian",
                "Falcon", "Crescent", "Summit", "Blue", "Delta", "Orion", "Cedar", "Harbor", "Golden", "Silver", "Apex",
                "Nova", "Vertex", "Eastern", "Western", "Quantum", "Horizon", "Sapphire", "Granite", "Aurora", "Titan",
                "Lotus", "Phoenix", "Zenith", "Coral", "Emerald", "Polar", "Sahara", "Baltic", "Andes", "Nile",
                "Danube", "Olympus", "Sierra", "Cobalt", "Ivory", "Amber", "Onyx", "Jade", "Ruby"};
        private static final String[] SECTOR = {"Systems", "Technologies", "Security", "Networks", "Trading",
                "Logistics", "Solutions", "Engineering", "Telecom", "Analytics", "Defense", "Software"};
        private static final String[] FORM = {"Ltd", "LLC", "GmbH", "S.A.", "Inc.", "FZE", "Pte. Ltd.", "OOO", "AG"};
        private static final String[] GOVERNMENT = {"Ministry of Interior", "National Police", "Ministry of Defence",
                "General Intelligence Directorate", "Federal Investigation Service", "Telecommunications Authority"};
        private static final String[] ROLES = {"end-user", "consignee", "purchaser"};
        private static final String[] TYPES = {"government", "non-government", "individual"};
        private static final String[] FLAGS = {"subject-to-ear", "human-rights-concern", "unauthorised-access-end-use"};

        private final List<ListedParty> listed;
        private final Random random;
        private final String[] destinations;

        private final List<String[]> pool = new ArrayList<>(); // {name, type}
        private int listedInBook;

        DealGenerator(List<ListedParty> listed, long seed, int counterparties) {
            this(listed, seed, counterparties, DESTINATIONS);
        }

        /** Deals to {@code destinations}, drawn uniformly. */
        DealGenerator(List<ListedParty> listed, long seed, int counterparties, String[] destinations) {
            this.listed = listed;
            this.destinations = destinations;
            this.random = new Random(seed);
            Set<String> seen = new java.util.HashSet<>();
            for (int tries = 0; pool.size() < counterparties && tries < counterparties * 20; tries++) {
                String type = pick(TYPES);
                String name = name(type);
                if (seen.add(name)) {
                    pool.add(new String[] {name, type});
                    if (fromList) {
                        listedInBook++;
                    }
                }
            }
        }

        /** Counterparties whose name was taken from the lists as listed (not misspelt). */
        int listedInBook() {
            return listedInBook;
        }

        List<Deal> deals(int n) {
            return deals(n, 0, LocalDate.of(2021, 1, 1));
        }

        /** Adds these names to the book of counterparties, each as a company. */
        void addCounterparties(List<String> names) {
            names.forEach(n -> pool.add(new String[] {n, "non-government"}));
        }

        /** Deals {@code first} .. {@code first + n - 1}, exported within about five years from {@code base}. */
        List<Deal> deals(int n, int first, LocalDate base) {
            List<Deal> out = new ArrayList<>(n);
            for (int i = first; i < first + n; i++) {
                String exporter = pick(EXPORTERS);
                List<Deal.Item> items = new ArrayList<>();
                for (int k = 0, m = 1 + random.nextInt(2); k < m; k++) {
                    String[] c = CODES[random.nextInt(CODES.length)];
                    items.add(new Deal.Item("item " + k, Map.of(c[0], c[1])));
                }
                String destination = pick(destinations);
                List<Deal.Party> parties = new ArrayList<>();
                for (String role : ROLES) {
                    String[] party = pool.get(random.nextInt(pool.size()));
                    parties.add(new Deal.Party(role, party[0], destination, party[1]));
                }
                Set<String> flags = random.nextInt(4) == 0 ? Set.of(pick(FLAGS)) : Set.of();
                out.add(new Deal("bench-" + i, base.plusDays(random.nextInt(1_900)),
                        new Deal.Exporter("Exporter " + i % 97, exporter), items, destination, parties, null, flags));
            }
            return out;
        }

        /** Whether the last {@link #name} was a listed name as listed. */
        private boolean fromList;

        private String name(String type) {
            int r = random.nextInt(100);
            fromList = false;
            if (r < 3 && !listed.isEmpty()) {
                String n = listed.get(random.nextInt(listed.size())).primaryName();
                fromList = r != 0;
                return r == 0 ? typo(n) : n; // a listed name, sometimes misspelt
            }
            if (type.equals("government")) {
                return pick(GOVERNMENT) + " " + pick(WORD) + " Region";
            }
            if (type.equals("individual")) {
                return pick(FIRST) + " " + (char) ('A' + random.nextInt(26)) + ". " + pick(LAST);
            }
            return pick(WORD) + (random.nextBoolean() ? " " + pick(WORD) : "") + " " + pick(SECTOR) + " "
                    + pick(FORM);
        }

        private String typo(String n) {
            if (n.length() < 6) {
                return n;
            }
            int at = 1 + random.nextInt(n.length() - 2);
            return n.substring(0, at) + n.substring(at + 1);
        }

        private String pick(String[] a) {
            return a[random.nextInt(a.length)];
        }
    }

}
