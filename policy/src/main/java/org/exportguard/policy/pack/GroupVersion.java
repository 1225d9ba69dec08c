package org.exportguard.policy.pack;

import java.time.LocalDate;
import java.util.Set;

/**
 * A country group's membership over a period.
 *
 * @param from      first day in force, or null for "since before any date we care about"
 * @param to        last day in force (inclusive), or null for "still in force"
 * @param members   ISO 3166-1 alpha-2 codes known to be members
 * @param uncertain codes whose membership the sources leave open (unknown even when the version is complete)
 * @param notMembers codes the sources say are NOT members in this period, even though the version is incomplete
 *                  (e.g. a country a dated rule added later)
 * @param complete  true when {@code members} is the whole group: any other country is not a member; false when
 *                  the sources name only some members, so any other country is unknown
 * @param note      what the sources say about this version, for people
 */
public record GroupVersion(LocalDate from, LocalDate to, Set<String> members, Set<String> uncertain,
                           Set<String> notMembers, boolean complete, String note) {
    public GroupVersion {
        members = Set.copyOf(members);
        uncertain = Set.copyOf(uncertain);
        notMembers = Set.copyOf(notMembers);
    }

    public boolean inForce(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** True when the two periods share at least one day. */
    public boolean overlaps(GroupVersion o) {
        boolean startsAfterOtherEnds = o.to != null && from != null && from.isAfter(o.to);
        boolean endsBeforeOtherStarts = to != null && o.from != null && to.isBefore(o.from);
        return !startsAfterOtherEnds && !endsBeforeOtherStarts;
    }

    public Membership membership(String country) {
        if (uncertain.contains(country)) {
            return Membership.UNKNOWN;
        }
        if (members.contains(country)) {
            return Membership.MEMBER;
        }
        if (notMembers.contains(country)) {
            return Membership.NOT_MEMBER;
        }
        return complete ? Membership.NOT_MEMBER : Membership.UNKNOWN;
    }

    public String period() {
        return (from == null ? "..." : from.toString()) + " to " + (to == null ? "..." : to.toString());
    }
}
