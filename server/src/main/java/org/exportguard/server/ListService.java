package org.exportguard.server;

import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lists in service and their screening index. A reload builds a whole new index beside the old one and swaps
 * it in at once, so every request screens against one complete version; a failed reload leaves the old one serving.
 */
public final class ListService {
    /** What one loaded list contributes. */
    public record ListInfo(String id, String format, int parties, int warnings) {
    }

    /** One complete version of the served lists; {@code version} counts loads from 1. */
    public record Snapshot(ScreeningIndex index, List<ListInfo> lists, Instant loadedAt, int version) {
    }

    private final ListProvider provider;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot current;

    private ListService(ListProvider provider, Snapshot first) {
        this.provider = provider;
        this.current = first;
    }

    /** Loads the lists once; the server does not start without them. */
    public static ListService load(ListProvider provider) throws Exception {
        return new ListService(provider, build(provider.load(), 1));
    }

    public Snapshot current() {
        return current;
    }

    /** Loads the lists again and swaps them in; 409 while another reload runs. */
    public Snapshot reload() throws Exception {
        if (!reloading.tryLock()) {
            throw new ApiException(409, "a reload is already running");
        }
        try {
            Snapshot next = build(provider.load(), current.version() + 1);
            current = next;
            return next;
        } finally {
            reloading.unlock();
        }
    }

    private static Snapshot build(List<PartyList> lists, int version) {
        List<ListInfo> info = lists.stream()
                .map(l -> new ListInfo(l.id(), l.format(), l.parties().size(), l.warnings().size()))
                .toList();
        return new Snapshot(ScreeningIndex.build(lists), info, Instant.now(), version);
    }
}
