package org.exportguard.cli.screen;

import org.exportguard.cli.Context;
import org.exportguard.cli.UserException;
import org.exportguard.cli.io.AtomicOutput;
import org.exportguard.cli.io.CsvInput;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a CSV-in, JSON-lines-out batch: this thread reads and checks rows (so input errors carry their line), a
 * fixed pool works on batches of rows in parallel, and this thread writes the results strictly in input order to an
 * {@link AtomicOutput}. At most a few batches per thread are in flight, so memory stays flat on any input size.
 */
final class BatchPipeline<Q> {
    /** Turns a row into a work item, or throws a located problem. Runs on the reading thread. */
    interface Parser<Q> {
        Q parse(CsvInput.Row row) throws UserException;
    }

    /** One output line; {@code flagged} counts toward the summary (a row with hits, a pair that matched). */
    record Line(String json, boolean flagged) {
    }

    interface Worker<Q> {
        Line work(Q item);
    }

    record Stats(long rows, long flagged, double seconds) {
        double perSecond() {
            return seconds > 0 ? rows / seconds : rows;
        }
    }

    private static final int BATCH = 256;

    private final Context ctx;
    private final int threads;

    BatchPipeline(Context ctx, int threads) {
        this.ctx = ctx;
        this.threads = Math.max(1, threads);
    }

    Stats run(CsvInput in, Path inputFile, Path output, Parser<Q> parser, Worker<Q> worker)
            throws UserException, IOException, InterruptedException {
        long size = Math.max(1, Files.size(inputFile));
        Progress progress = new Progress(ctx, size);
        long start = System.nanoTime();
        long rows = 0;
        long flagged = 0;
        AtomicInteger tid = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "exportguard-batch-" + tid.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (AtomicOutput out = AtomicOutput.create(output)) {
            Writer w = out.writer();
            Deque<Future<List<Line>>> pending = new ArrayDeque<>();
            boolean more = true;
            while (more) {
                List<CsvInput.Row> rowsIn = new ArrayList<>(BATCH);
                more = in.nextBatch(rowsIn, BATCH);
                if (rowsIn.isEmpty()) {
                    break;
                }
                List<Q> items = new ArrayList<>(rowsIn.size());
                for (CsvInput.Row r : rowsIn) {
                    items.add(parser.parse(r));
                }
                pending.add(pool.submit(() -> {
                    List<Line> lines = new ArrayList<>(items.size());
                    for (Q q : items) {
                        lines.add(worker.work(q));
                    }
                    return lines;
                }));
                while (pending.size() > threads * 4) {
                    long[] c = write(pending.poll(), w);
                    rows += c[0];
                    flagged += c[1];
                    progress.update(in.bytesRead(), rows);
                }
            }
            while (!pending.isEmpty()) {
                long[] c = write(pending.poll(), w);
                rows += c[0];
                flagged += c[1];
                progress.update(in.bytesRead(), rows);
            }
            out.commit();
        } finally {
            pool.shutdownNow();
            progress.done();
        }
        return new Stats(rows, flagged, (System.nanoTime() - start) / 1e9);
    }

    private static long[] write(Future<List<Line>> f, Writer w) throws IOException, InterruptedException {
        List<Line> lines;
        try {
            lines = f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
        long flagged = 0;
        for (Line l : lines) {
            w.write(l.json());
            w.write('\n');
            if (l.flagged()) {
                flagged++;
            }
        }
        return new long[] {lines.size(), flagged};
    }

    static String summary(String what, String flaggedWhat, Stats s, Path output) {
        return String.format(Locale.ROOT, "exportguard: %s %d rows, %d %s, in %.2f s (%.0f names/s) -> %s",
                what, s.rows(), s.flagged(), flaggedWhat, s.seconds(), s.perSecond(), output);
    }
}
