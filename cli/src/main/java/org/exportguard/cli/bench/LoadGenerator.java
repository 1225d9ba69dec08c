package org.exportguard.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives {@code POST /api/screen} of a server on this machine with a fixed number of concurrent keep-alive
 * connections ({@link KeepAliveConnection}, one per worker thread), for a bounded time and at most a bounded number of requests, and measures what came back.
 *
 * <p>Two modes. Closed loop (no rate): each worker sends its next request as soon as the last one is answered, so
 * the figure is the most the server gives at that concurrency. Paced (a rate): requests are due on a fixed
 * schedule shared by the workers, and each latency counts from when its request was due, not when it was sent, so
 * a stalled server cannot hide its stall by slowing the client down (no coordinated omission).
 *
 * <p>A 200 counts as a success only when its body is what {@code /api/screen} answers: one JSON object with the
 * query echoed back ({@code "query"} the name sent) and a {@code "hits"} array. Any other 200 is an error, counted
 * in {@code outcomes} as {@value #BAD_BODY}: a server answering fast with the wrong thing must not pass for fast.
 */
public final class LoadGenerator {
    public static final int MAX_CONCURRENCY = 256;
    public static final double MAX_SECONDS = 3600;
    /** The outcome of a 200 whose body is not a screening answer to the request sent. */
    public static final String BAD_BODY = "bad_body";

    /**
     * @param url         the server's base address; must be on this machine (loopback)
     * @param seconds     measured time, after the warm-up
     * @param rate        requests per second in total when paced, or 0 for closed loop
     * @param maxRequests stop after this many measured requests (0: no count bound)
     */
    public record Plan(URI url, String token, List<String> names, int concurrency, double seconds,
                       double warmupSeconds, double rate, long maxRequests) {
    }

    private final Plan plan;
    private final List<byte[]> bodies;
    private final List<String> names;

    public LoadGenerator(Plan plan) throws IOException {
        if (plan.concurrency() < 1 || plan.concurrency() > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY);
        }
        if (!(plan.seconds() > 0 && plan.seconds() <= MAX_SECONDS) || plan.warmupSeconds() < 0
                || plan.warmupSeconds() > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be in (0, " + (long) MAX_SECONDS + "]");
        }
        if (plan.names().isEmpty()) {
            throw new IllegalArgumentException("no names to screen");
        }
        String host = plan.url().getHost();
        if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load generator only targets this machine (loopback), not " + host);
        }
        this.plan = plan;
        if (!"http".equals(plan.url().getScheme()) || plan.url().getPort() < 0) {
            throw new IllegalArgumentException("expected a URL http://HOST:PORT");
        }
        // Bodies are made once, so the client spends its time on the requests, not on JSON.
        List<byte[]> b = new ArrayList<>(plan.names().size());
        for (String n : plan.names()) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("name", n);
            b.add(Json.MAPPER.writeValueAsBytes(o));
        }
        this.bodies = b;
        this.names = List.copyOf(plan.names());
    }

    /** Runs the warm-up, then the measurement; returns one JSON object of figures. */
    public ObjectNode run() throws InterruptedException {
        if (plan.warmupSeconds() > 0) {
            phase(plan.warmupSeconds(), 0);
        }
        long t0 = System.nanoTime();
        Worker[] ws = phase(plan.seconds(), plan.maxRequests());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return figures(ws, elapsed);
    }

    private Worker[] phase(double seconds, long maxRequests) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        AtomicLong tickets = new AtomicLong();
        Worker[] ws = new Worker[plan.concurrency()];
        Thread[] ts = new Thread[ws.length];
        for (int i = 0; i < ws.length; i++) {
            ws[i] = new Worker(i, start, end, tickets, maxRequests);
            ts[i] = new Thread(ws[i], "load-" + i);
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return ws;
    }

    private final class Worker implements Runnable {
        final int offset;
        final long start;
        final long end;
        final AtomicLong tickets;
        final long maxRequests;
        long[] latencies = new long[4096];
        int n;
        long errors;
        final Map<String, Long> outcomes = new TreeMap<>();

        Worker(int index, long start, long end, AtomicLong tickets, long maxRequests) {
            this.offset = (int) ((long) index * bodies.size() / plan.concurrency());
            this.start = start;
            this.end = end;
            this.tickets = tickets;
            this.maxRequests = maxRequests;
        }

        @Override
        public void run() {
            try (KeepAliveConnection c = new KeepAliveConnection(plan.url().getHost(), plan.url().getPort(),
                    "/api/screen", "Bearer " + plan.token())) {
                loop(c);
            }
        }

        private void loop(KeepAliveConnection c) {
            double gap = plan.rate() > 0 ? 1e9 / plan.rate() : 0;
            int k = offset;
            while (true) {
                long ticket = tickets.getAndIncrement();
                if (maxRequests > 0 && ticket >= maxRequests) {
                    return;
                }
                long due = System.nanoTime();
                if (gap > 0) {
                    due = start + (long) (ticket * gap);
                    if (due >= end) {
                        return;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                } else if (due >= end) {
                    return;
                }
                int which = k++ % bodies.size();
                String outcome;
                try {
                    int status = c.post(bodies.get(which));
                    outcome = Integer.toString(status);
                    if (status != 200) {
                        errors++;
                    } else if (!screenAnswer(c.body(), c.bodyLength(), names.get(which))) {
                        outcome = BAD_BODY;
                        errors++;
                    }
                } catch (IOException | RuntimeException e) {
                    outcome = e.getClass().getSimpleName();
                    errors++;
                    c.close(); // a fresh connection for the next request
                }
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = System.nanoTime() - due;
                outcomes.merge(outcome, 1L, Long::sum);
            }
        }
    }

    private static final JsonFactory JSON_FACTORY = Json.MAPPER.getFactory();

    /**
     * Whether {@code body} (its first {@code length} bytes) is one well-formed JSON object holding {@code "query"}
     * equal to {@code name} and a {@code "hits"} array. Read with the streaming parser, token by token (the whole
     * body, so malformed JSON anywhere fails), without building a tree: the client's CPU stays small.
     */
    static boolean screenAnswer(byte[] body, int length, String name) {
        try (JsonParser p = JSON_FACTORY.createParser(body, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean query = false;
            boolean hits = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("query")) {
                    query = v == JsonToken.VALUE_STRING && name.equals(p.getText());
                } else if (field.equals("hits")) {
                    hits = v == JsonToken.START_ARRAY;
                }
                p.skipChildren();
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null && query && hits;
        } catch (IOException e) {
            return false;
        }
    }

    private ObjectNode figures(Worker[] ws, double elapsed) {
        int total = 0;
        long errors = 0;
        Map<String, Long> outcomes = new TreeMap<>();
        for (Worker w : ws) {
            total += w.n;
            errors += w.errors;
            w.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        }
        long[] all = new long[total];
        int i = 0;
        for (Worker w : ws) {
            System.arraycopy(w.latencies, 0, all, i, w.n);
            i += w.n;
        }
        Arrays.sort(all);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("requests", total);
        o.put("errors", errors);
        o.put("requests_per_s", Math.round(total / elapsed * 10) / 10.0);
        o.put("p50_ms", ms(percentile(all, 0.50)));
        o.put("p99_ms", ms(percentile(all, 0.99)));
        o.put("max_ms", ms(total == 0 ? 0 : all[total - 1]));
        o.put("concurrency", plan.concurrency());
        o.put("mode", plan.rate() > 0 ? "paced" : "closed-loop");
        if (plan.rate() > 0) {
            o.put("target_rate", plan.rate());
        }
        o.put("seconds", Math.round(elapsed * 10) / 10.0);
        o.put("warmup_seconds", plan.warmupSeconds());
        ObjectNode st = o.putObject("outcomes");
        outcomes.forEach(st::put);
        return o;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.min(sorted.length - 1, Math.max(0, idx))];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
