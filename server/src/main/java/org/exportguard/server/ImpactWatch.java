package org.exportguard.server;

import org.exportguard.service.Desk;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Finishes, in a running server, the impact of a change that another process stored but did not finish (killed
 * between storing a list version and re-deciding its deals): every server's watch sees it, and after a grace period
 * (the importer normally finishes its own impact at once) the first to get there runs it; the report is stored once
 * (the store keeps one report per list event), so no server has to be restarted for the open deals to be re-decided.
 */
final class ImpactWatch implements Runnable {
    /** How long an unfinished impact is left to the process that made the change. */
    static final long GRACE_NANOS = 5_000_000_000L;

    private final Desk desk;
    private final String actor;
    private final PrintStream log;
    private final LongSupplier ticker;
    /** Each unfinished impact seen, with when it was first seen. */
    private final Map<String, Long> seen = new HashMap<>();

    ImpactWatch(Desk desk, String actor, PrintStream log, LongSupplier ticker) {
        this.desk = desk;
        this.actor = actor;
        this.log = log;
        this.ticker = ticker;
    }

    @Override
    public void run() {
        try {
            Set<String> unfinished = desk.unfinishedImpacts();
            seen.keySet().retainAll(unfinished);
            long now = ticker.getAsLong();
            boolean due = false;
            for (String u : unfinished) {
                long first = seen.computeIfAbsent(u, k -> now);
                due |= now - first >= GRACE_NANOS;
            }
            if (due) {
                log.println("exportguard: finishing the impact another process left unfinished: "
                        + String.join(", ", unfinished));
                desk.catchUp(actor);
                seen.clear();
            }
        } catch (Exception e) { // the database is away for a moment: the next check retries
            log.println("exportguard: impact check failed: " + Router.oneLine(e));
        }
    }
}
