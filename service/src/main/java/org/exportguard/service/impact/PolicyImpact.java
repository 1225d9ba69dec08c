package org.exportguard.service.impact;

import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.GroupVersion;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which destinations a change from one policy pack to another can touch, on ANY day. A pack is effective-dated, so
 * it is constant between the days its group versions and rules begin or end: comparing the two packs on the first
 * day of every such stretch (and once before all of them) sees every difference, wherever in time it lies.
 */
public final class PolicyImpact {
    /** Before any date a pack names (packs start in the 20th century at the earliest). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final List<PolicyDiff> diffs = new ArrayList<>();
    private final PolicyDiff.Impact impact;

    public PolicyImpact(PolicyPack before, PolicyPack after) {
        boolean all = false;
        Set<String> countries = new TreeSet<>();
        for (LocalDate day : boundaries(before, after)) {
            PolicyDiff d = PolicyDiff.between(before, day, after, day);
            if (!d.isEmpty()) {
                diffs.add(d);
                PolicyDiff.Impact i = d.impact();
                all |= i.allDestinations();
                countries.addAll(i.countries());
            }
        }
        impact = new PolicyDiff.Impact(all, countries);
    }

    /** The destinations whose decisions may have moved. */
    public PolicyDiff.Impact impact() {
        return impact;
    }

    /** The non-empty diffs, one per stretch of days where the packs differ, oldest first. */
    public List<PolicyDiff> diffs() {
        return diffs;
    }

    public boolean isEmpty() {
        return diffs.isEmpty();
    }

    /** The first day of every stretch over which neither pack changes. */
    static Set<LocalDate> boundaries(PolicyPack... packs) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(EARLIEST);
        for (PolicyPack p : packs) {
            for (CountryGroup g : p.groups().values()) {
                for (GroupVersion v : g.versions()) {
                    add(days, v.from(), v.to());
                }
            }
            for (Rule r : p.rules()) {
                add(days, r.from(), r.to());
            }
        }
        return days;
    }

    private static void add(Set<LocalDate> days, LocalDate from, LocalDate to) {
        if (from != null) {
            days.add(from);
        }
        if (to != null) {
            days.add(to.plusDays(1));
        }
    }
}
