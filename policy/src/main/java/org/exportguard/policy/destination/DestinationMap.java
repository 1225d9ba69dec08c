package org.exportguard.policy.destination;

import org.exportguard.policy.eval.DestinationConditions;
import org.exportguard.policy.eval.Truth;
import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Regime;
import org.exportguard.policy.pack.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every ISO 3166-1 country's status on a day under one country group or one regime of a pack: what the workbench's
 * destination map colours. Membership and destination conditions are read by {@link DestinationConditions}, as
 * deals are decided, so a membership the pack does not know is UNKNOWN here too, never "not member".
 *
 * <ul>
 *   <li>A <b>group</b>: the status is the country's membership; the rules in force that name the group in a
 *       destination condition are listed with whether that condition holds for the country.</li>
 *   <li>A <b>regime</b>: the status is whether any of its rules in force with a destination condition has that
 *       condition hold for the country (true if one does; unknown if none does and one cannot be decided; false
 *       otherwise); rules with no destination condition apply to every country and are listed apart.</li>
 * </ul>
 * Only destination conditions are read: end user, flags and items decide a deal's finding, not a destination's
 * status.
 */
public final class DestinationMap {
    /** What the map is of. */
    public enum Kind {
        GROUP, REGIME;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A rule and whether its destination condition holds for one country. */
    public record RuleAnswer(Rule rule, Truth destination) {
    }

    /** A group and whether one country is in it. */
    public record GroupAnswer(CountryGroup group, Truth member) {
    }

    /**
     * One country.
     *
     * @param status      member (or, for a regime, a destination rule holds), not, or unknown with why
     * @param memberships the country in each group the view reads
     * @param rules       the view's destination rules whose condition holds or cannot be decided for the country
     */
    public record Country(String code, Truth status, List<GroupAnswer> memberships, List<RuleAnswer> rules) {
    }

    /**
     * The view.
     *
     * @param groups             the groups read: the group itself, or those the regime's destination rules name
     * @param destinationRules   the rules in force whose destination conditions decide the status
     * @param anyDestinationRules a regime's rules in force with no destination condition (empty for a group)
     * @param countries          every ISO 3166-1 alpha-2 code the JDK knows, in code order
     */
    public record View(Kind kind, String id, String name, LocalDate asOf, List<CountryGroup> groups,
                       List<Rule> destinationRules, List<Rule> anyDestinationRules, List<Country> countries) {
    }

    private DestinationMap() {
    }

    /** Every country's membership of group {@code groupId} on {@code asOf}. */
    public static View ofGroup(PolicyPack pack, String groupId, LocalDate asOf) {
        CountryGroup g = pack.groups().get(groupId);
        if (g == null) {
            throw new IllegalArgumentException("the policy pack has no country group '" + groupId + "'");
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule r : pack.rules()) {
            if (r.inForce(asOf) && (r.destinationIn().contains(groupId) || r.destinationNotIn().contains(groupId))) {
                rules.add(r);
            }
        }
        DestinationConditions conditions = new DestinationConditions(pack);
        List<Country> countries = new ArrayList<>();
        for (String c : codes()) {
            Truth member = DestinationConditions.member(g, c, asOf);
            countries.add(new Country(c, member, List.of(new GroupAnswer(g, member)),
                    applying(conditions, rules, c, asOf)));
        }
        return new View(Kind.GROUP, groupId, g.description(), asOf, List.of(g), rules, List.of(), countries);
    }

    /** Every country under regime {@code regimeId}'s destination rules in force on {@code asOf}. */
    public static View ofRegime(PolicyPack pack, String regimeId, LocalDate asOf) {
        return ofRegime(pack, regimeId, null, asOf);
    }

    /**
     * As above, reading only the regime's rule {@code ruleId} (null: all of them): where that one rule's destination
     * condition holds. A rule not in force on {@code asOf} holds nowhere that day.
     */
    public static View ofRegime(PolicyPack pack, String regimeId, String ruleId, LocalDate asOf) {
        Regime regime = pack.regimes().get(regimeId);
        if (regime == null) {
            throw new IllegalArgumentException("the policy pack has no regime '" + regimeId + "'");
        }
        List<Rule> ofRegime = pack.rulesOf(regimeId);
        if (ruleId != null && ofRegime.stream().noneMatch(r -> r.id().equals(ruleId))) {
            throw new IllegalArgumentException("regime " + regimeId + " has no rule '" + ruleId + "'");
        }
        List<Rule> withDestination = new ArrayList<>();
        List<Rule> anyDestination = new ArrayList<>();
        Map<String, CountryGroup> groups = new LinkedHashMap<>();
        for (Rule r : ofRegime) {
            if (!r.inForce(asOf) || (ruleId != null && !r.id().equals(ruleId))) {
                continue;
            }
            if (DestinationConditions.hasDestination(r)) {
                withDestination.add(r);
                for (String g : r.destinationIn()) {
                    groups.put(g, pack.groups().get(g));
                }
                for (String g : r.destinationNotIn()) {
                    groups.put(g, pack.groups().get(g));
                }
            } else {
                anyDestination.add(r);
            }
        }
        DestinationConditions conditions = new DestinationConditions(pack);
        List<Country> countries = new ArrayList<>();
        for (String c : codes()) {
            List<GroupAnswer> memberships = new ArrayList<>();
            for (CountryGroup g : groups.values()) {
                memberships.add(new GroupAnswer(g, DestinationConditions.member(g, c, asOf)));
            }
            List<RuleAnswer> applying = applying(conditions, withDestination, c, asOf);
            Truth status = Truth.FALSE;
            for (RuleAnswer a : applying) {
                status = status.or(a.destination());
            }
            countries.add(new Country(c, status, memberships, applying));
        }
        return new View(Kind.REGIME, ruleId == null ? regimeId : regimeId + " " + ruleId, regime.name(), asOf,
                List.copyOf(groups.values()), withDestination, anyDestination, countries);
    }

    /** The rules whose destination condition holds for the country, or cannot be decided. */
    private static List<RuleAnswer> applying(DestinationConditions conditions, List<Rule> rules, String country,
                                             LocalDate asOf) {
        List<RuleAnswer> out = new ArrayList<>();
        for (Rule r : rules) {
            Truth t = conditions.holds(r, country, asOf);
            if (!t.isFalse()) {
                out.add(new RuleAnswer(r, t));
            }
        }
        return out;
    }

    private static List<String> codes() {
        String[] all = Locale.getISOCountries();
        Arrays.sort(all);
        return List.of(all);
    }
}
