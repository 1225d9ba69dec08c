package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Options;
import org.exportguard.json.Json;
import org.exportguard.store.DealQueue;
import org.exportguard.store.DealQueue.Query;
import org.exportguard.store.DealQueue.Sort;
import org.exportguard.store.DealRecord;
import org.exportguard.store.NewDecision;
import org.exportguard.store.PartyWords;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bench queue}: the workbench's deal queue at scale. Fills a scratch store (a temporary data directory, or a
 * fresh schema in the {@code --db} database, removed afterwards) with N deals in bulk transactions, each with a
 * decision, then times the store query {@code GET /api/deals} runs for one page (the server's work for the route but
 * the JSON of at most 50 rows): the first page, deep pages, each filter, each sort both ways, each repeated, with
 * the median and 95th percentile. Every page is checked (its rows match the filters and are in the order asked;
 * consecutive pages neither overlap nor skip), else exit 6. ONE JSON object on stdout.
 *
 * <p>The deals are shaped like a desk's: destinations drawn from real country codes with a long tail (a few take
 * most deals), 1 to 4 parties named from a pool of 20,000 words (so a word is in a few hundred deals, and legal
 * forms in many), export dates over two years, outcomes mostly CLEARED and LICENCE_REQUIRED with 6% REVIEW and 2%
 * BLOCKED, regimes UN always, US-EAR, EU-2021-821 and IL-DECA by exporter, one deal in 500 closed (one
 * transaction each, as the API closes them). The
 * decision rows are small stand-ins holding the outcome and regimes: the queue reads only the deals' columns.
 */
@Command(name = "queue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the deal queue (GET /api/deals) on a scratch store of N deals: prints ONE JSON",
                "object with fill_s and, per case (first page, deep pages, each filter, each sort both ways),",
                "median_ms and p95_ms of the store's page query. Exit 6 when a page is wrong."})
public final class QueueBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--deals", paramLabel = "N", description = "Deals to store (default: ${DEFAULT-VALUE}).")
    int deals = 1_000_000;

    @Option(names = "--batch", paramLabel = "B", description = "Deals per transaction (default: ${DEFAULT-VALUE}).")
    int batch = 50_000;

    @Option(names = "--repeat", paramLabel = "R", description = "Timed runs of each case (default: ${DEFAULT-VALUE}).")
    int repeat = 20;

    @Option(names = "--limit", paramLabel = "L", description = "Deals per page (default: ${DEFAULT-VALUE}, as the API).")
    int limit = 50;

    @Mixin
    ScratchStoreOptions store = new ScratchStoreOptions();

    @Option(names = "--explain", description = "Add each case's query plan (EXPLAIN) to the output.")
    boolean explain;

    /** Destinations by weight (the k-th about 1/(k+1)): the first few take most deals, as on a real desk. */
    static final String[] DESTINATIONS = Stream.concat(
            Stream.of("US", "DE", "GB", "FR", "IL", "IN", "JP", "SG", "AE", "CN", "NL", "KR", "CA", "BR", "TR", "RU"),
            Arrays.stream(Locale.getISOCountries()).sorted()).distinct().toArray(String[]::new);
    static final String[] OUTCOMES = {"REVIEW", "BLOCKED", "LICENCE_REQUIRED", "CLEARED"};
    static final String[] LEGAL = {"Ltd", "GmbH", "Inc.", "S.A.", "LLC", "B.V.", "Co.", "Pte Ltd"};
    static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 1);
    static final int DAYS = 730;

    private final Context ctx;

    public QueueBench(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.positive(spec, "--deals", deals);
        Options.positive(spec, "--batch", batch);
        Options.positive(spec, "--repeat", repeat);
        if (limit < 1 || limit > DealQueue.MAX_PAGE) {
            throw Options.usage(spec, "Invalid value for option '--limit': " + limit + " is not between 1 and "
                    + DealQueue.MAX_PAGE);
        }
        try (ScratchStore scratch = store.open(); Store s = Store.open(scratch.location())) {
            ObjectNode o = Json.object();
            o.put("store", s.location().kind().name().toLowerCase(Locale.ROOT));
            o.put("deals", deals);
            Generator g = new Generator(new Random(20261130L));
            long t0 = System.nanoTime();
            for (int from = 0; from < deals; from += batch) {
                List<DealRecord> chunk = new ArrayList<>(batch);
                List<NewDecision> decisions = new ArrayList<>(batch);
                for (int i = from; i < Math.min(deals, from + batch); i++) {
                    g.next(i, chunk, decisions);
                }
                s.deals().add(chunk, decisions, "cli:bench");
            }
            List<String> closing = g.closed;
            for (String id : closing) { // one transaction each, as the API closes deals
                s.deals().close(id, "cli:bench");
            }
            o.put("fill_s", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            o.put("fill_deals_per_s", Math.round(deals / ((System.nanoTime() - t0) / 1e9)));
            o.put("closed", closing.size());
            o.put("repeat", repeat);
            o.put("limit", limit);
            PageCheck check = new PageCheck();
            ArrayNode cases = o.putArray("cases");
            double worst = 0;
            for (Map.Entry<String, Query> c : cases(s, g).entrySet()) {
                ObjectNode r = timeCase(s, c.getKey(), c.getValue(), check);
                worst = Math.max(worst, r.get("p95_ms").asDouble());
                cases.add(r);
            }
            o.put("worst_p95_ms", worst);
            o.put("pages_checked", check.pages);
            o.put("java", System.getProperty("java.version"));
            return Bench.finish(ctx, "queue", o, check.problem);
        }
    }

    /** The cases timed: name → the first page's query (a "deep" case starts from a cursor far into the order). */
    private Map<String, Query> cases(Store s, Generator g) {
        Map<String, Query> m = new LinkedHashMap<>();
        m.put("first page", q(null, null, null, null, null, null, Sort.QUEUE, false));
        m.put("outcome=REVIEW", q(Set.of("REVIEW"), null, null, null, null, null, Sort.QUEUE, false));
        m.put("outcome=BLOCKED,CLEARED", q(Set.of("BLOCKED", "CLEARED"), null, null, null, null, null, Sort.QUEUE,
                false));
        m.put("destination=" + DESTINATIONS[0] + " (most deals)", q(null, DESTINATIONS[0], null, null, null, null,
                Sort.QUEUE, false));
        m.put("destination=" + DESTINATIONS[DESTINATIONS.length - 1] + " (fewest)", q(null,
                DESTINATIONS[DESTINATIONS.length - 1], null, null, null, null, Sort.QUEUE, false));
        m.put("party=" + g.words[3] + " (a name word)", q(null, null, g.words[3], null, null, null, Sort.QUEUE, false));
        m.put("party=ltd (a legal form)", q(null, null, "ltd", null, null, null, Sort.QUEUE, false));
        m.put("party=" + g.words[3] + " " + g.words[9] + " (two words)", q(null, null, g.words[3] + " " + g.words[9],
                null, null, null, Sort.QUEUE, false));
        m.put("regime=IL-DECA", q(null, null, null, "IL-DECA", null, null, Sort.QUEUE, false));
        m.put("regime=US-EAR", q(null, null, null, "US-EAR", null, null, Sort.QUEUE, false));
        m.put("from=2026-03-01&to=2026-03-31", q(null, null, null, null, "2026-03-01", "2026-03-31", Sort.QUEUE,
                false));
        m.put("outcome=REVIEW&destination=" + DESTINATIONS[1] + "&regime=EU-2021-821&from=2025-06-01", q(
                Set.of("REVIEW"), DESTINATIONS[1], null, "EU-2021-821", "2025-06-01", null, Sort.QUEUE, false));
        for (Sort sort : Sort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                String name = "sort=" + sort.id() + (desc ? "&direction=desc" : "");
                m.put(name, q(null, null, null, null, null, null, sort, desc));
                m.put(name + " (deep: after the middle deal)", deep(s, q(null, null, null, null, null, null, sort, desc)));
            }
        }
        m.put("sort=party&outcome=REVIEW", q(Set.of("REVIEW"), null, null, null, null, null, Sort.PARTY, false));
        m.put("sort=updated&direction=desc&outcome=REVIEW,BLOCKED", q(Set.of("REVIEW", "BLOCKED"), null, null, null,
                null, null, Sort.UPDATED, true));
        m.put("sort=party&outcome=REVIEW&regime=IL-DECA", q(Set.of("REVIEW"), null, null, "IL-DECA", null, null,
                Sort.PARTY, false));
        m.put("sort=updated&direction=desc&destination=" + DESTINATIONS[2], q(null, DESTINATIONS[2], null, null, null,
                null, Sort.UPDATED, true));
        m.put("sort=destination&party=" + g.words[5], q(null, null, g.words[5], null, null, null, Sort.DESTINATION,
                false));
        return m;
    }

    private Query q(Set<String> outcomes, String destination, String party, String regime, String from, String to,
                    Sort sort, boolean desc) {
        return new Query("open", outcomes, destination, party == null ? null : PartyWords.of(party), regime, from, to,
                sort, desc, null, limit);
    }

    /**
     * The query of a page deep in the order: the one after the middle deal ({@code Q00500000} of a million), from
     * that deal's own row, as a user paging there would hold it (keyset paging cannot jump, and walking there
     * would take the bench minutes per case).
     */
    private Query deep(Store s, Query q) {
        StoredDeal d = s.deals().get(String.format(Locale.ROOT, "Q%08d", deals / 2)).orElseThrow();
        DealQueue.Row row = new DealQueue.Row(d.deal().id(), d.deal().exportDate() == null ? null
                : d.deal().exportDate().toString(), d.deal().destination(), d.deal().partyNames(), d.status(),
                d.outcome(), d.updatedAt());
        return withCursor(q, DealQueue.cursorAfter(q, row));
    }

    private static Query withCursor(Query q, DealQueue.Cursor after) {
        return new Query(q.status(), q.outcomes(), q.destination(), q.partyWords(), q.regime(), q.from(), q.to(),
                q.sort(), q.descending(), after, q.limit());
    }

    /** {@link #repeat} timed runs of a case's page, then of the page after it; each page checked. */
    private ObjectNode timeCase(Store s, String name, Query q, PageCheck check) {
        double[] ms = new double[repeat];
        DealQueue.Page first = null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            DealQueue.Page p = s.dealQueue().page(q);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (first == null) {
                first = p;
                check.page(name, q, p, null);
            }
        }
        double[] nextMs = new double[repeat];
        if (first.next() != null) {
            Query next = withCursor(q, first.next());
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                DealQueue.Page p = s.dealQueue().page(next);
                nextMs[r] = (System.nanoTime() - t0) / 1e6;
                if (r == 0) {
                    check.page(name + ", next page", next, p, first);
                }
            }
        }
        double[] both = new double[2 * repeat];
        System.arraycopy(ms, 0, both, 0, repeat);
        System.arraycopy(nextMs, 0, both, repeat, repeat);
        if (first.next() == null) {
            both = ms;
        }
        ObjectNode o = Json.object();
        o.put("case", name);
        o.put("rows", first.rows().size());
        o.put("median_ms", round(Bench.median(both)));
        o.put("p95_ms", round(percentile(both, 0.95)));
        o.put("max_ms", round(Arrays.stream(both).max().orElse(0)));
        if (explain) {
            ArrayNode plan = o.putArray("plan");
            s.dealQueue().explain(q).forEach(plan::add);
        }
        return o;
    }

    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(p * v.length) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * What every timed page must be: rows matching the query's filters, in its order, and a next page starting
     * strictly after the previous one's last row (keyset: no overlap). The first failure is kept.
     */
    static final class PageCheck {
        String problem;
        int pages;

        void page(String name, Query q, DealQueue.Page p, DealQueue.Page before) {
            pages++;
            List<DealQueue.Row> rows = new ArrayList<>(p.rows());
            if (before != null && !before.rows().isEmpty()) {
                rows.add(0, before.rows().get(before.rows().size() - 1));
            }
            for (int i = 0; i < rows.size() && problem == null; i++) {
                DealQueue.Row r = rows.get(i);
                String bad = null;
                if (!r.status().equals(q.status())) {
                    bad = "status " + r.status();
                } else if (q.outcomes() != null && !q.outcomes().isEmpty() && !q.outcomes().contains(r.outcome())) {
                    bad = "outcome " + r.outcome();
                } else if (q.destination() != null && !q.destination().equals(r.destination())) {
                    bad = "destination " + r.destination();
                } else if (q.partyWords() != null
                        && !PartyWords.of(String.join(" ", r.partyNames())).containsAll(q.partyWords())) {
                    bad = "parties " + r.partyNames();
                } else if (q.from() != null && (r.exportDate() == null || r.exportDate().compareTo(q.from()) < 0)
                        || q.to() != null && (r.exportDate() == null || r.exportDate().compareTo(q.to()) > 0)) {
                    bad = "export date " + r.exportDate();
                } else if (i > 0 && compare(q, rows.get(i - 1), r) >= 0) {
                    bad = "out of order after " + rows.get(i - 1).id();
                }
                if (bad != null) {
                    problem = name + ": deal " + r.id() + ": " + bad;
                }
            }
        }

        private static int compare(Query q, DealQueue.Row a, DealQueue.Row b) {
            int c = switch (q.sort()) {
                case QUEUE -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b))
                        : date(a).compareTo(date(b));
                case DATE -> date(a).compareTo(date(b));
                case DESTINATION -> a.destination().compareTo(b.destination());
                case PARTY -> String.join("\n", a.partyNames()).compareTo(String.join("\n", b.partyNames()));
                case UPDATED -> a.updatedAt().compareTo(b.updatedAt());
            };
            c = c != 0 ? c : a.id().compareTo(b.id());
            return q.descending() ? -c : c;
        }

        private static int rank(DealQueue.Row r) {
            int i = r.outcome() == null ? -1 : DealQueue.ORDER.indexOf(r.outcome());
            return i < 0 ? DealQueue.ORDER.size() : i;
        }

        private static String date(DealQueue.Row r) {
            return r.exportDate() == null ? "" : r.exportDate();
        }
    }

    /** Deals like a desk's (see the class comment), the same for a given seed. */
    static final class Generator {
        final Random rnd;
        final String[] words;
        final List<String> closed = new ArrayList<>();

        Generator(Random rnd) {
            this.rnd = rnd;
            this.words = StoreBench.words(rnd, 20_000);
        }

        void next(int i, List<DealRecord> deals, List<NewDecision> decisions) {
            String id = String.format(Locale.ROOT, "Q%08d", i);
            // a long tail: destination k with weight about 1/(k+1)
            String dest = DESTINATIONS[Math.min(DESTINATIONS.length - 1,
                    (int) Math.floor(Math.pow(DESTINATIONS.length + 1, rnd.nextDouble())) - 1)];
            LocalDate date = FIRST_DATE.plusDays(rnd.nextInt(DAYS));
            int parties = 1 + rnd.nextInt(4);
            List<String> names = new ArrayList<>(parties);
            for (int k = 0; k < parties; k++) {
                names.add(words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(words.length)] + " "
                        + LEGAL[rnd.nextInt(LEGAL.length)]);
            }
            StringBuilder json = new StringBuilder("{\"id\":\"").append(id).append("\",\"exportDate\":\"").append(date)
                    .append("\",\"destination\":\"").append(dest).append("\",\"parties\":[");
            for (int k = 0; k < names.size(); k++) {
                json.append(k == 0 ? "" : ",").append("{\"role\":\"").append(k == 0 ? "exporter" : "end-user")
                        .append("\",\"name\":\"").append(names.get(k)).append("\"}");
            }
            json.append("],\"items\":[{\"description\":\"network software\",\"classification\":{\"WA\":\"4.D.4\"}}]}");
            deals.add(new DealRecord(id, json.toString(), date, dest, names));
            double u = rnd.nextDouble();
            String outcome = u < 0.06 ? OUTCOMES[0] : u < 0.08 ? OUTCOMES[1] : u < 0.30 ? OUTCOMES[2] : OUTCOMES[3];
            List<String> regimes = new ArrayList<>(List.of("UN"));
            double e = rnd.nextDouble(); // by exporter: US, EU, Israeli or other
            if (e < 0.40) {
                regimes.add("US-EAR");
            } else if (e < 0.75) {
                regimes.add("EU-2021-821");
            } else if (e < 0.85) {
                regimes.add("IL-DECA");
            }
            decisions.add(new NewDecision(id, date, outcome, "{\"dealId\":\"" + id + "\",\"outcome\":\"" + outcome
                    + "\",\"regimes\":" + Json.line(regimes.stream().map(r -> Json.object().put("regime", r))
                    .toList()) + "}", List.of(), null, "deal added", regimes));
            if (rnd.nextInt(500) == 0) {
                closed.add(id);
            }
        }
    }
}
