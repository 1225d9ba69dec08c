package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Options;
import org.exportguard.cli.demo.DemoCommand;
import org.exportguard.core.model.ListedParty;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.service.ConfirmedDispositions;
import org.exportguard.service.DecisionDay;
import org.exportguard.service.Desk;
import org.exportguard.service.InForce;
import org.exportguard.service.InForceCache;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.Disposition;
import org.exportguard.store.PostgresSchemas;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.StoredDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code bench impact}: the change-impact benchmark of issue 4, on a scratch store (a temporary SQLite data
 * directory, or a fresh schema in the {@code --db} database, removed afterwards).
 *
 * <p>Setup (timed apart): policy version 1 is the shipped pack with a bench-only "before" version of the Israeli
 * cyber-export country group holding 65 more countries (a hypothetical 102-country list: the real one's names are
 * not known); list versions are the shipped UN sample and an empty US-CSL; N open deals (3 parties each, from a
 * book of counterparties, to 200 destinations, exported 2027-2031) are decided and stored. Then, timed: policy
 * version 2 (the shipped pack: the group drops the 65) and US-CSL version 2 (the shipped sample: the 4 entities
 * listed on 2021-11-04) are imported, each re-deciding and storing the deals it touches.
 *
 * <p>After each import (untimed), the re-decisions are checked against a full re-evaluation: a sample of the deals
 * it re-decided and a sample of the open deals it left alone are decided again by a fresh evaluator over the
 * lists and policy now in force (loaded anew from the store, nothing shared with the desk's), and the decision
 * stored must equal it (a deal left alone: apart from the version stamps, since it was decided before the change).
 * Any mismatch fails the bench (exit 6): a fast incremental re-decision that decides wrongly or misses deals is
 * not a result.
 */
@Command(name = "impact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks change impact: N stored open deals, then a policy version dropping 65 destinations",
                "and a list version adding 4 entities. Prints ONE JSON object (setup_s, policy_s, list_s, total_s,",
                "sample_checked, mismatches, ...). Exit 6 when a stored decision differs from a full re-evaluation."})
public final class ImpactBench implements Callable<Integer> {
    /** The group the policy change shrinks (by the 65 countries the bench's "before" version adds). */
    static final String GROUP = "IL_DECA_CYBER_REPORTED_37";
    static final int DROPPED = 65;
    static final int DESTINATIONS = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--deals", paramLabel = "N", description = "Open deals to store (default: ${DEFAULT-VALUE}).")
    int deals = 1_000_000;

    @Option(names = "--counterparties", paramLabel = "N",
            description = "Distinct parties the deals draw from (default: ${DEFAULT-VALUE}).")
    int counterparties = 100_000;

    @Option(names = "--batch", paramLabel = "B", description = "Deals stored per transaction in the setup (default: ${DEFAULT-VALUE}).")
    int batch = 50_000;

    @Mixin
    ScratchStoreOptions store = new ScratchStoreOptions();

    @Option(names = "--check-sample", paramLabel = "N",
            description = "Deals checked against a full re-evaluation after each import: N drawn at random, and up "
                    + "to N the import is likely to touch (default: ${DEFAULT-VALUE}).")
    int checkSample = 200;

    private final Context ctx;

    public ImpactBench(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.positive(spec, "--deals", deals);
        Options.positive(spec, "--counterparties", counterparties);
        Options.positive(spec, "--batch", batch);
        Options.positive(spec, "--check-sample", checkSample);
        String schema = "eg_impact_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path work = Files.createTempDirectory("exportguard-impact-");
        Path dir = null;
        StoreLocation loc;
        if (store.db != null) {
            loc = PostgresSchemas.create(store.db, schema);
        } else {
            dir = store.parent == null ? work.resolve("data")
                    : Files.createTempDirectory(Files.createDirectories(store.parent), "exportguard-impact-");
            loc = StoreLocation.sqlite(dir);
        }
        try (Store store = Store.open(loc)) {
            ObjectNode o = run(store, work);
            long mismatches = o.get("mismatches").asLong();
            return Bench.finish(ctx, "impact", o, mismatches == 0 ? null : mismatches + " of "
                    + o.get("sample_checked").asLong() + " deals checked hold a decision other than a full "
                    + "re-evaluation gives (first: " + o.path("mismatch_first").asText() + ")");
        } finally {
            if (store.db != null) {
                PostgresSchemas.drop(store.db, schema);
            } else if (store.parent != null) {
                org.exportguard.store.TempDirs.deleteQuietly(dir);
            }
            org.exportguard.store.TempDirs.deleteQuietly(work);
        }
    }

    private ObjectNode run(Store store, Path work) throws Exception {
        String actor = "cli:bench";
        Desk desk = new Desk(store);
        Fixture f = Fixture.write(work);
        Path samples = f.samples();
        Path emptyCsl = f.cslBefore();
        Path cslAfter = f.cslAfter();
        Path policyAfter = f.policyAfter();
        Path policyBefore = f.policyBefore();
        String[] destinations = f.destinations();

        long t0 = System.nanoTime();
        desk.importPolicy(policyBefore, "bench-before", null, actor, ctx.policyValidator());
        desk.importList(samples.resolve("un-consolidated.xml"), null, null, actor);
        desk.importList(emptyCsl, "US-CSL", null, actor);
        List<ListedParty> listed = desk.lists().index().parties();
        BenchDealsCommand.DealGenerator gen = new BenchDealsCommand.DealGenerator(listed, 20261128L,
                counterparties, destinations);
        // The entities the list change will add are already counterparties (by name or alias), as NSO and Saito
        // were before 4 November 2021: the list step then has deals to find and re-decide.
        List<String> toBeListed = new ArrayList<>();
        for (var l : ctx.loadList(samples.resolve("us-csl.csv"))) {
            for (ListedParty p : l.parties()) {
                toBeListed.add(p.primaryName());
                p.aliases().stream().limit(1).forEach(a -> toBeListed.add(a.name()));
            }
        }
        gen.addCounterparties(toBeListed);
        Set<String> listedSoon = Set.copyOf(toBeListed);
        List<String> namingListedSoon = new ArrayList<>(); // deals the list change is likely to touch
        long stored = 0;
        for (int first = 0; first < deals; first += batch) {
            int n = Math.min(batch, deals - first);
            List<String> jsons = new ArrayList<>(n);
            for (Deal d : gen.deals(n, first, LocalDate.of(2027, 1, 1))) {
                jsons.add(json(d));
                if (namingListedSoon.size() < checkSample
                        && d.parties().stream().anyMatch(p -> listedSoon.contains(p.name()))) {
                    namingListedSoon.add(d.id());
                }
            }
            stored += desk.addDeals(jsons, actor).size();
            ctx.err().printf(Locale.ROOT, "exportguard: bench impact: %,d deals stored (%.0f s)%n", stored,
                    secs(t0));
        }
        double setupS = secs(t0);

        t0 = System.nanoTime();
        ImportOutcome policy = desk.importPolicy(policyAfter, "bench-after", null, actor, ctx.policyValidator());
        double policyS = secs(t0);
        JsonNode pr = Json.MAPPER.readTree(policy.reportJson());
        Random pick = new Random(20261130L);
        Check policyCheck = check(store, sample(pick, stored, changedIds(pr)));

        t0 = System.nanoTime();
        ImportOutcome list = desk.importList(cslAfter, "US-CSL", null, actor);
        double listS = secs(t0);
        JsonNode lr = Json.MAPPER.readTree(list.reportJson());
        Set<String> likely = new LinkedHashSet<>(changedIds(lr));
        likely.addAll(namingListedSoon);
        Check listCheck = check(store, sample(pick, stored, likely));
        Check all = policyCheck.plus(listCheck);
        ObjectNode o = Json.object();
        o.put("store", store.location().kind().name().toLowerCase(Locale.ROOT));
        o.put("deals", stored);
        o.put("parties_per_deal", 3);
        o.put("counterparties", counterparties);
        o.put("destinations", destinations.length);
        o.put("setup_s", round(setupS));
        o.put("policy_dropped_destinations", pr.at("/change/destinations").size());
        o.put("policy_reevaluated", pr.get("reevaluated").asLong());
        o.put("policy_changed", pr.get("changedCount").asLong());
        o.put("policy_s", round(policyS));
        o.put("list_added_entities", lr.at("/change/added").asInt());
        o.put("list_open_deals_screened", lr.at("/screening/openDeals").asLong());
        o.put("list_distinct_names_screened", lr.at("/screening/distinctPartyNames").asLong());
        o.put("list_counterparties_to_be_listed", toBeListed.size());
        o.put("list_reevaluated", lr.get("reevaluated").asLong());
        o.put("list_changed", lr.get("changedCount").asLong());
        o.put("list_s", round(listS));
        o.put("total_s", round(policyS + listS));
        o.put("within_60_s", policyS + listS <= 60);
        o.put("audit_intact", store.audit().verify().intact());
        o.put("sample_checked", all.checked());
        o.put("sample_redecided", all.redecided());
        o.put("sample_untouched", all.checked() - all.redecided());
        o.put("mismatches", all.mismatches());
        if (all.first() != null) {
            o.put("mismatch_first", all.first());
        }
        o.put("threads", Runtime.getRuntime().availableProcessors());
        o.put("java", System.getProperty("java.version"));
        return o;
    }

    /** The deals a change report names as changed. */
    /**
     * What the bench changes, written under {@code work}: the sample lists, the US-CSL before (the sample's Denied
     * Persons rows and one placeholder Entity List row, so the Entity List and the DPL are screened before as after:
     * a CSL without them would leave those rules unscreened, and the list step would re-decide every deal under
     * REVIEW; and an empty list is never imported) and after (the samples with the placeholder kept, so the change
     * adds exactly the samples' other entries: 4 entities), the policy before (the cyber group widened by 65
     * countries) and after (the shipped pack), and the 200 destinations deals go to. {@code bench spark-inputs}
     * writes the same change for the Spark impact job.
     */
    record Fixture(Path samples, Path cslBefore, Path cslAfter, Path policyBefore, Path policyAfter,
                   String[] destinations) {
        static Fixture write(Path work) throws Exception {
            Path samples = Files.createDirectories(work.resolve("samples"));
            DemoCommand.copySamples(samples);
            List<String> sampleCsl = Files.readAllLines(samples.resolve("us-csl.csv"), StandardCharsets.UTF_8);
            String[] cells = new String[sampleCsl.get(0).split(",", -1).length];
            java.util.Arrays.fill(cells, "");
            cells[0] = "bench-el-0000";
            cells[1] = "Entity List (EL) - Bureau of Industry and Security";
            cells[5] = "Bench Placeholder Trading Qx";
            cells[9] = "2021-01-01";
            String placeholder = String.join(",", cells);
            List<String> beforeRows = new ArrayList<>();
            beforeRows.add(sampleCsl.get(0));
            sampleCsl.stream().filter(l -> l.startsWith("sample-dpl-")).forEach(beforeRows::add);
            beforeRows.add(placeholder);
            Path cslBefore = Files.write(work.resolve("us-csl-before.csv"), beforeRows, StandardCharsets.UTF_8);
            List<String> afterRows = new ArrayList<>(sampleCsl);
            afterRows.add(placeholder);
            Path cslAfter = Files.write(work.resolve("us-csl-after.csv"), afterRows, StandardCharsets.UTF_8);
            Path policyAfter = PackLoader.writeDefault(work.resolve("policy-after"));
            List<String> kept = groupMembers(policyAfter);
            List<String> extra = extraCountries(kept);
            Path policyBefore = PackLoader.writeDefault(work.resolve("policy-before"));
            widenGroup(policyBefore, kept, extra);
            return new Fixture(samples, cslBefore, cslAfter, policyBefore, policyAfter,
                    ImpactBench.destinations(kept, extra));
        }
    }

    private List<String> changedIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("changed").forEach(c -> ids.add(c.path("dealId").asText()));
        return ids.subList(0, Math.min(ids.size(), checkSample));
    }

    /** {@code checkSample} of the bench's deals at random, and up to as many of {@code likely}. */
    private List<String> sample(Random pick, long stored, Collection<String> likely) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(checkSample, stored); i++) {
            ids.add("bench-" + pick.nextInt((int) stored));
        }
        likely.stream().limit(checkSample).forEach(ids::add);
        return new ArrayList<>(ids);
    }

    /**
     * What checking found: {@code checked} open deals, {@code redecided} of them decided under the lists and policy
     * now in force (the rest were left alone by the last change), {@code mismatches} whose stored decision is not
     * what a full re-evaluation gives; {@code first} describes the first mismatch.
     */
    record Check(int checked, int redecided, int mismatches, String first) {
        Check plus(Check o) {
            return new Check(checked + o.checked, redecided + o.redecided, mismatches + o.mismatches,
                    first != null ? first : o.first);
        }
    }

    /**
     * The keys that name versions rather than say what was decided: a deal left alone keeps its old ones ({@code
     * lists} names the sources screened, their versions and their age when decided).
     */
    static final Set<String> VERSION_STAMPS = Set.of("policyVersion", "listVersions", "listVersion", "lists");

    /**
     * Decides each of these open deals again with a fresh evaluator over the lists and policy now in force (loaded
     * anew: nothing shared with the evaluator that stored the decisions, its hit cache included), with the deal's
     * confirmed dispositions, and compares with the latest decision stored. A deal whose latest decision names the
     * versions in force must hold exactly the fresh decision (its JSON, and the outcome it and the deal carry); one
     * decided before the change (other versions) must equal it apart from the version stamps, or the change should
     * have re-decided it. Closed and unknown deals are skipped.
     */
    static Check check(Store store, List<String> ids) throws Exception {
        InForce fresh = new InForceCache(store).current(); // a cache of its own: everything loaded anew
        DealParser parser = new DealParser(fresh.pack());
        Map<String, List<Disposition>> disposed = store.dispositions().confirmedForDeals(ids);
        int checked = 0;
        int redecided = 0;
        int bad = 0;
        String first = null;
        for (String id : ids) {
            StoredDeal s = store.deals().get(id).orElse(null);
            if (s == null || !s.open() || s.decisions().isEmpty()) {
                continue;
            }
            checked++;
            StoredDecision stored = s.decisions().get(s.decisions().size() - 1);
            Deal deal = parser.parse(s.deal().json());
            Decision d = DecisionDay.decide(fresh.evaluator(), deal,
                    ConfirmedDispositions.of(disposed.getOrDefault(id, List.of()), s.revision()));
            boolean current = stored.listVersionIds().equals(fresh.listVersionIds())
                    && Objects.equals(stored.policyVersionId(), fresh.policyVersionId());
            String problem = null;
            if (current) {
                redecided++;
                // the same bytes but for the sources' ages, which move with the clock between the two decisions
                if (!withoutAges(Json.MAPPER.readTree(stored.decisionJson()))
                        .equals(withoutAges(Json.MAPPER.readTree(d.toJson())))) {
                    problem = "deal " + id + ": the decision stored (" + stored.outcome() + ", " + stored.reason()
                            + ") is not the one a full re-evaluation gives (" + d.outcome() + ")";
                }
            } else if (!withoutVersions(Json.MAPPER.readTree(stored.decisionJson()))
                    .equals(withoutVersions(d.toJsonNode()))) {
                problem = "deal " + id + ": left alone by the change (" + stored.outcome() + ", " + stored.reason()
                        + "), but a full re-evaluation decides otherwise (" + d.outcome() + ")";
            }
            if (problem == null && !(stored.outcome().equals(d.outcome().name())
                    && d.outcome().name().equals(s.outcome()))) {
                problem = "deal " + id + ": outcome " + s.outcome() + " stored, " + d.outcome()
                        + " on a full re-evaluation";
            }
            if (problem != null) {
                bad++;
                if (first == null) {
                    first = problem;
                }
            }
        }
        return new Check(checked, redecided, bad, first);
    }

    /** A decision's JSON without the age of each source screened. */
    static JsonNode withoutAges(JsonNode n) {
        JsonNode copy = n.deepCopy();
        copy.path("lists").forEach(l -> ((ObjectNode) l).remove("ageDays"));
        return copy;
    }

    /** A decision's JSON without its {@link #VERSION_STAMPS}, at any depth. */
    static JsonNode withoutVersions(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(VERSION_STAMPS);
        }
        n.forEach(ImpactBench::strip);
    }

    /** The members of the group's current version, as the pack's groups.yaml lists them. */
    static List<String> groupMembers(Path pack) throws IOException {
        String line = membersLine(Files.readString(pack.resolve("groups.yaml"), StandardCharsets.UTF_8));
        String inner = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
        return Arrays.stream(inner.split(",")).map(String::strip).toList();
    }

    private static String membersLine(String yaml) {
        int g = yaml.indexOf("  " + GROUP + ":");
        int m = yaml.indexOf("members: [", g);
        if (g < 0 || m < 0) {
            throw new IllegalStateException("the shipped pack no longer has group " + GROUP + " with a members list");
        }
        return yaml.substring(m, yaml.indexOf('\n', m));
    }

    /** Adds {@code extra} to the group's members: the bench's hypothetical "before" version. */
    static void widenGroup(Path pack, List<String> kept, List<String> extra) throws IOException {
        Path f = pack.resolve("groups.yaml");
        String yaml = Files.readString(f, StandardCharsets.UTF_8);
        String line = membersLine(yaml);
        List<String> all = new ArrayList<>(kept);
        all.addAll(extra);
        yaml = yaml.replace(line, "members: [" + String.join(", ", all) + "]");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
    }

    /** 65 countries not in the group: first those reported removed in Nov 2021, then others in code order. */
    static List<String> extraCountries(List<String> kept) {
        Set<String> out = new LinkedHashSet<>(List.of("AE", "MA", "SA", "MX", "AZ", "BH", "HU", "RW"));
        for (String c : Locale.getISOCountries()) {
            if (out.size() == DROPPED) {
                break;
            }
            if (!kept.contains(c) && !c.equals("IL")) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** 200 destinations: the group's members, the 65 dropped, and other countries. */
    static String[] destinations(List<String> kept, List<String> extra) {
        Set<String> out = new LinkedHashSet<>(kept);
        out.addAll(extra);
        for (String c : Locale.getISOCountries()) {
            if (out.size() == DESTINATIONS) {
                break;
            }
            out.add(c);
        }
        return out.toArray(String[]::new);
    }

    /** A generated deal as deal JSON (docs/deal.schema.json). */
    static String json(Deal d) {
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("date", d.date().toString());
        o.putObject("exporter").put("name", d.exporter().name()).put("country", d.exporter().country());
        ArrayNode items = o.putArray("items");
        for (Deal.Item i : d.items()) {
            ObjectNode io = items.addObject();
            io.put("description", i.description());
            ObjectNode c = io.putObject("classification");
            i.classification().forEach(c::put);
        }
        o.put("destination", d.destination());
        ArrayNode parties = o.putArray("parties");
        for (Deal.Party p : d.parties()) {
            ObjectNode po = parties.addObject();
            po.put("role", p.role());
            po.put("name", p.name());
            if (p.country() != null) {
                po.put("country", p.country());
            }
            if (p.type() != null) {
                po.put("type", p.type());
            }
        }
        if (!d.flags().isEmpty()) {
            ArrayNode f = o.putArray("flags");
            d.flags().stream().sorted().forEach(f::add);
        }
        return Json.line(o);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
