package org.exportguard.service;

import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lists in force: one version per list source (the store's newest, as decisions are taken against), the
 * lists each loaded from, ONE screening index over all of them and the {@link PartyScreener} that uses it.
 * Decisions, {@code /api/screen} and the server's list information all use the same instance, so they cannot
 * disagree and the index is built once per set of versions. Immutable and thread-safe.
 */
public final class ListsInForce {
    private final Map<String, VersionInfo> versions;
    private final Map<String, List<PartyList>> bySource;
    private final List<PartyList> lists;
    private final PartyScreener screener;

    private ListsInForce(Map<String, VersionInfo> versions, Map<String, List<PartyList>> bySource,
                         List<PartyList> lists, Map<String, String> listVersions) {
        this.versions = Collections.unmodifiableMap(new TreeMap<>(versions));
        this.bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
        this.lists = List.copyOf(lists);
        this.screener = new PartyScreener(this.lists, ScreeningIndex.build(this.lists), listVersions);
    }

    /**
     * These stored versions (by source), loaded. The lists of a source whose version {@code reuse} already holds
     * are taken from it rather than read again.
     *
     * @param reuse lists in force before (null: none)
     */
    public static ListsInForce load(Store store, Map<String, VersionInfo> versions, ListsInForce reuse)
            throws ServiceException {
        Map<String, VersionInfo> sorted = new TreeMap<>(versions);
        Map<String, List<PartyList>> bySource = new LinkedHashMap<>();
        List<PartyList> all = new ArrayList<>();
        Map<String, String> listVersions = new TreeMap<>();
        for (VersionInfo v : sorted.values()) {
            VersionInfo had = reuse == null ? null : reuse.versions.get(v.source());
            List<PartyList> lists = had != null && had.id() == v.id() ? reuse.bySource.get(v.source())
                    : PartyLists.ofVersion(store, v.id());
            bySource.put(v.source(), lists);
            all.addAll(lists);
            for (PartyList l : lists) {
                // what each decision cites; two versions holding one list id are both named
                listVersions.merge(l.id(), "v" + v.id() + " sha256:" + v.sha256(),
                        (a, b) -> a.equals(b) ? a : a + "+" + b);
            }
        }
        return new ListsInForce(sorted, bySource, all, listVersions);
    }

    /**
     * Lists not from the store (files a server was given, or the shipped samples it screens while the store holds
     * none): no stored version; each list is its own source.
     */
    public static ListsInForce notStored(List<PartyList> lists) {
        Map<String, List<PartyList>> bySource = new LinkedHashMap<>();
        for (PartyList l : lists) {
            bySource.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l);
        }
        return new ListsInForce(Map.of(), bySource, lists, Map.of());
    }

    /** The version in force of each list source, by source. */
    public Map<String, VersionInfo> versions() {
        return versions;
    }

    /** The ids of the versions in force, in source order (what each stored decision records). */
    public List<Long> versionIds() {
        return versions.values().stream().map(VersionInfo::id).toList();
    }

    /** Whether these are exactly the versions in force (the same id for the same sources). */
    public boolean hasVersions(Map<String, VersionInfo> others) {
        if (!others.keySet().equals(versions.keySet())) {
            return false;
        }
        return others.entrySet().stream().allMatch(e -> versions.get(e.getKey()).id() == e.getValue().id());
    }

    /** The lists of each source, loaded. */
    public Map<String, List<PartyList>> listsBySource() {
        return bySource;
    }

    /** Every list, in source order. */
    public List<PartyList> lists() {
        return lists;
    }

    public boolean isEmpty() {
        return lists.isEmpty();
    }

    /** The one screening index over {@link #lists()}. */
    public ScreeningIndex index() {
        return screener.index();
    }

    /** Screens deal parties against these lists (its hit cache shared by every evaluator over them). */
    public PartyScreener screener() {
        return screener;
    }
}
