package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.deals.DealInputs;
import org.exportguard.cli.Options;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.store.DealRecord;
import org.exportguard.store.NewDecision;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bench store}: the store under the impact benchmark's load, on a scratch store (a temporary data
 * directory, or a fresh schema in the {@code --db} database, removed afterwards): insert N open deals with 3 parties
 * each, select the open deals of 65 destinations, append a decision for each, look deals up by party words, page
 * through every open deal. ONE JSON object on stdout.
 *
 * <p>The decisions appended are real ones: the evaluator's decisions on generated deals (the shipped pack and
 * sample lists), each stored under the bench deal's id, so a decision row is the 2 to 6 KB of JSON a real one is
 * (the mean is reported), not a token string. A sample of the deals is read back afterwards: each must hold
 * exactly the decision written (else exit 6). {@code --runs N} repeats the whole run on a fresh scratch store and
 * reports the median of each figure.
 */
@Command(name = "store", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the store on a scratch store: prints ONE JSON object with insert_s, select_ms,",
                "decisions_s, decision_bytes_mean, words_ms, stream_s, rates and readback (medians of --runs).",
                "Exit 6 when a deal read back does not hold the decision written."})
public final class StoreBench implements Callable<Integer> {
    private static final int DESTINATIONS = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--deals", paramLabel = "N", description = "Open deals to store (default: ${DEFAULT-VALUE}).")
    int deals = 1_000_000;

    @Option(names = "--select", paramLabel = "K", description = "Destinations to select, of 200 (default: ${DEFAULT-VALUE}).")
    int select = 65;

    @Option(names = "--batch", paramLabel = "B", description = "Deals or decisions per transaction (default: ${DEFAULT-VALUE}).")
    int batch = 50_000;

    @Mixin
    ScratchStoreOptions store = new ScratchStoreOptions();

    @Option(names = "--runs", paramLabel = "N",
            description = "Runs, each on a fresh scratch store; the median of each figure is reported (default: ${DEFAULT-VALUE}).")
    int runs = 1;

    /** Distinct real decisions the appended ones are made from. */
    static final int DECISION_TEMPLATES = 1_000;
    /** Deals read back to check their decision. */
    static final int READBACK = 200;

    private final Context ctx;

    public StoreBench(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.positive(spec, "--deals", deals);
        Options.positive(spec, "--batch", batch);
        Options.positive(spec, "--runs", runs);
        if (select < 1 || select > DESTINATIONS) {
            throw Options.usage(spec, "Invalid value for option '--select': " + select + " is not between 1 and 200");
        }
        List<DecisionTemplate> templates = decisionTemplates(ctx, DECISION_TEMPLATES);
        List<ObjectNode> each = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            each.add(runOnScratchStore(templates));
        }
        ObjectNode o = medians(each);
        ArrayNode rs = o.putArray("runs");
        for (ObjectNode e : each) {
            ObjectNode x = rs.addObject();
            for (String k : RUN_FIGURES) {
                x.set(k, e.get(k));
            }
        }
        long mismatches = each.stream().mapToLong(e -> e.get("readback_mismatches").asLong()).sum();
        o.put("readback_mismatches", mismatches);
        String problem = mismatches == 0 ? null : mismatches + " of the deals read back do not hold the decision "
                + "written to them (" + each.stream().map(e -> e.path("readback_first_mismatch").asText(""))
                .filter(t -> !t.isEmpty()).findFirst().orElse("") + ")";
        return Bench.finish(ctx, "store", o, problem);
    }

    /** The timings listed for each run. */
    static final List<String> RUN_FIGURES = List.of("insert_s", "select_ms", "decisions_s", "words_ms", "stream_s");

    /** One run on a fresh scratch store (removed afterwards); its figures. */
    private ObjectNode runOnScratchStore(List<DecisionTemplate> templates) throws Exception {
        try (ScratchStore scratch = store.open(); Store s = Store.open(scratch.location())) {
            return run(s, scratch.dir(), templates);
        }
    }

    /**
     * The runs' figures: the median of each number ({@code audit_intact} only if every run's was), the rest as the
     * first run has it.
     */
    static ObjectNode medians(List<ObjectNode> runs) {
        ObjectNode o = runs.get(0).deepCopy();
        o.remove("readback_first_mismatch");
        for (Iterator<String> it = runs.get(0).fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode v = o.get(k);
            if (v != null && v.isNumber()) {
                double m = Bench.median(runs.stream().mapToDouble(r -> r.get(k).asDouble()).toArray());
                if (v.isIntegralNumber()) {
                    o.put(k, Math.round(m));
                } else {
                    o.put(k, round(m));
                }
            } else if (v != null && v.isBoolean()) {
                o.put(k, runs.stream().allMatch(r -> r.get(k).asBoolean()));
            }
        }
        return o;
    }

    private ObjectNode run(Store s, Path dir, List<DecisionTemplate> templates) throws Exception {
        String actor = "cli:bench";
        Random rnd = new Random(42);
        String[] words = words(rnd, 5000);
        long t0 = System.nanoTime();
        for (int from = 0; from < deals; from += batch) {
            List<DealRecord> chunk = new ArrayList<>(batch);
            for (int i = from; i < Math.min(deals, from + batch); i++) {
                chunk.add(deal(i, rnd, words));
            }
            s.deals().add(chunk, actor);
        }
        double insertS = secs(t0);

        Set<String> chosen = new LinkedHashSet<>();
        for (int d = 0; d < select; d++) {
            chosen.add(destination(d));
        }
        t0 = System.nanoTime();
        Set<String> selected = s.openDeals().idsByDestinations(chosen);
        double selectMs = secs(t0) * 1000;

        t0 = System.nanoTime();
        List<NewDecision> ds = new ArrayList<>(batch);
        long decisionBytes = 0;
        int k = 0;
        for (String id : selected) {
            DecisionTemplate tpl = templates.get(k++ % templates.size());
            ds.add(tpl.decision(id));
            decisionBytes += tpl.bytes(id);
            if (ds.size() == batch) {
                s.decisions().append(ds, actor);
                ds.clear();
            }
        }
        s.decisions().append(ds, actor);
        double decisionsS = secs(t0);
        Readback readback = readback(s, new ArrayList<>(selected), templates, READBACK);

        Set<String> lookup = Set.of(words[1], words[77], words[500], words[4000]);
        t0 = System.nanoTime();
        int byWords = s.openDeals().idsByPartyWords(lookup).size();
        double wordsMs = secs(t0) * 1000;

        t0 = System.nanoTime();
        long streamed = s.openDeals().forEachPage(10_000, p -> { });
        double streamS = secs(t0);

        t0 = System.nanoTime();
        boolean intact = s.audit().verify().intact();
        double verifyMs = secs(t0) * 1000;

        ObjectNode o = Json.object();
        o.put("store", s.location().kind().name().toLowerCase(Locale.ROOT));
        o.put("deals", deals);
        o.put("parties_per_deal", 3);
        o.put("batch", batch);
        o.put("insert_s", round(insertS));
        o.put("insert_deals_per_s", Math.round(deals / insertS));
        o.put("select_destinations", select);
        o.put("selected", selected.size());
        o.put("select_ms", round(selectMs));
        o.put("decisions_s", round(decisionsS));
        o.put("decisions_per_s", Math.round(selected.size() / Math.max(decisionsS, 1e-9)));
        o.put("decision_bytes_mean", selected.isEmpty() ? 0 : Math.round((double) decisionBytes / selected.size()));
        o.put("words_lookup", lookup.size());
        o.put("words_selected", byWords);
        o.put("words_ms", round(wordsMs));
        o.put("stream_s", round(streamS));
        o.put("streamed", streamed);
        o.put("audit_verify_ms", round(verifyMs));
        o.put("audit_intact", intact);
        o.put("readback_checked", readback.checked());
        o.put("readback_mismatches", readback.mismatches());
        if (readback.firstMismatch() != null) {
            o.put("readback_first_mismatch", readback.firstMismatch());
        }
        if (dir != null) {
            long bytes = 0;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    bytes += Files.size(p);
                }
            }
            o.put("db_mb", round(bytes / 1e6));
        }
        o.put("java", System.getProperty("java.version"));
        return o;
    }

    /**
     * A real decision as the template of the appended ones: its JSON split around the deal id (the first field),
     * so a decision for another deal is two concatenations, not a JSON rewrite inside the timed loop.
     */
    record DecisionTemplate(String outcome, String before, String after, List<String> regimes) {
        static DecisionTemplate of(Decision d) {
            String json = d.toJson();
            String field = "\"dealId\":\"" + d.dealId() + "\""; // generated ids need no escaping
            int at = json.indexOf(field);
            if (at < 0) {
                throw new IllegalStateException("a decision's JSON does not name its deal: " + json);
            }
            return new DecisionTemplate(d.outcome().name(), json.substring(0, at) + "\"dealId\":\"",
                    "\"" + json.substring(at + field.length()),
                    d.regimes().stream().map(org.exportguard.policy.eval.RegimeDecision::regime).toList());
        }

        /** This decision's JSON for deal {@code id} (a bench id: no character needs escaping). */
        String json(String id) {
            return before + id + after;
        }

        NewDecision decision(String id) {
            return new NewDecision(id, LocalDate.of(2030, 6, 1), outcome, json(id), List.of(1L), 2L,
                    "policy version 2: destination group changed", regimes);
        }

        /** The UTF-8 size of {@link #json}. */
        long bytes(String id) {
            return before.getBytes(StandardCharsets.UTF_8).length + id.length()
                    + after.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /**
     * {@code n} real decisions: the shipped pack's on deals generated as {@code bench deals} does, over the shipped
     * sample lists (so some have screening findings), as templates.
     */
    static List<DecisionTemplate> decisionTemplates(Context ctx, int n) throws Exception {
        PolicyPack pack = DealInputs.pack(null);
        PartyScreener screener = DealInputs.sampleLists(ctx);
        DealEvaluator evaluator = new DealEvaluator(pack, screener);
        List<Deal> generated = new BenchDealsCommand.DealGenerator(screener.index().parties(), 20261201L,
                Math.max(10, n / 3)).deals(n);
        return generated.parallelStream().map(d -> DecisionTemplate.of(evaluator.evaluate(d))).toList();
    }

    /** How many deals were read back, how many did not hold the decision written, and the first such. */
    record Readback(int checked, int mismatches, String firstMismatch) {
    }

    /**
     * Reads back up to {@code n} of {@code ids} (spread over the list, which is in the order the decisions were
     * made from {@code templates}) and checks that each holds one decision, exactly the one written.
     */
    static Readback readback(Store s, List<String> ids, List<DecisionTemplate> templates, int n) {
        int checked = 0;
        int bad = 0;
        String first = null;
        int step = Math.max(1, ids.size() / Math.max(1, n));
        for (int i = 0; i < ids.size() && checked < n; i += step) {
            String id = ids.get(i);
            String expected = templates.get(i % templates.size()).json(id);
            checked++;
            StoredDeal d = s.deals().get(id).orElse(null);
            String problem;
            if (d == null) {
                problem = "deal " + id + " is not there";
            } else if (d.decisions().size() != 1) {
                problem = "deal " + id + " has " + d.decisions().size() + " decisions, 1 was written";
            } else if (!d.decisions().get(0).decisionJson().equals(expected)) {
                problem = "deal " + id + " holds another decision than the one written";
            } else if (!templates.get(i % templates.size()).outcome().equals(d.outcome())) {
                problem = "deal " + id + "'s outcome is " + d.outcome();
            } else {
                continue;
            }
            bad++;
            if (first == null) {
                first = problem;
            }
        }
        return new Readback(checked, bad, first);
    }

    static String destination(int d) {
        return "" + (char) ('A' + d / 26) + (char) ('A' + d % 26);
    }

    private static DealRecord deal(int i, Random rnd, String[] words) {
        String id = String.format(Locale.ROOT, "B%08d", i);
        String dest = destination(rnd.nextInt(DESTINATIONS));
        List<String> parties = List.of(
                "US Exporter " + words[rnd.nextInt(words.length)] + " Inc.",
                words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(words.length)] + " Ltd",
                words[rnd.nextInt(words.length)] + " Logistics");
        String json = "{\"id\":\"" + id + "\",\"exportDate\":\"2030-06-01\",\"destination\":\"" + dest
                + "\",\"parties\":[{\"role\":\"exporter\",\"name\":\"" + parties.get(0) + "\"},{\"role\":\"consignee\","
                + "\"name\":\"" + parties.get(1) + "\"},{\"role\":\"forwarder\",\"name\":\"" + parties.get(2) + "\"}],"
                + "\"items\":[{\"eccn\":\"5A002\",\"value\":125000}]}";
        return new DealRecord(id, json, LocalDate.of(2030, 6, 1), dest, parties);
    }

    /** {@code n} distinct made-up capitalised words of two or three syllables. */
    static String[] words(Random rnd, int n) {
        Set<String> out = new LinkedHashSet<>();
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        while (out.size() < n) {
            StringBuilder sb = new StringBuilder();
            int syllables = 2 + rnd.nextInt(2);
            for (int k = 0; k < syllables; k++) {
                sb.append(consonants.charAt(rnd.nextInt(consonants.length())));
                sb.append(vowels.charAt(rnd.nextInt(vowels.length())));
            }
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
            out.add(sb.toString());
        }
        return out.toArray(new String[0]);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
