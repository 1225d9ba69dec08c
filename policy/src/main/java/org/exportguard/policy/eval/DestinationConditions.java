package org.exportguard.policy.eval;

import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Rule;

import java.time.LocalDate;

/**
 * Whether a destination is in a country group, and whether a rule's destination conditions hold for it, on a day:
 * three-valued, an unknown membership staying unknown with the reason. The one reading of groups and destination
 * conditions, used by {@link DealEvaluator} for deals and by the destination map for every country.
 */
public final class DestinationConditions {
    private final PolicyPack pack;

    public DestinationConditions(PolicyPack pack) {
        this.pack = pack;
    }

    /** Whether {@code country} is in {@code g} on {@code day}; unknown, with why, when the group's data cannot say. */
    public static Truth member(CountryGroup g, String country, LocalDate day) {
        return switch (g.membership(country, day)) {
            case MEMBER -> Truth.TRUE;
            case NOT_MEMBER -> Truth.FALSE;
            case UNKNOWN -> Truth.unknown(g.whyUnknown(country, day));
        };
    }

    /** Whether {@code r}'s destination conditions ({@code in}, {@code notIn}) hold for {@code country}; true when it has none. */
    public Truth holds(Rule r, String country, LocalDate day) {
        Truth t = Truth.TRUE;
        if (!r.destinationIn().isEmpty()) {
            Truth any = Truth.FALSE;
            for (String g : r.destinationIn()) {
                any = any.or(member(pack.groups().get(g), country, day));
            }
            t = t.and(any);
        }
        for (String g : r.destinationNotIn()) {
            t = t.and(member(pack.groups().get(g), country, day).not());
        }
        return t;
    }

    /** Whether the rule names any destination condition at all. */
    public static boolean hasDestination(Rule r) {
        return !r.destinationIn().isEmpty() || !r.destinationNotIn().isEmpty();
    }
}
