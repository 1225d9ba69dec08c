package org.exportguard.service.fetch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve --refresh}: fetches every source on a schedule, on one daemon thread of its own, so a slow or failing
 * publisher never holds up or stops the server. Each source is fetched when the refresher starts and then every
 * {@code interval}; a failed fetch is retried sooner, with exponential back-off ({@link #retryDelay}), never later
 * than the regular schedule. One log line per attempt. A refresh never accepts an implausible shrink (that takes a
 * person: {@code lists fetch --allow-shrink}). Imported versions reach screening the way every import does: the
 * server's watch of the store swaps them in within seconds.
 */
public final class Refresher implements AutoCloseable {
    /** The first retry of a failed source waits this long (or the interval, if shorter); each next one twice as long. */
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private final ListFetcher fetcher;
    private final org.exportguard.store.ListVersions.Rules rules;
    private final Duration interval;
    private final String actor;
    private final PrintStream log;
    private final ScheduledExecutorService thread;

    private Refresher(ListFetcher fetcher, org.exportguard.store.ListVersions.Rules rules, Duration interval,
                      String actor, PrintStream log) {
        this.fetcher = fetcher;
        this.rules = rules;
        this.interval = interval;
        this.actor = actor;
        this.log = log;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exportguard-list-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts fetching {@code sources} now and then every {@code interval}; {@link #close} stops it. */
    public static Refresher start(ListFetcher fetcher, List<SourceSpec> sources, Duration interval, String actor,
                                  PrintStream log) {
        return start(fetcher, sources, org.exportguard.store.ListVersions.Rules.DEFAULT, interval, actor, log);
    }

    /**
     * As above, importing under {@code rules} (its largest shrink; a refresh never allows more, whatever
     * {@code rules} say).
     */
    public static Refresher start(ListFetcher fetcher, List<SourceSpec> sources,
                                  org.exportguard.store.ListVersions.Rules rules, Duration interval, String actor,
                                  PrintStream log) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("refresh interval must be positive: " + interval);
        }
        Refresher r = new Refresher(fetcher, new org.exportguard.store.ListVersions.Rules(rules.maxShrink(), false),
                interval, actor, log);
        for (SourceSpec s : sources) {
            r.thread.execute(() -> r.attempt(s, 0));
        }
        return r;
    }

    /**
     * How long to wait before retrying a source that failed {@code failures} times in a row: {@link #FIRST_RETRY}
     * (or the interval, if shorter), doubled for each further failure, never more than the interval.
     */
    public static Duration retryDelay(int failures, Duration interval) {
        Duration first = FIRST_RETRY.compareTo(interval) < 0 ? FIRST_RETRY : interval;
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration d = first.multipliedBy(1L << doublings);
        return d.compareTo(interval) > 0 ? interval : d;
    }

    private void attempt(SourceSpec s, int failures) {
        int failed = failures;
        try {
            FetchResult r = fetcher.fetch(s, rules, actor);
            failed = r.failed() ? failures + 1 : 0;
            log.println("exportguard: refresh " + r.line() + "; " + next(failed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping
        } catch (Throwable t) { // the store is away, or a bug: the server goes on, and so does the schedule
            failed = failures + 1;
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            log.println("exportguard: refresh " + s.id() + ": error: " + m.replaceAll("\\s*\\R\\s*", " ") + "; "
                    + next(failed));
        }
        int f = failed;
        Duration wait = f == 0 ? interval : retryDelay(f, interval);
        try {
            thread.schedule(() -> attempt(s, f), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private String next(int failures) {
        return failures == 0 ? "next in " + human(interval)
                : "retry " + failures + " in " + human(retryDelay(failures, interval));
    }

    /** A duration as people write it: 6h, 30m, 1h30m, 45s. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long days = s / 86_400;
        long h = s % 86_400 / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (sec > 0) {
            sb.append(sec).append('s');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Stops the schedule; a fetch under way is interrupted, and its source keeps the version in force. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
