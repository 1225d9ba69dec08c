package org.exportguard.server;

import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.service.ListsInForce;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lists in service and their screening index. A reload takes a whole new {@link ListsInForce} (its index built
 * beside the old one) and swaps it in at once, so every request screens against one complete version; a failed
 * reload leaves the old one serving. Over a store, the lists in service are the desk's lists in force, index and
 * all ({@link StoreLists}): screening and decisions use the very same index.
 */
public final class ListService {
    /** What one loaded list contributes. */
    public record ListInfo(String id, String format, int parties, int warnings) {
    }

    /** One complete version of the served lists; {@code version} counts loads from 1. */
    public record Snapshot(ListsInForce inForce, List<ListInfo> lists, Instant loadedAt, int version) {
        /** The index screened against. */
        public ScreeningIndex index() {
            return inForce.index();
        }
    }

    /** Where the lists in service come from; asked again on every reload. All or nothing: it returns or throws. */
    @FunctionalInterface
    public interface Source {
        ListsInForce load() throws Exception;
    }

    private final Source source;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot current;

    private ListService(Source source, Snapshot first) {
        this.source = source;
        this.current = first;
    }

    /** The lists in files (read and indexed anew on every reload); the server does not start without them. */
    public static ListService load(ListProvider files) throws Exception {
        return serve(() -> ListsInForce.notStored(files.load()));
    }

    /** The lists {@code source} gives, loaded once now; the server does not start without them. */
    public static ListService serve(Source source) throws Exception {
        return new ListService(source, build(source.load(), 1));
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
            Snapshot next = build(source.load(), current.version() + 1);
            current = next;
            return next;
        } finally {
            reloading.unlock();
        }
    }

    private static Snapshot build(ListsInForce lists, int version) {
        List<ListInfo> info = lists.lists().stream()
                .map(l -> new ListInfo(l.id(), l.format(), l.parties().size(), l.warnings().size()))
                .toList();
        return new Snapshot(lists, info, Instant.now(), version);
    }
}
