package org.exportguard.policy.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.policy.pack.ControlEntry;
import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.GroupVersion;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Regime;
import org.exportguard.policy.pack.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed in the policy between two views (a pack as of one day, and the same or another pack as of another
 * day): countries gained and lost by each group, whether a group's knowledge changed (a version appearing or
 * disappearing, a {@code complete} flag or an uncertain country changing), rules added, removed and changed, and,
 * between two packs, entries and regimes changed. {@link #impact()} says which destinations' decisions it can move.
 */
public final class PolicyDiff {
    /** A group's membership change. {@code knowledgeChanged}: whether unknown memberships changed too. */
    public record GroupChange(String group, Set<String> gained, Set<String> lost, boolean knowledgeChanged,
                              String before, String after) {
    }

    /** A rule present on both sides with different content, and the fields that differ. */
    public record RuleChange(String id, Rule before, Rule after, List<String> fields) {
    }

    /**
     * Which destinations' decisions the change can touch: every destination, or only these countries.
     * (Deals whose destination is not in {@code countries} cannot have moved when {@code allDestinations} is false.)
     */
    public record Impact(boolean allDestinations, Set<String> countries) {
        public boolean touches(String destination) {
            return allDestinations || countries.contains(destination);
        }
    }

    private final LocalDate from;
    private final LocalDate to;
    private final List<GroupChange> groups = new ArrayList<>();
    private final List<Rule> added = new ArrayList<>();
    private final List<Rule> removed = new ArrayList<>();
    private final List<RuleChange> changed = new ArrayList<>();
    private final List<String> entriesChanged = new ArrayList<>();
    private final List<String> regimesChanged = new ArrayList<>();

    private PolicyDiff(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    /** One pack, two days. */
    public static PolicyDiff between(PolicyPack pack, LocalDate from, LocalDate to) {
        return between(pack, from, pack, to);
    }

    /** Two packs (or one), each as of its day. */
    public static PolicyDiff between(PolicyPack before, LocalDate from, PolicyPack after, LocalDate to) {
        PolicyDiff d = new PolicyDiff(from, to);
        d.compareGroups(before, after);
        d.compareRules(before, after);
        d.compareEntries(before, after);
        d.compareRegimes(before, after);
        return d;
    }

    public LocalDate from() { return from; }
    public LocalDate to() { return to; }
    public List<GroupChange> groups() { return groups; }
    public List<Rule> rulesAdded() { return added; }
    public List<Rule> rulesRemoved() { return removed; }
    public List<RuleChange> rulesChanged() { return changed; }
    public List<String> entriesChanged() { return entriesChanged; }
    public List<String> regimesChanged() { return regimesChanged; }

    public boolean isEmpty() {
        return groups.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty()
                && entriesChanged.isEmpty() && regimesChanged.isEmpty();
    }

    /**
     * Any rule, entry or regime change can touch every destination; a group change touches only the countries it
     * gained or lost, unless what is unknown about the group changed (then every destination).
     */
    public Impact impact() {
        boolean all = !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty() || !entriesChanged.isEmpty()
                || !regimesChanged.isEmpty() || groups.stream().anyMatch(GroupChange::knowledgeChanged);
        Set<String> countries = new TreeSet<>();
        for (GroupChange g : groups) {
            countries.addAll(g.gained());
            countries.addAll(g.lost());
        }
        return new Impact(all, countries);
    }

    private void compareGroups(PolicyPack before, PolicyPack after) {
        Set<String> ids = new TreeSet<>(before.groups().keySet());
        ids.addAll(after.groups().keySet());
        for (String id : ids) {
            Optional<GroupVersion> a = version(before.groups().get(id), from);
            Optional<GroupVersion> b = version(after.groups().get(id), to);
            Set<String> membersA = a.map(GroupVersion::members).orElse(Set.of());
            Set<String> membersB = b.map(GroupVersion::members).orElse(Set.of());
            Set<String> gained = new TreeSet<>(membersB);
            gained.removeAll(membersA);
            Set<String> lost = new TreeSet<>(membersA);
            lost.removeAll(membersB);
            boolean knowledge = a.isPresent() != b.isPresent()
                    || (a.isPresent() && (a.get().complete() != b.get().complete()
                    || !a.get().uncertain().equals(b.get().uncertain())
                    || !a.get().notMembers().equals(b.get().notMembers())));
            if (!gained.isEmpty() || !lost.isEmpty() || knowledge) {
                groups.add(new GroupChange(id, gained, lost, knowledge, describe(a), describe(b)));
            }
        }
    }

    private static Optional<GroupVersion> version(CountryGroup g, LocalDate day) {
        return g == null ? Optional.empty() : g.versionOn(day);
    }

    private static String describe(Optional<GroupVersion> v) {
        return v.map(x -> x.period() + (x.complete() ? ", complete" : ", incomplete") + ", " + x.members().size()
                + " members").orElse("no version in force");
    }

    private void compareRules(PolicyPack before, PolicyPack after) {
        Map<String, Rule> a = inForce(before, from);
        Map<String, Rule> b = inForce(after, to);
        for (Map.Entry<String, Rule> e : b.entrySet()) {
            Rule old = a.get(e.getKey());
            if (old == null) {
                added.add(e.getValue());
            } else if (!old.sameContent(e.getValue())) {
                changed.add(new RuleChange(e.getKey(), old, e.getValue(), fields(old, e.getValue())));
            }
        }
        for (Map.Entry<String, Rule> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                removed.add(e.getValue());
            }
        }
    }

    private static Map<String, Rule> inForce(PolicyPack pack, LocalDate day) {
        Map<String, Rule> m = new TreeMap<>();
        pack.rules().stream().filter(r -> r.inForce(day)).forEach(r -> m.put(r.id(), r));
        return m;
    }

    static List<String> fields(Rule a, Rule b) {
        List<String> f = new ArrayList<>();
        check(f, "regime", a.regime(), b.regime());
        check(f, "entries", a.entries(), b.entries());
        check(f, "destination.in", a.destinationIn(), b.destinationIn());
        check(f, "destination.notIn", a.destinationNotIn(), b.destinationNotIn());
        check(f, "endUser", a.endUser(), b.endUser());
        check(f, "flags", a.flags(), b.flags());
        check(f, "notFlags", a.notFlags(), b.notFlags());
        check(f, "outcome", a.outcome(), b.outcome());
        check(f, "reason", a.reason(), b.reason());
        check(f, "citation", a.citation(), b.citation());
        check(f, "from", a.from(), b.from());
        check(f, "to", a.to(), b.to());
        check(f, "source", a.provenance().sources(), b.provenance().sources());
        check(f, "verified", a.provenance().verified(), b.provenance().verified());
        check(f, "authoritative", a.provenance().authoritative(), b.provenance().authoritative());
        return f;
    }

    private static void check(List<String> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(name);
        }
    }

    private void compareEntries(PolicyPack before, PolicyPack after) {
        Set<String> ids = new TreeSet<>(before.entries().keySet());
        ids.addAll(after.entries().keySet());
        for (String id : ids) {
            ControlEntry a = before.entries().get(id);
            ControlEntry b = after.entries().get(id);
            if (!Objects.equals(a, b)) {
                entriesChanged.add(id);
            }
        }
    }

    private void compareRegimes(PolicyPack before, PolicyPack after) {
        Set<String> ids = new TreeSet<>(before.regimes().keySet());
        ids.addAll(after.regimes().keySet());
        for (String id : ids) {
            Regime a = before.regimes().get(id);
            Regime b = after.regimes().get(id);
            if (!Objects.equals(a, b)) {
                regimesChanged.add(id);
            }
        }
    }

    /** The report as JSON, in a stable order. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("from", from.toString());
        o.put("to", to.toString());
        ArrayNode gs = o.putArray("groups");
        for (GroupChange g : groups) {
            ObjectNode go = gs.addObject();
            go.put("group", g.group());
            g.gained().forEach(go.putArray("gained")::add);
            g.lost().forEach(go.putArray("lost")::add);
            go.put("knowledgeChanged", g.knowledgeChanged());
            go.put("before", g.before());
            go.put("after", g.after());
        }
        ArrayNode as = o.putArray("rulesAdded");
        added.forEach(r -> rule(as.addObject(), r));
        ArrayNode rs = o.putArray("rulesRemoved");
        removed.forEach(r -> rule(rs.addObject(), r));
        ArrayNode cs = o.putArray("rulesChanged");
        for (RuleChange c : changed) {
            ObjectNode co = cs.addObject();
            co.put("rule", c.id());
            c.fields().forEach(co.putArray("fields")::add);
        }
        entriesChanged.forEach(o.putArray("entriesChanged")::add);
        regimesChanged.forEach(o.putArray("regimesChanged")::add);
        Impact i = impact();
        ObjectNode io = o.putObject("impact");
        io.put("allDestinations", i.allDestinations());
        i.countries().forEach(io.putArray("countries")::add);
        return o;
    }

    private static void rule(ObjectNode o, Rule r) {
        o.put("rule", r.id());
        o.put("regime", r.regime());
        o.put("outcome", r.outcome().name());
        o.put("from", r.from() == null ? null : r.from().toString());
        o.put("to", r.to() == null ? null : r.to().toString());
        o.put("citation", r.citation());
    }
}
