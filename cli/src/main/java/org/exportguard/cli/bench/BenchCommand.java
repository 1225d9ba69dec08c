package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.core.screen.evidence.EvidenceScreening;
import org.exportguard.json.Json;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** {@code exportguard bench ...}: performance measurements with machine-readable output. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures performance.")
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /**
     * {@code bench screen}: index build time, heap, single-thread latency percentiles and all-core throughput, as
     * one JSON object on stdout. Time is split: a tenth warms up, about half of the rest times single calls, the
     * rest runs all cores. The hits are counted, not discarded (an index that returned nothing would look fast),
     * and the index is checked before any timing: a sample of names drawn from the loaded lists must each find
     * its own entry, else the bench fails (exit 6).
     */
    @Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Benchmarks screening: prints ONE JSON object with p50_us, p99_us (single-thread latency),",
                    "cpu_us_per_query (single thread, CPU time: steadier than p50 on a busy machine),",
                    "names_per_s (all cores), queries_with_hits, hits_per_query, self_check, build_ms, heap_mb,",
                    "queries, parties, threads, java. Exit 6 when a listed name does not find its own entry."})
    public static final class Screen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--list", required = true, paramLabel = "PATH", description = "A list file or folder (repeatable).")
        List<Path> lists;

        @Option(names = "--queries", required = true, paramLabel = "TXT", description = "Names to screen, one per line.")
        Path queries;

        @Option(names = "--seconds", paramLabel = "S", description = "Total measuring time (default: ${DEFAULT-VALUE}).")
        double seconds = 10;

        @Option(names = "--threshold", paramLabel = "T", description = "Screening threshold (default: ${DEFAULT-VALUE}).")
        double threshold = NameMatcher.DEFAULT_THRESHOLD;

        @Option(names = "--limit", paramLabel = "N", description = "Most hits per name (default: ${DEFAULT-VALUE}).")
        int limit = 10;

        @Option(names = "--evidence",
                description = "Give every query secondary evidence (type person, country RU, dob 1950..1980, a "
                        + "passport number), to time the evidence step on top of the name score.")
        boolean evidence;

        @Option(names = "--self-check", paramLabel = "N",
                description = "Listed names, drawn from the loaded lists, that must find their own entry (default: ${DEFAULT-VALUE}).")
        int selfCheck = SELF_CHECK_SAMPLE;

        /** Listed names checked by default. */
        static final int SELF_CHECK_SAMPLE = 200;
        /** Hits considered when looking for a listed name's own entry: many entries can share one name. */
        static final int SELF_CHECK_LIMIT = 100;

        private final Context ctx;

        public Screen(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Options.positive(spec, "--seconds", seconds);
            Options.threshold(spec, threshold);
            Options.positive(spec, "--limit", limit);
            Options.positive(spec, "--self-check", selfCheck);
            List<ScreeningQuery> qs = evidence ? withEvidence(readQueries(queries)) : readQueries(queries);
            List<PartyList> loaded = ctx.loadLists(lists);
            long t0 = System.nanoTime();
            ScreeningIndex built = ScreeningIndex.build(loaded);
            // what screen and the API run: the index alone for a name, the evidence step on top when there is more
            EvidenceScreening index = EvidenceScreening.of(built);
            double buildMs = (System.nanoTime() - t0) / 1e6;
            int parties = loaded.stream().mapToInt(l -> l.parties().size()).sum();
            SelfCheck check = selfCheck(loaded, built, threshold, selfCheck, 20261130L);
            loaded = null; // the index is what stays in memory
            Runtime rt = Runtime.getRuntime();
            System.gc();
            double heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);

            long total = (long) (seconds * 1e9);
            long warmup = total / 10;
            long latencyTime = (total - warmup) / 2;
            long throughputTime = total - warmup - latencyTime;

            // warm up: at least one pass over the queries
            long end = System.nanoTime() + warmup;
            int i = 0;
            do {
                index.screen(qs.get(i++ % qs.size()), threshold, limit);
            } while (System.nanoTime() < end || i < qs.size());

            // single-thread latency: at least one full pass, whose hits are counted per query
            long[] samples = new long[Math.max(qs.size(), 1024)];
            int[] hitsOf = new int[qs.size()];
            int n = 0;
            // the measuring thread's CPU time over the pass: unlike wall time, it leaves out time other processes take
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            end = System.nanoTime() + latencyTime;
            do {
                ScreeningQuery q = qs.get(n % qs.size());
                long s = System.nanoTime();
                List<ScreeningHit> hits = index.screen(q, threshold, limit);
                long d = System.nanoTime() - s;
                if (n < hitsOf.length) {
                    hitsOf[n] = hits.size();
                }
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, samples.length * 2);
                }
                samples[n++] = d;
            } while (System.nanoTime() < end || n < qs.size());
            double cpuUsPerQuery = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e3 / n;
            Arrays.sort(samples, 0, n);
            long queriesWithHits = Arrays.stream(hitsOf).filter(h -> h > 0).count();
            long hitsTotal = Arrays.stream(hitsOf).asLongStream().sum();

            // throughput: a fixed pool of one thread per core, each walking the queries from its own offset
            int threads = rt.availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long tStart = System.nanoTime();
            long tEnd = tStart + throughputTime;
            List<Future<long[]>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * Math.max(1, qs.size() / threads);
                done.add(pool.submit(() -> {
                    long count = 0;
                    long hits = 0;
                    int k = offset;
                    do {
                        hits += index.screen(qs.get(k++ % qs.size()), threshold, limit).size();
                        count++;
                    } while (System.nanoTime() < tEnd);
                    return new long[] {count, hits};
                }));
            }
            long count = 0;
            long throughputHits = 0;
            for (Future<long[]> f : done) {
                long[] r = f.get();
                count += r[0];
                throughputHits += r[1];
            }
            double elapsed = (System.nanoTime() - tStart) / 1e9;
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);

            ObjectNode o = Json.object();
            o.put("p50_us", round1(percentile(samples, n, 0.50) / 1e3));
            o.put("p99_us", round1(percentile(samples, n, 0.99) / 1e3));
            o.put("cpu_us_per_query", round1(cpuUsPerQuery));
            o.put("names_per_s", Math.round(count / elapsed));
            o.put("queries_with_hits", queriesWithHits);
            o.put("hits_per_query", Math.round(100.0 * hitsTotal / qs.size()) / 100.0);
            o.put("throughput_hits_per_query", Math.round(100.0 * throughputHits / Math.max(1, count)) / 100.0);
            ObjectNode sc = o.putObject("self_check");
            sc.put("sampled", check.sampled());
            sc.put("found", check.found());
            ArrayNode missing = sc.putArray("missing");
            check.missing().forEach(missing::add);
            o.put("build_ms", round1(buildMs));
            o.put("evidence", evidence);
            o.put("heap_mb", round1(heapMb));
            o.put("queries", qs.size());
            o.put("parties", parties);
            o.put("threads", threads);
            o.put("latency_samples", n);
            o.put("seconds", seconds);
            o.put("java", System.getProperty("java.version"));
            return Bench.finish(ctx, "screen", o, check.problem());
        }

        /**
         * What the self-check found: of {@code sampled} listed names, {@code found} found their own entry (same
         * source and source id) among their hits; {@code missing} names the first few that did not.
         */
        record SelfCheck(int sampled, int found, List<String> missing) {
            String problem() {
                if (sampled == 0) {
                    return "the lists hold no named entry to check the index with";
                }
                return found == sampled ? null : (sampled - found) + " of " + sampled
                        + " listed names did not find their own entry (" + String.join("; ", missing) + ")";
            }
        }

        /**
         * Screens up to {@code sample} primary names drawn (with this seed) from {@code sampleFrom} against
         * {@code index}, untyped as the bench's queries are, and checks that each finds the entry it was drawn
         * from. An index that answers nothing, or answers for other lists, fails.
         */
        static SelfCheck selfCheck(List<PartyList> sampleFrom, ScreeningIndex index, double threshold, int sample,
                                   long seed) {
            List<ListedParty> named = new ArrayList<>();
            sampleFrom.forEach(l -> l.parties().stream()
                    .filter(p -> p.primaryName() != null && !p.primaryName().isBlank()).forEach(named::add));
            Collections.shuffle(named, new Random(seed));
            List<ListedParty> drawn = named.subList(0, Math.min(sample, named.size()));
            int found = 0;
            List<String> missing = new ArrayList<>();
            for (ListedParty p : drawn) {
                boolean own = index.screen(ScreeningQuery.of(p.primaryName()), threshold, SELF_CHECK_LIMIT).stream()
                        .anyMatch(h -> h.party().source().equals(p.source())
                                && h.party().sourceId().equals(p.sourceId()));
                if (own) {
                    found++;
                } else if (missing.size() < 5) {
                    missing.add(p.source() + " " + p.sourceId() + " '" + p.primaryName() + "'");
                }
            }
            return new SelfCheck(drawn.size(), found, missing);
        }

        /** The same names, each with type, country, a birth-year range and a passport number. */
        static List<ScreeningQuery> withEvidence(List<ScreeningQuery> qs) {
            return qs.stream().map(q -> new ScreeningQuery(q.name(), PartyType.PERSON, "RU", "1950..1980",
                    List.of(new Identifier("passport", "X0000000", null)))).toList();
        }

        static double percentile(long[] sorted, int n, double p) {
            int idx = (int) Math.ceil(p * n) - 1;
            return sorted[Math.min(n - 1, Math.max(0, idx))];
        }

        static double round1(double v) {
            return Math.round(v * 10) / 10.0;
        }

        /** One name a line, UTF-8, blank lines skipped; an empty file is an error. */
        static List<ScreeningQuery> readQueries(Path file) throws UserException, IOException {
            List<ScreeningQuery> qs = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new CheckedReader(Files.newInputStream(file), CheckedReader.MAX_LINE))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String name = line.replace("\uFEFF", "").strip();
                    if (!name.isEmpty()) {
                        qs.add(ScreeningQuery.of(name));
                    }
                }
            } catch (NoSuchFileException e) {
                throw UserException.at(file, 0, null, "no such file");
            } catch (BadTextException e) {
                throw UserException.at(file, e.line(), null, e.problem());
            }
            if (qs.isEmpty()) {
                throw UserException.at(file, 1, null, "no names; expected one name per line");
            }
            return qs;
        }
    }

    /**
     * {@code bench serve}: a load generator against a running {@code exportguard serve} on this machine; ONE JSON
     * object on stdout. Bounded: loopback only, at most 256 connections, at most an hour, optionally a count.
     */
    @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Load-tests POST /api/screen of a server on this machine (loopback only).",
                    "Prints ONE JSON object: requests, errors, requests_per_s, p50_ms, p99_ms, max_ms, outcomes."})
    public static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The server, e.g. http://127.0.0.1:8080.")
        String url;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "A bearer token of a viewer or above.")
        String token;

        @Option(names = "--names", required = true, paramLabel = "TXT", description = "Names to screen, one per line.")
        Path names;

        @Option(names = "--seconds", paramLabel = "S", description = "Measured time (default: ${DEFAULT-VALUE}; at most 3600).")
        double seconds = 30;

        @Option(names = "--warmup", paramLabel = "S", description = "Unmeasured warm-up first (default: ${DEFAULT-VALUE}).")
        double warmup = 5;

        @Option(names = "--concurrency", paramLabel = "N", description = "Concurrent connections (default: ${DEFAULT-VALUE}; at most 256).")
        int concurrency = 8;

        @Option(names = "--rate", paramLabel = "R",
                description = "Paced: R requests per second in all, latency counted from when each was due. "
                        + "Default 0: closed loop, each connection sends as soon as it is answered.")
        double rate = 0;

        @Option(names = "--requests", paramLabel = "N", description = "Stop after N measured requests (default 0: time only).")
        long requests = 0;

        private final Context ctx;

        public Serve(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            URI base;
            try {
                base = new URI(url);
            } catch (URISyntaxException e) {
                throw Options.usage(spec, "Invalid value for option '--url': " + e.getMessage());
            }
            if (!"http".equals(base.getScheme()) || base.getHost() == null) {
                throw Options.usage(spec, "Invalid value for option '--url': expected http://HOST:PORT");
            }
            if (rate < 0 || requests < 0) {
                throw Options.usage(spec, "--rate and --requests must not be negative");
            }
            List<String> list = Screen.readQueries(names).stream().map(ScreeningQuery::name).toList();
            LoadGenerator gen;
            try {
                gen = new LoadGenerator(new LoadGenerator.Plan(base, token, list, concurrency, seconds, warmup, rate,
                        requests));
            } catch (IllegalArgumentException e) {
                throw Options.usage(spec, e.getMessage());
            }
            ctx.out().println(Json.line(gen.run()));
            return Main.EXIT_OK;
        }
    }
}
