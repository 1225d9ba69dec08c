package org.exportguard.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reading a line another process writes, with a deadline: a process that hangs before printing must fail the test
 * saying what was awaited, not block the build forever the way a bare {@code readLine()} does.
 */
public final class TimedLines {
    private TimedLines() {
    }

    /**
     * The next line of {@code in} (null at its end), or an {@link AssertionError} after {@code timeout} naming
     * {@code what} was awaited, with {@code context} (say, the process's stderr so far). On a timeout the reading
     * thread stays blocked until the stream closes: the caller ends the process, which closes it.
     */
    public static String readLine(BufferedReader in, Duration timeout, String what, Supplier<String> context) {
        FutureTask<String> read = new FutureTask<>(in::readLine);
        Thread t = new Thread(read, "timed-readline");
        t.setDaemon(true);
        t.start();
        try {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not come within " + describe(timeout) + suffix(context));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("reading " + what, io);
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String suffix(Supplier<String> context) {
        String c = context == null ? null : context.get();
        return c == null || c.isBlank() ? "" : "; " + c.strip();
    }
}
