package org.exportguard.policy.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a regime: for items of some control entries, to some destinations, for some end users, with some
 * declared flags, the outcome is X, because of citation Y. Every condition left out matches everything.
 *
 * @param id             stable id; the same id may appear again for another, non-overlapping period
 * @param regime         the regime it belongs to
 * @param entries        control entry ids the rule is about (never empty)
 * @param destinationIn  the destination must be in one of these groups (empty: any destination)
 * @param destinationNotIn the destination must be in none of these groups
 * @param endUser        {@code government} or {@code non-government}, or null for any end user
 * @param flags          the deal must declare all of these
 * @param notFlags       the deal must declare none of these
 * @param from           first day in force, or null
 * @param to             last day in force (inclusive), or null
 * @param policyFile     the file the rule was read from, for messages
 */
public record Rule(String id, String regime, List<String> entries, List<String> destinationIn,
                   List<String> destinationNotIn, String endUser, Set<String> flags, Set<String> notFlags,
                   Outcome outcome, String reason, String citation, LocalDate from, LocalDate to,
                   Provenance provenance, String policyFile) {
    public Rule {
        entries = List.copyOf(entries);
        destinationIn = List.copyOf(destinationIn);
        destinationNotIn = List.copyOf(destinationNotIn);
        flags = Set.copyOf(flags);
        notFlags = Set.copyOf(notFlags);
    }

    public boolean inForce(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(Rule o) {
        boolean after = o.to != null && from != null && from.isAfter(o.to);
        boolean before = to != null && o.from != null && to.isBefore(o.from);
        return !after && !before;
    }

    /** Same meaning, ignoring where it was read from: what a policy diff compares. */
    public boolean sameContent(Rule o) {
        return id.equals(o.id) && regime.equals(o.regime) && entries.equals(o.entries)
                && destinationIn.equals(o.destinationIn) && destinationNotIn.equals(o.destinationNotIn)
                && Objects.equals(endUser, o.endUser) && flags.equals(o.flags) && notFlags.equals(o.notFlags)
                && outcome == o.outcome && reason.equals(o.reason) && citation.equals(o.citation)
                && Objects.equals(from, o.from) && Objects.equals(to, o.to) && provenance.equals(o.provenance);
    }
}
