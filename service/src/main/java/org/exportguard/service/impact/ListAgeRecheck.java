package org.exportguard.service.impact;

import org.exportguard.policy.pack.Outcome;
import org.exportguard.service.InForce;
import org.exportguard.service.InForceCache;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Open deals whose lists aged with no new version: a decision is a function of the lists' ages too, so when a source
 * goes over its staleness limit, or a fetch confirms a stale source current again, the deals that can be affected
 * are decided again and the change is reported like any other ({@link ImpactReport.ListAgeChange}, kind
 * {@code list-age}). Incremental:
 * <ul>
 * <li>{@link #sweep}: only the open deals last decided before a source in force went over its limit (a deal
 * decided since already says so);</li>
 * <li>{@link #renewed}: only the open deals under REVIEW decided while the source was stale (nothing else can have
 * been made REVIEW by its age).</li>
 * </ul>
 * Nothing to re-decide stores nothing, so a periodic sweep writes a report only when a source actually went stale.
 */
public final class ListAgeRecheck {
    private final Store store;
    private final InForceCache cache;

    public ListAgeRecheck(Store store, InForceCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /**
     * Re-decides the open deals last decided before a source in force went over its staleness limit, against
     * {@code now} (the lists and policy in force). Returns the report, or null when no deal can be affected.
     */
    public ImportOutcome sweep(InForce now, String actor) {
        Map<String, VersionInfo> versions = now.lists().versions();
        Instant at = cache.now();
        List<ImpactReport.SourceAge> stale = new ArrayList<>();
        Instant latest = null;
        for (VersionInfo v : versions.values()) {
            Set<String> ids = InForceCache.listIdsOf(v);
            Instant since = cache.staleSince(v, ids);
            if (!since.isAfter(at)) {
                stale.add(new ImpactReport.SourceAge(v.source(), v.id(), "stale", cache.confirmedAt(v),
                        cache.limitOf(v, ids), since));
                latest = latest == null || since.isAfter(latest) ? since : latest;
            }
        }
        if (stale.isEmpty()) {
            return null;
        }
        Set<String> deals = store.openDeals().idsDecidedBefore(latest);
        if (deals.isEmpty()) {
            return null;
        }
        return run(now, stale, deals, "the open deals last decided before " + names(stale)
                + " went over its staleness limit", actor);
    }

    /**
     * Re-decides the open deals under REVIEW that were decided while {@code v} was stale (since {@code staleSince}),
     * now that a fetch confirmed it current again. Returns the report, or null when there are none.
     */
    public ImportOutcome renewed(InForce now, VersionInfo v, Instant staleSince, String actor) {
        Set<String> deals = new TreeSet<>(store.openDeals().idsByOutcome(Set.of(Outcome.REVIEW.name())));
        deals.removeAll(store.openDeals().idsDecidedBefore(staleSince));
        if (deals.isEmpty()) {
            return null;
        }
        Set<String> ids = InForceCache.listIdsOf(v);
        ImpactReport.SourceAge renewed = new ImpactReport.SourceAge(v.source(), v.id(), "renewed",
                cache.confirmedAt(v), cache.limitOf(v, ids), cache.staleSince(v, ids));
        return run(now, List.of(renewed), deals, "the open deals under REVIEW decided while " + v.source()
                + " was over its staleness limit (since " + staleSince + ")", actor);
    }

    private ImportOutcome run(InForce now, List<ImpactReport.SourceAge> sources, Set<String> deals, String against,
                              String actor) {
        ImpactReport.Screening screening = new ImpactReport.Screening("none: no list entry changed; " + against,
                null, false);
        return Reevaluation.run(store, new Reevaluation.Request(new ImpactReport.ListAgeChange(sources),
                Reevaluation.DealPages.byIds(store, deals), now, "list age: " + String.join(", ",
                sources.stream().map(s -> s.source() + " " + s.state()).toList()), screening, actor, null));
    }

    private static String names(List<ImpactReport.SourceAge> sources) {
        return String.join(", ", sources.stream().map(ImpactReport.SourceAge::source).toList());
    }
}
