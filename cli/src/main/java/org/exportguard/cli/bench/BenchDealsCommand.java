package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.deals.DealInputs;
import org.exportguard.core.model.ListedParty;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.eval.DealEvaluator;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * {@code exportguard bench deals}: generates N varied deals (fixed seed: the same deals every run), each with three
 * parties drawn from a book of distinct counterparties with realistic names (3% taken from the loaded lists, a
 * third of those with a typo, so hits occur), and evaluates them on all cores. Prints ONE JSON object with
 * deals_per_s and distinct_party_names (each distinct name is screened once; see PartyScreener).
 */
@Command(name = "deals", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks deal evaluation: prints ONE JSON object with deals_per_s, seconds, deals,",
                "parties_screened, outcomes, load_ms, build_ms, threads, java."})
public final class BenchDealsCommand implements Callable<Integer> {
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

    private final Context ctx;

    public BenchDealsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.positive(spec, "--deals", deals);
        Options.positive(spec, "--counterparties", counterparties);
        PolicyPack pack = DealInputs.pack(policy);
        long t0 = System.nanoTime();
        PartyScreener screener = DealInputs.screener(ctx, lists);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        DealEvaluator evaluator = new DealEvaluator(pack, screener);
        List<Deal> generated = new DealGenerator(screener.index().parties(), 20261128L, counterparties)
                .deals(deals);

        // warm up on a slice, so the figure is the steady state a batch reaches within seconds
        generated.subList(0, Math.min(2_000, generated.size())).parallelStream().forEach(evaluator::evaluate);

        AtomicLongArray counts = new AtomicLongArray(Outcome.values().length);
        long start = System.nanoTime();
        IntStream.range(0, generated.size()).parallel()
                .forEach(i -> counts.incrementAndGet(evaluator.evaluate(generated.get(i)).outcome().ordinal()));
        double seconds = (System.nanoTime() - start) / 1e9;

        ObjectNode o = Json.object();
        o.put("deals", generated.size());
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        o.put("deals_per_s", Math.round(generated.size() / seconds));
        o.put("parties", generated.stream().mapToLong(d -> d.parties().size()).sum());
        o.put("distinct_party_names", generated.stream().flatMap(d -> d.parties().stream())
                .map(p -> p.type() + " " + p.name()).distinct().count());
        ObjectNode oc = o.putObject("outcomes");
        for (Outcome out : Outcome.values()) {
            oc.put(out.name(), counts.get(out.ordinal()));
        }
        o.put("listed_parties", screener.index().partyCount());
        o.put("load_ms", Math.round(loadMs));
        o.put("threads", Runtime.getRuntime().availableProcessors());
        o.put("policy", pack.version());
        o.put("java", System.getProperty("java.version"));
        ctx.out().println(Json.line(o));
        return Main.EXIT_OK;
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
                }
            }
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

        private String name(String type) {
            int r = random.nextInt(100);
            if (r < 3 && !listed.isEmpty()) {
                String n = listed.get(random.nextInt(listed.size())).primaryName();
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
