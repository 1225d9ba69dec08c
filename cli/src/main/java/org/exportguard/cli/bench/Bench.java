package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.json.Json;

import java.util.Arrays;

/** What the benches share: the one JSON object they print, their self-checks' verdict, medians of repeated runs. */
final class Bench {
    private Bench() {
    }

    /**
     * Prints the figures (ONE JSON object on stdout) and returns the exit code: 0, or, when a check failed
     * ({@code problem} not null), {@link Main#EXIT_BENCH_CHECK} with one line on stderr saying what failed: a figure
     * whose check failed measures something other than the work it names and must not be quoted.
     */
    static int finish(Context ctx, String bench, ObjectNode figures, String problem) {
        ctx.out().println(Json.line(figures));
        ctx.out().flush();
        if (problem == null) {
            return Main.EXIT_OK;
        }
        ctx.err().println("exportguard: bench " + bench + ": check failed: " + CliText.oneLine(problem));
        ctx.err().flush();
        return Main.EXIT_BENCH_CHECK;
    }

    /** The median (the mean of the middle two for an even count). */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
