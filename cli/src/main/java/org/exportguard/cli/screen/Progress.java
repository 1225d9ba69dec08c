package org.exportguard.cli.screen;

import org.exportguard.cli.Context;

import java.util.Locale;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (a {@link System#console()} exists), at
 * most a few times a second. Progress is measured in input bytes, so no pre-count of rows is needed.
 */
final class Progress {
    private static final int WIDTH = 30;
    private final Context ctx;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    Progress(Context ctx, long totalBytes) {
        this.ctx = ctx;
        this.total = totalBytes;
    }

    void update(long bytes, long rows) {
        if (!ctx.interactive()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double frac = Math.min(1, bytes / (double) total);
        int filled = (int) Math.round(frac * WIDTH);
        double secs = (now - start) / 1e9;
        ctx.err().print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  %d rows  %.0f rows/s ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), frac * 100, rows, secs > 0 ? rows / secs : 0));
        ctx.err().flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            ctx.err().print("\r" + " ".repeat(WIDTH + 50) + "\r");
            ctx.err().flush();
        }
    }
}
