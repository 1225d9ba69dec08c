package org.exportguard.service;

import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.lists.ListHash;
import org.exportguard.policy.screen.ListCoverage;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.ScreenedList;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.store.FetchState;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lists in force: one version per list source (the one its events put in force today), the
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
                         List<PartyList> lists, Map<String, String> listVersions, ListCoverage coverage) {
        this.versions = Collections.unmodifiableMap(new TreeMap<>(versions));
        this.bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
        this.lists = List.copyOf(lists);
        this.screener = new PartyScreener(this.lists, ScreeningIndex.build(this.lists), listVersions, coverage,
                NameMatcher.DEFAULT_THRESHOLD, PartyScreener.DEFAULT_LIMIT);
    }

    /** {@link #load(Store, Map, ListsInForce, Clock, Staleness)} by the system clock, with the default limits. */
    public static ListsInForce load(Store store, Map<String, VersionInfo> versions, ListsInForce reuse)
            throws ServiceException {
        return load(store, versions, reuse, Clock.systemUTC(), Staleness.DEFAULT);
    }

    /**
     * These stored versions (by source), loaded. The lists of a source whose version {@code reuse} already holds
     * are taken from it rather than read again.
     *
     * <p>Each list id screened is named with the version it came from and when the store last confirmed that
     * version current (its import; a later fetch that found the publisher's file unchanged moves it on), so
     * answers give its age by {@code clock} and decisions hold it to {@code staleness}.
     *
     * @param reuse lists in force before (null: none)
     */
    public static ListsInForce load(Store store, Map<String, VersionInfo> versions, ListsInForce reuse, Clock clock,
                                    Staleness staleness) throws ServiceException {
        return load(store, versions, reuse, store.fetchStates().all(), clock, staleness);
    }

    /**
     * As {@link #load(Store, Map, ListsInForce, Clock, Staleness)}, with the fetch states already read (what
     * {@link InForceCache} compared, so the confirmations it holds are the ones the ages count from).
     */
    static ListsInForce load(Store store, Map<String, VersionInfo> versions, ListsInForce reuse,
                             List<FetchState> fetchStates, Clock clock, Staleness staleness) throws ServiceException {
        Map<String, VersionInfo> sorted = new TreeMap<>(versions);
        Map<String, List<PartyList>> bySource = new LinkedHashMap<>();
        for (VersionInfo v : sorted.values()) {
            VersionInfo had = reuse == null ? null : reuse.versions.get(v.source());
            bySource.put(v.source(), had != null && had.id() == v.id() ? reuse.bySource.get(v.source())
                    : PartyLists.ofVersion(store, v.id()));
        }
        return of(sorted, bySource, confirmations(sorted, fetchStates), clock, staleness);
    }

    /**
     * These versions (by source) with their lists already loaded (by source), e.g. from a list bundle exported
     * from a store: the same lists in force, index and answers as over the store itself.
     *
     * @param confirmed when a fetch last confirmed each source's version in force ({@link #confirmations})
     */
    public static ListsInForce of(Map<String, VersionInfo> versions, Map<String, List<PartyList>> loaded,
                                  Map<String, Instant> confirmed, Clock clock, Staleness staleness) {
        Map<String, VersionInfo> sorted = new TreeMap<>(versions);
        Map<String, List<PartyList>> bySource = new LinkedHashMap<>();
        List<PartyList> all = new ArrayList<>();
        Map<String, String> listVersions = new TreeMap<>();
        for (VersionInfo v : sorted.values()) {
            List<PartyList> lists = loaded.get(v.source());
            if (lists == null) {
                throw new IllegalArgumentException("no lists loaded for source " + v.source());
            }
            bySource.put(v.source(), lists);
            for (PartyList l : lists) {
                // one version per list: a version stored before one version per source (its source the list ids
                // joined by '+') gives way to a list's own source in force
                if (!l.id().equals(v.source()) && sorted.containsKey(l.id())) {
                    continue;
                }
                all.add(l);
                listVersions.put(l.id(), "v" + v.id() + " sha256:" + v.sha256());
            }
        }
        return new ListsInForce(sorted, bySource, all, listVersions,
                coverage(sorted, bySource, confirmed, clock, staleness));
    }

    /**
     * What answers over these stored versions name as screened: each list id with the version it came from, aged
     * from when the store last confirmed that version current: the later of its import and the last fetch that
     * confirmed that same version (a confirmation of another version says nothing of this one).
     *
     * @param bySource  the lists of each version, by its source
     * @param confirmed when a fetch last confirmed each source's version in force, by source
     *                  ({@link #confirmations(Map, List)})
     */
    public static ListCoverage coverage(Map<String, VersionInfo> versions, Map<String, List<PartyList>> bySource,
                                        Map<String, Instant> confirmed, Clock clock, Staleness staleness) {
        return new ListCoverage(screened(versions, bySource, confirmed), clock, staleness);
    }

    /**
     * Of these fetch states, when each source's version in force was last confirmed by a fetch: only a state whose
     * confirmed version is the one in force counts.
     */
    public static Map<String, Instant> confirmations(Map<String, VersionInfo> versions, List<FetchState> fetchStates) {
        Map<String, Instant> out = new TreeMap<>();
        for (FetchState s : fetchStates) {
            VersionInfo v = versions.get(s.source());
            if (v != null && s.confirmedAt() != null && s.confirmedVersionId() != null
                    && s.confirmedVersionId() == v.id()) {
                out.put(s.source(), s.confirmedAt());
            }
        }
        return out;
    }

    /**
     * One entry per list id, with the stored version it came from; a list id two versions hold (a folder imported
     * as one source before one version per source) is named with the one confirmed longest ago, so its age is never
     * understated.
     */
    private static List<ScreenedList> screened(Map<String, VersionInfo> versions,
                                               Map<String, List<PartyList>> bySource, Map<String, Instant> confirmed) {
        Map<String, ScreenedList> byId = new TreeMap<>();
        for (VersionInfo v : versions.values()) {
            Map<String, List<PartyList>> ofVersion = new LinkedHashMap<>();
            bySource.get(v.source()).forEach(l -> ofVersion.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l));
            Instant imported = instant(v.importedAt());
            Instant fetched = confirmed.get(v.source());
            Instant current = fetched != null && fetched.isAfter(imported) ? fetched : imported;
            ofVersion.forEach((id, ls) -> {
                ScreenedList e = new ScreenedList(id, v.id(), v.sha256(), v.effectiveDate(), imported, current,
                        ScreenedList.subListsOf(ls));
                byId.merge(id, e, (a, b) -> b.confirmedAt().isBefore(a.confirmedAt()) ? b : a);
            });
        }
        return List.copyOf(byId.values());
    }

    private static Instant instant(String iso) {
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            return Instant.EPOCH; // unreadable: as old as can be, so a decision that needs it says it is stale
        }
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
        Map<String, String> hashes = new TreeMap<>();
        for (PartyList l : lists) {
            String h = hashOf(l);
            if (h != null) {
                hashes.merge(l.id(), "sha256:" + h, (a, b) -> a.equals(b) ? a : a + "+" + b);
            }
        }
        return new ListsInForce(Map.of(), bySource, lists, Map.of(), ListCoverage.given(lists, hashes));
    }

    /** The content hash of the file or folder a list was read from (null: not known). */
    private static String hashOf(PartyList l) {
        if (l.origin() == null) {
            return null;
        }
        try {
            Path p = Path.of(l.origin());
            return Files.exists(p) ? ListHash.of(p) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
