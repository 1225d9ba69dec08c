package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.json.Json;
import org.exportguard.store.DealRecord;
import org.exportguard.store.NewDecision;
import org.exportguard.store.PostgresSchemas;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bench store}: the store under the impact benchmark's load, on a scratch store (a temporary data
 * directory, or a fresh schema in the {@code --db} database, removed afterwards): insert N open deals with 3 parties
 * each, select the open deals of 65 destinations, append a decision for each, look deals up by party words, page
 * through every open deal. ONE JSON object on stdout.
 */
@Command(name = "store", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the store on a scratch store: prints ONE JSON object with insert_s, select_ms,",
                "decisions_s, words_ms, stream_s and rates."})
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

    @Option(names = "--db", paramLabel = "URL", description = "Benchmark PostgreSQL (a scratch schema in this database) instead of SQLite.")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the scratch SQLite data directory goes (default: the system temp folder).")
    Path parent;

    private final Context ctx;

    public StoreBench(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.positive(spec, "--deals", deals);
        Options.positive(spec, "--batch", batch);
        if (select < 1 || select > DESTINATIONS) {
            throw Options.usage(spec, "Invalid value for option '--select': " + select + " is not between 1 and 200");
        }
        String schema = "eg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dir = null;
        StoreLocation loc;
        if (db != null) {
            loc = PostgresSchemas.create(db, schema);
        } else {
            dir = parent == null ? Files.createTempDirectory("exportguard-bench-")
                    : Files.createTempDirectory(Files.createDirectories(parent), "exportguard-bench-");
            loc = StoreLocation.sqlite(dir);
        }
        try {
            ctx.out().println(Json.line(run(Store.open(loc), dir)));
        } finally {
            if (db != null) {
                PostgresSchemas.drop(db, schema);
            } else {
                org.exportguard.store.TempDirs.deleteQuietly(dir);
            }
        }
        return Main.EXIT_OK;
    }

    private ObjectNode run(Store s, Path dir) throws Exception {
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
        for (String id : selected) {
            ds.add(new NewDecision(id, LocalDate.of(2030, 6, 1), "BLOCKED",
                    "{\"outcome\":\"BLOCKED\",\"reasons\":[\"destination embargoed\"]}", List.of(1L), 2L,
                    "policy version 2: destination group changed"));
            if (ds.size() == batch) {
                s.decisions().append(ds, actor);
                ds.clear();
            }
        }
        s.decisions().append(ds, actor);
        double decisionsS = secs(t0);

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
        o.put("words_lookup", lookup.size());
        o.put("words_selected", byWords);
        o.put("words_ms", round(wordsMs));
        o.put("stream_s", round(streamS));
        o.put("streamed", streamed);
        o.put("audit_verify_ms", round(verifyMs));
        o.put("audit_intact", intact);
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

    private static String[] words(Random rnd, int n) {
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
