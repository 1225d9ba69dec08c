package org.exportguard.server;

import org.exportguard.service.Desk;
import org.exportguard.service.ListsInForce;
import org.exportguard.service.ServiceException;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lists a store-backed server screens against: the desk's lists in force ({@link Desk#lists()}), the very
 * lists and index deals are decided against, so screening and decisions never disagree and the lists are indexed
 * once. A store with no list yet serves no lists: screening then refuses to answer (503) and deals are REVIEW for
 * every list they need, rather than anything being screened against sample lists that are not the real ones.
 * {@link #watch} swaps in new lists within seconds of any process storing a new version, so several servers over
 * one database screen alike.
 */
public final class StoreLists implements ListService.Source {
    private final Desk desk;
    /** The desk's lists in force when the served lists were last taken. */
    private volatile ListsInForce fromStore;

    public StoreLists(Desk desk) {
        this.desk = desk;
    }

    @Override
    public ListsInForce load() throws Exception {
        // what is in force, the policy with the lists: loaded now, before requests come, not by the first decision
        ListsInForce now = desk.current().lists();
        fromStore = now;
        return now;
    }

    /** Whether the lists in force have changed (a newer version stored) since the served lists were taken. */
    public boolean stale() throws ServiceException {
        return desk.lists() != fromStore;
    }

    /** Checks every {@code seconds} and reloads {@code service} when stale; a daemon thread, stopped by the result. */
    public ScheduledExecutorService watch(ListService service, int seconds, PrintStream log) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exportguard-list-watch");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> {
            try {
                if (stale()) {
                    ListService.Snapshot snap = service.reload();
                    log.println("exportguard: lists reloaded from the store (" + snap.index().partyCount()
                            + " parties)");
                }
            } catch (ApiException e) {
                // a reload already running (an import's): it brings the same lists
            } catch (Exception e) { // the database is away for a moment: the served lists stay, next check retries
                log.println("exportguard: list check failed: " + Router.oneLine(e));
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return s;
    }
}
