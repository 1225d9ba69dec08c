package org.exportguard.service.impact;

import org.exportguard.core.model.ListedParty;
import org.exportguard.lists.diff.ListDiff;
import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.store.VersionInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change did to the open deals: what changed, how many open deals were re-decided, which changed outcome and
 * why, and which could not be read. Plain data; {@link ImpactReportJson} is its one JSON form (what the store keeps,
 * and what {@code impact --json} and {@code GET /api/impact} print).
 *
 * @param change        what changed
 * @param reevaluated   the open deals decided again
 * @param screening     how the deals were found (null: not said, as in a forecast)
 * @param forecast      the two days of a forecast ({@code impact --on DATE}); null for a stored change's report
 * @param outcomesAfter the outcomes of the deals re-decided, by outcome name, in name order
 * @param changed       the deals whose outcome changed, in the order they were decided
 * @param unreadable    the deals the new policy cannot read (not re-decided)
 */
public record ImpactReport(Change change, int reevaluated, Screening screening, Forecast forecast,
                           SortedMap<String, Long> outcomesAfter, List<ChangedDeal> changed,
                           List<UnreadableDeal> unreadable) {
    /** Entries of each kind (added, changed, removed) a list change names; the counts cover them all. */
    static final int ENTRIES = 100;

    public ImpactReport {
        Objects.requireNonNull(change, "change");
        outcomesAfter = Collections.unmodifiableSortedMap(new TreeMap<>(outcomesAfter));
        changed = List.copyOf(changed);
        unreadable = List.copyOf(unreadable);
    }

    /** The re-decided deals whose outcome stayed as it was. */
    public int unchanged() {
        return reevaluated - changed.size();
    }

    /** What changed: a list version, a policy version, or the current policy's own dated change on a day. */
    public sealed interface Change permits ListChange, PolicyChange, EffectiveDateChange, ListAgeChange {
        /** {@code list}, {@code policy}, {@code policy-effective-date} or {@code list-age}. */
        String kind();
    }

    /**
     * A list version against the previous version of its source.
     *
     * @param previousVersion     the version before it (null: the first of its source)
     * @param entries             at most {@value ImpactReport#ENTRIES} of each kind: added, then changed, then removed
     * @param listsNowLoaded      list ids loaded now and not before
     * @param listsNoLongerLoaded list ids loaded before and not now
     */
    public record ListChange(String source, long version, String sha256, Long previousVersion,
                             LocalDate effectiveDate, int added, int changedEntries, int removed, int unchanged,
                             List<ListEntry> entries, SortedSet<String> listsNowLoaded,
                             SortedSet<String> listsNoLongerLoaded) implements Change {
        public ListChange {
            entries = List.copyOf(entries);
            listsNowLoaded = Collections.unmodifiableSortedSet(new TreeSet<>(listsNowLoaded));
            listsNoLongerLoaded = Collections.unmodifiableSortedSet(new TreeSet<>(listsNoLongerLoaded));
        }

        /** Version {@code version} against {@code previous} (null: none), as {@code diff} compares them. */
        public static ListChange of(VersionInfo version, VersionInfo previous, ListDiff diff, Set<String> nowLoaded,
                                    Set<String> noLongerLoaded) {
            List<ListEntry> entries = new ArrayList<>();
            diff.added().stream().limit(ENTRIES).forEach(p -> entries.add(ListEntry.of(ListEntry.Op.ADDED, p, null)));
            diff.changed().stream().limit(ENTRIES)
                    .forEach(c -> entries.add(ListEntry.of(ListEntry.Op.CHANGED, c.after(), c.fields())));
            diff.removed().stream().limit(ENTRIES)
                    .forEach(p -> entries.add(ListEntry.of(ListEntry.Op.REMOVED, p, null)));
            return new ListChange(version.source(), version.id(), version.sha256(),
                    previous == null ? null : previous.id(), version.effectiveDate(), diff.added().size(),
                    diff.changed().size(), diff.removed().size(), diff.unchanged(), entries, new TreeSet<>(nowLoaded),
                    new TreeSet<>(noLongerLoaded));
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /**
     * An entry a list change added, changed or removed.
     *
     * @param list   the list's source, and for an aggregated list the original list ({@code US-CSL: Entity List})
     * @param fields the fields that changed (null unless {@code op} is CHANGED)
     */
    public record ListEntry(Op op, String list, String id, String name, LocalDate listedOn, List<String> fields) {
        public enum Op {
            ADDED, CHANGED, REMOVED;

            public String label() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public ListEntry {
            fields = fields == null ? null : List.copyOf(fields);
        }

        static ListEntry of(Op op, ListedParty p, List<String> fields) {
            return new ListEntry(op, p.source() + (p.sourceList() == null ? "" : ": " + p.sourceList()),
                    p.sourceId(), p.primaryName(), p.listedOn(), fields);
        }
    }

    /**
     * A policy version against the one before it.
     *
     * @param previousVersion the stored policy version before it (null: the pack shipped in the jar)
     * @param previousPolicy  the version (name and hash) of the pack before it
     * @param policy          the version (name and hash) of the pack it holds
     * @param touches         the destinations whose decisions can have moved
     * @param differences     the differences, one per stretch of days where the packs differ, oldest first
     */
    public record PolicyChange(long version, String sha256, Long previousVersion, String previousPolicy,
                               String policy, LocalDate effectiveDate, PolicyDiff.Impact touches,
                               List<PolicyDiff> differences) implements Change {
        public PolicyChange {
            differences = List.copyOf(differences);
        }

        @Override
        public String kind() {
            return "policy";
        }
    }

    /**
     * The current policy's own change on a day (a group version or rule beginning or ending).
     *
     * @param policy          the version (name and hash) of the pack
     * @param policyVersionId the stored version it is (null: the pack shipped in the jar)
     * @param difference      the pack the day before against the pack on the day
     */
    public record EffectiveDateChange(LocalDate on, String policy, Long policyVersionId, PolicyDiff.Impact touches,
                                      PolicyDiff difference) implements Change {
        @Override
        public String kind() {
            return "policy-effective-date";
        }
    }

    /**
     * No new version: list sources crossed their staleness limit since the open deals were last decided, or a fetch
     * confirmed a stale source current again, so the deals that can be affected were decided again.
     *
     * @param sources each source concerned, in source order
     */
    public record ListAgeChange(List<SourceAge> sources) implements Change {
        public ListAgeChange {
            sources = List.copyOf(sources);
        }

        @Override
        public String kind() {
            return "list-age";
        }
    }

    /**
     * A list source whose staleness moved.
     *
     * @param state       {@code stale} (over its limit now) or {@code renewed} (a fetch confirmed it current again)
     * @param confirmedAt when the store last confirmed it current (the later of its import and a fetch's confirmation)
     * @param staleSince  when it went (or goes) over its limit: {@code confirmedAt} plus the limit
     */
    public record SourceAge(String source, long version, String state, java.time.Instant confirmedAt,
                            java.time.Duration limit, java.time.Instant staleSince) {
    }

    /**
     * How the deals to re-decide were found.
     *
     * @param against             what the open deals were screened against, in words
     * @param counts              for a list change: what was screened (null otherwise)
     * @param listCoverageChanged a list id appeared or disappeared, so the open deals under REVIEW were re-decided too
     */
    public record Screening(String against, Counts counts, boolean listCoverageChanged) {
        /**
         * @param openDeals          the open deals whose party names were screened
         * @param distinctPartyNames the distinct names among them (each screened once)
         * @param dealsWithAHit      the deals with a hit among the changed entries
         */
        public record Counts(long openDeals, long distinctPartyNames, int dealsWithAHit) {
        }
    }

    /** A forecast's two days: each deal is decided as if shipped on the day before and on the day. */
    public record Forecast(LocalDate before, LocalDate day) {
    }

    /**
     * A deal whose outcome changed.
     *
     * @param before  its outcome before (null: it had none)
     * @param reasons the findings that make the new outcome what it is (at most a few)
     */
    public record ChangedDeal(String dealId, String before, String after, List<String> reasons) {
        public ChangedDeal {
            reasons = List.copyOf(reasons);
        }
    }

    /** A deal the new policy cannot read: {@code problem} is the deal parser's message. */
    public record UnreadableDeal(String dealId, String problem) {
    }
}
