package org.exportguard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs a fuzz target over {@link Mutator#INPUTS} inputs: each input must either be accepted or fail with the one
 * expected exception type whose message passes {@code clear} (names the file and the place). Any other exception
 * or error (OutOfMemoryError included), or an input that takes longer than the per-input bound, is a finding; the
 * first few are kept with their input index, and the inputs written to {@code target/fuzz-findings} to look at.
 */
public final class FuzzRun {
    /** No single input may take longer: a reader that loops or backtracks without end is a finding. */
    public static final long PER_INPUT_MILLIS = Long.getLong("fuzz.perInputMillis", 5_000);

    /** What is done with one input; throws what the reader throws. */
    @FunctionalInterface
    public interface Target {
        void accept(byte[] input) throws Exception;
    }

    /** What a run found: how many inputs were accepted, refused cleanly, and the findings (empty when sound). */
    public record Result(String name, int inputs, int accepted, int refused, List<String> findings, long millis) {
        public String summary() {
            return name + ": " + inputs + " inputs in " + millis + " ms, " + accepted + " accepted, " + refused
                    + " refused with a clear error, " + findings.size() + " findings";
        }
    }

    private FuzzRun() {
    }

    public static Result run(String name, List<byte[]> seeds, Class<? extends Exception> expected,
                             Predicate<String> clear, Target target) {
        Mutator mutator = new Mutator(seeds, Mutator.random(name));
        List<String> findings = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        long start = System.nanoTime();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < Mutator.INPUTS; i++) {
                byte[] input = mutator.next();
                Future<?> f = worker.submit(() -> {
                    target.accept(input);
                    return null;
                });
                String finding = null;
                try {
                    f.get(PER_INPUT_MILLIS, TimeUnit.MILLISECONDS);
                    accepted++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    finding = "took over " + PER_INPUT_MILLIS + " ms";
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(); // the stuck thread is abandoned
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (expected.isInstance(c) && clear.test(c.getMessage())) {
                        refused++;
                    } else {
                        finding = c.getClass().getName() + ": " + c.getMessage() + at(c);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (finding != null) {
                    findings.add("input " + i + " (seed " + Mutator.SEED + "): " + finding);
                    keep(name, i, input);
                    if (findings.size() >= 10) {
                        break;
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Result(name, Mutator.INPUTS, accepted, refused, findings,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String at(Throwable c) {
        StackTraceElement[] st = c.getStackTrace();
        return st.length == 0 ? "" : " at " + st[0];
    }

    private static void keep(String name, int i, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-findings"));
            Files.write(dir.resolve(name + "-" + Mutator.SEED + "-" + i), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
