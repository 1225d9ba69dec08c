package org.exportguard.server;

import org.exportguard.core.model.PartyList;
import org.exportguard.service.CurrentPolicy;
import org.exportguard.service.Desk;
import org.exportguard.store.VersionInfo;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lists a store-backed server screens against: the latest stored version of each list source, the very lists
 * deals are decided against ({@link Desk#current()}), so screening and decisions never disagree. A store with no
 * list yet serves {@code whenEmpty} (the shipped samples) and says so. {@link #watch} reloads the served lists
 * within seconds of any process storing a new version, so several servers over one database screen alike.
 */
public final class StoreLists implements ListProvider {
    private final Desk desk;
    private final ListProvider whenEmpty;
    private volatile Map<String, VersionInfo> served = Map.of();
    private volatile boolean fallback;

    public StoreLists(Desk desk, ListProvider whenEmpty) {
        this.desk = desk;
        this.whenEmpty = whenEmpty;
    }

    @Override
    public List<PartyList> load() throws Exception {
        CurrentPolicy now = desk.current();
        served = now.listVersions();
        fallback = now.lists().isEmpty();
        return fallback ? whenEmpty.load() : now.lists();
    }

    /** Whether the store holds no list yet, so the fallback lists are served. */
    public boolean servingFallback() {
        return fallback;
    }

    /** Whether a newer list version has been stored since the served lists were loaded. */
    public boolean stale() {
        return !CurrentPolicy.latestLists(desk.store().lists().versions().history()).equals(served);
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
