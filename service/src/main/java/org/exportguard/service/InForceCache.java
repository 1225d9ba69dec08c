package org.exportguard.service;

import org.exportguard.core.model.PartyList;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.store.FetchState;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one holder of what is in force over a store: the lists in force (loaded, indexed once) and the policy in
 * force, kept while no list event is recorded, no fetch confirms a source anew and the day stays the same. Asking
 * costs three small queries (the newest list event id, the fetch states, the newest policy version); only a change of what is in force loads anything, and then only the sources that changed are read
 * again. Imports ask it for the versions they re-decide against, so after an import the new lists are already
 * here. Thread-safe.
 */
public final class InForceCache {
    /**
     * Lists, with the newest list event id, the day and the fetch states (what their ages count from) when they were
     * last found to be in force (-1, null: not known).
     */
    private record Lists(ListsInForce lists, long newestEventId, java.time.LocalDate day, List<FetchState> fetched) {
        boolean current(long eventId, java.time.LocalDate today, List<FetchState> fetchStates) {
            return newestEventId == eventId && today.equals(day) && confirmations(fetchStates).equals(
                    fetched == null ? null : confirmations(fetched));
        }

        /** What of the fetch states the ages depend on: each source's last confirmation and the version confirmed. */
        private static List<List<Object>> confirmations(List<FetchState> states) {
            return states.stream().map(s -> java.util.Arrays.<Object>asList(s.source(), s.confirmedAt(),
                    s.confirmedVersionId())).toList();
        }
    }

    private final Store store;
    private final Clock clock;
    private final Staleness staleness;
    private volatile Lists lists;
    private volatile InForce inForce;

    public InForceCache(Store store) {
        this(store, Staleness.DEFAULT);
    }

    /**
     * @param staleness how old each list source may get before the decisions that need it say so (ages by the
     *                  store's clock)
     */
    public InForceCache(Store store, Staleness staleness) {
        this.store = store;
        this.clock = store.database().clock(); // ages by the desk's clock, as everything the store writes
        this.staleness = staleness;
    }

    /** The lists and policy in force now: the version in force of each list source, and the newest policy. */
    public InForce current() throws ServiceException {
        ListsInForce l = lists();
        VersionInfo policy = store.policies().versions().latest().orElse(null);
        InForce f = inForce;
        if (f != null && f.lists() == l && Objects.equals(f.policyVersionId(), policy == null ? null : policy.id())) {
            return f;
        }
        return at(l, policy);
    }

    /**
     * The lists in force now: of each list source, the version its events put in force today (by the store's
     * clock). Loaded again only when an event was recorded, a fetch confirmed a source (its age counts from that
     * when it confirmed the version in force) or the day changed since they were read.
     */
    public ListsInForce lists() throws ServiceException {
        long newest = store.lists().newestEventId();
        List<FetchState> fetched = store.fetchStates().all();
        java.time.LocalDate today = store.lists().today();
        Lists l = lists;
        if (l != null && l.current(newest, today, fetched)) {
            return l.lists();
        }
        synchronized (this) {
            l = lists;
            if (l != null && l.current(newest, today, fetched)) {
                return l.lists();
            }
            // read after the event id and the fetch states: a change in between makes the next call read again,
            // never miss it
            ListsInForce loaded = load(store.lists().inForce(today), fetched);
            lists = new Lists(loaded, newest, today, fetched);
            return loaded;
        }
    }

    /**
     * These list versions (by source): the lists held when they are these, else loaded (reading again only the
     * sources whose version differs from those held) and held from now on.
     */
    public synchronized ListsInForce lists(Map<String, VersionInfo> versions) throws ServiceException {
        Lists l = lists;
        if (l != null && l.lists().hasVersions(versions)) {
            return l.lists();
        }
        List<FetchState> fetched = store.fetchStates().all();
        ListsInForce loaded = load(versions, fetched);
        lists = new Lists(loaded, -1, null, fetched); // whether these are in force is checked on the next lists()
        return loaded;
    }

    /** These versions, aged by these fetch states; the lists of a source already held are not read again. */
    private ListsInForce load(Map<String, VersionInfo> versions, List<FetchState> fetched) throws ServiceException {
        Lists l = lists;
        return ListsInForce.load(store, versions, l == null ? null : l.lists(), fetched, clock, staleness);
    }

    /** These list versions under this policy version (null: the pack shipped in the jar). */
    public InForce at(Map<String, VersionInfo> listVersions, VersionInfo policy) throws ServiceException {
        return at(lists(listVersions), policy);
    }

    private synchronized InForce at(ListsInForce l, VersionInfo policy) throws ServiceException {
        Long policyId = policy == null ? null : policy.id();
        InForce f = inForce;
        InForce next;
        if (f != null && Objects.equals(f.policyVersionId(), policyId)) {
            next = f.lists() == l ? f : InForce.of(l, f.pack(), policyId);
        } else if (f != null && f.lists() == l) {
            next = f.withPolicy(PolicyPacks.of(store, policy), policyId); // same lists: shares their screening
        } else {
            next = InForce.of(l, PolicyPacks.of(store, policy), policyId);
        }
        inForce = next;
        return next;
    }

    /**
     * Whether stored version {@code v}, holding lists {@code listIds}, is older by the store's clock than the
     * staleness limit of any of them, counted from when the store last confirmed it current ({@link #confirmedAt}),
     * as decisions count it: decisions that needed it were REVIEW for that.
     */
    public boolean staleNow(VersionInfo v, java.util.Set<String> listIds) {
        return !staleSince(v, listIds).isAfter(clock.instant());
    }

    /** When stored version {@code v} goes (or went) over its limit: its confirmation plus its shortest limit. */
    public java.time.Instant staleSince(VersionInfo v, java.util.Set<String> listIds) {
        return confirmedAt(v).plus(limitOf(v, listIds));
    }

    /** The shortest staleness limit of the lists {@code listIds} of version {@code v} (its source's when none). */
    public java.time.Duration limitOf(VersionInfo v, java.util.Set<String> listIds) {
        java.time.Duration limit = staleness.limitOf(v.source());
        for (String id : listIds) {
            java.time.Duration l = staleness.limitOf(id);
            limit = l.compareTo(limit) < 0 ? l : limit;
        }
        return limit;
    }

    /**
     * When the store last confirmed stored version {@code v} current: the later of its import and the last fetch
     * that confirmed that same version (as {@link ListsInForce#confirmations} counts it for decisions). An import
     * time that cannot be read counts as long ago: such a version is stale.
     */
    public java.time.Instant confirmedAt(VersionInfo v) {
        java.time.Instant imported;
        try {
            imported = java.time.Instant.parse(v.importedAt());
        } catch (RuntimeException e) {
            imported = java.time.Instant.EPOCH;
        }
        java.time.Instant fetched = ListsInForce.confirmations(Map.of(v.source(), v),
                store.fetchStates().get(v.source()).stream().toList()).get(v.source());
        return fetched != null && fetched.isAfter(imported) ? fetched : imported;
    }

    /** Now, by the store's clock (what ages count to). */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** The list ids a stored version holds (from its import counts). */
    public static java.util.Set<String> listIdsOf(VersionInfo v) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        try {
            org.exportguard.json.Json.MAPPER.readTree(v.counts()).path("lists").fieldNames()
                    .forEachRemaining(ids::add);
        } catch (java.io.IOException e) {
            throw new org.exportguard.store.StoreException("list version " + v.id() + " has unreadable counts: "
                    + e.getMessage(), e);
        }
        return ids;
    }

    /** The lists of one stored version: those held when it is in force, else read from the store. */
    public List<PartyList> listsOf(VersionInfo version) throws ServiceException {
        Lists l = lists;
        if (l != null) {
            VersionInfo held = l.lists().versions().get(version.source());
            if (held != null && held.id() == version.id()) {
                return l.lists().listsBySource().get(version.source());
            }
        }
        return PartyLists.ofVersion(store, version.id());
    }
}
