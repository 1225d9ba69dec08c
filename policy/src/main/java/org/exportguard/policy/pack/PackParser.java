package org.exportguard.policy.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.exportguard.policy.pack.YamlNode.optional;
import static org.exportguard.policy.pack.YamlNode.required;

/**
 * Turns the parsed YAML documents of a pack into a {@link PolicyPack}, checking everything on the way: country
 * codes, dates, overlapping versions, and that every group, entry, regime and flag a rule names exists. The first
 * problem stops the load with {@code FILE: PATH: problem}. The format is described in {@code docs/policy-format.md}.
 */
final class PackParser {
    static final Set<String> SECTIONS = Set.of("pack", "flags", "schemes", "groups", "entries", "regimes", "rules");
    static final Set<String> END_USERS = Set.of("government", "non-government");
    private static final Set<String> PROVENANCE = Set.of("source", "verified", "authoritative");

    /** A name used before everything is read; checked at the end. */
    private record Ref(YamlNode at, String kind, String name) {
    }

    private final String hash;
    private String packId;
    private String packVersion;
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final List<String> schemes = new ArrayList<>();
    private final Map<String, CountryGroup> groups = new LinkedHashMap<>();
    private final Map<String, ControlEntry> entries = new LinkedHashMap<>();
    private final Map<String, Regime> regimes = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<YamlNode> ruleNodes = new ArrayList<>();
    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, YamlNode> codeOwners = new LinkedHashMap<>();

    PackParser(String hash) {
        this.hash = hash;
    }

    PolicyPack parse(Map<String, Object> docs) throws PolicyFormatException {
        // Sections that others refer to are read first, whatever file they are in.
        List<String> order = List.of("pack", "flags", "schemes", "groups", "entries", "regimes", "rules");
        Map<String, Map<String, YamlNode>> byFile = new LinkedHashMap<>();
        for (Map.Entry<String, Object> d : docs.entrySet()) {
            YamlNode root = new YamlNode(d.getKey(), "", d.getValue());
            byFile.put(d.getKey(), root.isNull() ? Map.of() : root.map(SECTIONS));
        }
        for (String section : order) {
            for (Map<String, YamlNode> file : byFile.values()) {
                YamlNode n = file.get(section);
                if (n != null) {
                    readSection(section, n);
                }
            }
        }
        if (packId == null) {
            String first = docs.keySet().iterator().next();
            throw PolicyFormatException.at(first, "pack", "missing in every file (one file must say pack: {id, version})");
        }
        checkRefs();
        checkRuleOverlaps();
        return new PolicyPack(packId, packId + "@" + packVersion + "+sha256:" + hash.substring(0, 12), flags, schemes,
                regimes, groups, entries, rules);
    }

    private void readSection(String section, YamlNode n) throws PolicyFormatException {
        switch (section) {
            case "pack" -> readPack(n);
            case "flags" -> {
                for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                    putNew(flags, e.getKey(), e.getValue().text(), e.getValue(), "flag");
                }
            }
            case "schemes" -> {
                for (YamlNode s : n.list()) {
                    String id = s.text();
                    if (schemes.contains(id)) {
                        throw s.error("scheme '" + id + "' defined twice");
                    }
                    schemes.add(id);
                }
            }
            case "groups" -> {
                for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                    putNew(groups, e.getKey(), readGroup(e.getKey(), e.getValue()), e.getValue(), "group");
                }
            }
            case "entries" -> {
                for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                    putNew(entries, e.getKey(), readEntry(e.getKey(), e.getValue()), e.getValue(), "control entry");
                }
            }
            case "regimes" -> {
                for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                    putNew(regimes, e.getKey(), readRegime(e.getKey(), e.getValue()), e.getValue(), "regime");
                }
            }
            case "rules" -> {
                for (YamlNode r : n.list()) {
                    rules.add(readRule(r));
                    ruleNodes.add(r);
                }
            }
            default -> throw n.error("unknown section");
        }
    }

    private void readPack(YamlNode n) throws PolicyFormatException {
        if (packId != null) {
            throw n.error("defined twice (one file of the pack says pack: {id, version})");
        }
        Map<String, YamlNode> m = n.map(Set.of("id", "version", "description"));
        packId = required(m, n, "id").text();
        packVersion = required(m, n, "version").text();
    }

    private CountryGroup readGroup(String id, YamlNode n) throws PolicyFormatException {
        Set<String> allowed = new LinkedHashSet<>(PROVENANCE);
        allowed.addAll(Set.of("description", "versions", "noVersionNote"));
        Map<String, YamlNode> m = n.map(allowed);
        List<GroupVersion> versions = new ArrayList<>();
        List<YamlNode> vnodes = required(m, n, "versions").list();
        for (YamlNode v : vnodes) {
            Map<String, YamlNode> vm = v.map(Set.of("from", "to", "members", "uncertain", "notMembers", "complete",
                    "note"));
            LocalDate from = optional(vm, v, "from").isNull() ? null : optional(vm, v, "from").date();
            LocalDate to = optional(vm, v, "to").isNull() ? null : optional(vm, v, "to").date();
            if (from != null && to != null && to.isBefore(from)) {
                throw v.error("to " + to + " is before from " + from);
            }
            Set<String> members = countries(optional(vm, v, "members"));
            Set<String> notMembers = countries(optional(vm, v, "notMembers"));
            for (String c : notMembers) {
                if (members.contains(c)) {
                    throw optional(vm, v, "notMembers").error("country '" + c + "' is both in members and in notMembers");
                }
            }
            GroupVersion gv = new GroupVersion(from, to, members, countries(optional(vm, v, "uncertain")), notMembers,
                    required(vm, v, "complete").bool(),
                    optional(vm, v, "note").isNull() ? "" : optional(vm, v, "note").text());
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).overlaps(gv)) {
                    throw v.error("overlaps versions[" + i + "] (" + versions.get(i).period() + "); versions of a group "
                            + "must not share a day");
                }
            }
            versions.add(gv);
        }
        String note = optional(m, n, "noVersionNote").isNull() ? null : optional(m, n, "noVersionNote").text();
        return new CountryGroup(id, required(m, n, "description").text(), versions, note, provenance(m, n));
    }

    private Set<String> countries(YamlNode n) throws PolicyFormatException {
        Set<String> out = new LinkedHashSet<>();
        for (YamlNode c : n.list()) {
            String code = c.text();
            if (!Countries.isCode(code)) {
                throw c.error("unknown country code '" + code + "' (expected ISO 3166-1 alpha-2, e.g. DE)");
            }
            if (!out.add(code)) {
                throw c.error("country '" + code + "' listed twice");
            }
        }
        return out;
    }

    private ControlEntry readEntry(String id, YamlNode n) throws PolicyFormatException {
        Set<String> allowed = new LinkedHashSet<>(PROVENANCE);
        allowed.addAll(Set.of("description", "codes", "exclusions"));
        Map<String, YamlNode> m = n.map(allowed);
        Map<String, String> codes = new LinkedHashMap<>();
        YamlNode codesNode = required(m, n, "codes");
        for (Map.Entry<String, YamlNode> c : codesNode.map().entrySet()) {
            if (!schemes.contains(c.getKey())) {
                throw c.getValue().error("unknown classification scheme '" + c.getKey() + "' (schemes: " + schemes + ")");
            }
            if (c.getValue().value instanceof Number) {
                // 5E980 or 4E001 unquoted are numbers to YAML (5 x 10^980): the code would silently never match
                throw c.getValue().error("code '" + c.getValue().value + "' was read as a number; quote it, e.g. \"5E980\"");
            }
            String code = c.getValue().text();
            YamlNode owner = codeOwners.putIfAbsent(c.getKey() + " " + code, c.getValue());
            if (owner != null) {
                throw c.getValue().error("code " + c.getKey() + " " + code + " already belongs to another entry ("
                        + owner.file + ": " + owner.path + ")");
            }
            codes.put(c.getKey(), code);
        }
        if (codes.isEmpty()) {
            throw codesNode.error("an entry needs at least one code");
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (YamlNode x : optional(m, n, "exclusions").list()) {
            exclusions.add(readExclusion(x));
        }
        return new ControlEntry(id, required(m, n, "description").text(), codes, exclusions, provenance(m, n));
    }

    private Exclusion readExclusion(YamlNode n) throws PolicyFormatException {
        Set<String> allowed = new LinkedHashSet<>(PROVENANCE);
        allowed.addAll(Set.of("id", "flags", "reason", "citation"));
        Map<String, YamlNode> m = n.map(allowed);
        YamlNode flagsNode = required(m, n, "flags");
        Set<String> when = flagRefs(flagsNode);
        if (when.isEmpty()) {
            throw flagsNode.error("an exclusion needs at least one flag (the declared fact that takes the item out)");
        }
        String citation = required(m, n, "citation").text();
        Provenance p = provenance(m, n);
        checkCitation(n, p, citation);
        return new Exclusion(required(m, n, "id").text(), when, required(m, n, "reason").text(), citation, p);
    }

    /** A fact marked verified must name the legal text it was verified in. */
    private static void checkCitation(YamlNode n, Provenance p, String citation) throws PolicyFormatException {
        if (p.verified() == Verification.VERIFIED && !Citations.namesSource(citation)) {
            throw PolicyFormatException.at(n.file, n.childPath("citation"), "verified: true needs a citation naming "
                    + "its source, e.g. " + Citations.EXPECTED + "; found '" + citation + "'");
        }
    }

    private Regime readRegime(String id, YamlNode n) throws PolicyFormatException {
        Map<String, YamlNode> m = n.map(Set.of("name", "appliesWhen", "lists"));
        YamlNode a = required(m, n, "appliesWhen");
        Map<String, YamlNode> am = a.map(Set.of("always", "exporterIn", "flags", "classifiedUnder"));
        boolean always = !optional(am, a, "always").isNull() && optional(am, a, "always").bool();
        List<String> exporterIn = new ArrayList<>();
        for (YamlNode e : optional(am, a, "exporterIn").list()) {
            String v = e.text();
            if (!Countries.isCode(v)) {
                refs.add(new Ref(e, "group", v)); // not a country code: must be a group
            }
            exporterIn.add(v);
        }
        List<String> regimeFlags = new ArrayList<>();
        for (YamlNode f : optional(am, a, "flags").list()) {
            refs.add(new Ref(f, "flag", f.text()));
            regimeFlags.add(f.text());
        }
        boolean classified = !optional(am, a, "classifiedUnder").isNull() && optional(am, a, "classifiedUnder").bool();
        if (classified && !schemes.contains(id)) {
            throw optional(am, a, "classifiedUnder").error("regime '" + id + "' is not a classification scheme "
                    + "(schemes: " + schemes + ")");
        }
        List<ListRule> lists = new ArrayList<>();
        for (YamlNode l : optional(m, n, "lists").list()) {
            lists.add(readListRule(l));
        }
        return new Regime(id, required(m, n, "name").text(),
                new Regime.Applicability(always, exporterIn, regimeFlags, classified), lists);
    }

    private ListRule readListRule(YamlNode n) throws PolicyFormatException {
        Set<String> allowed = new LinkedHashSet<>(PROVENANCE);
        allowed.addAll(Set.of("id", "name", "match", "outcome", "reason", "citation"));
        Map<String, YamlNode> m = n.map(allowed);
        List<ListRule.Selector> selectors = new ArrayList<>();
        for (YamlNode s : required(m, n, "match").list()) {
            Map<String, YamlNode> sm = s.map(Set.of("source", "sourceList"));
            YamlNode sl = optional(sm, s, "sourceList");
            selectors.add(new ListRule.Selector(required(sm, s, "source").text(), sl.isNull() ? null : sl.text()));
        }
        if (selectors.isEmpty()) {
            throw required(m, n, "match").error("a list rule needs at least one selector");
        }
        String citation = required(m, n, "citation").text();
        Provenance p = provenance(m, n);
        checkCitation(n, p, citation);
        return new ListRule(required(m, n, "id").text(), required(m, n, "name").text(), selectors,
                outcome(required(m, n, "outcome")), required(m, n, "reason").text(), citation, p);
    }

    private Rule readRule(YamlNode n) throws PolicyFormatException {
        Set<String> allowed = new LinkedHashSet<>(PROVENANCE);
        allowed.addAll(Set.of("id", "regime", "entries", "destination", "endUser", "flags", "notFlags", "outcome",
                "reason", "citation", "from", "to", "note"));
        Map<String, YamlNode> m = n.map(allowed);
        String id = required(m, n, "id").text();
        YamlNode regime = required(m, n, "regime");
        refs.add(new Ref(regime, "regime", regime.text()));
        List<String> ruleEntries = new ArrayList<>();
        YamlNode entriesNode = required(m, n, "entries");
        for (YamlNode e : entriesNode.list()) {
            refs.add(new Ref(e, "control entry", e.text()));
            ruleEntries.add(e.text());
        }
        if (ruleEntries.isEmpty()) {
            throw entriesNode.error("a rule needs at least one control entry");
        }
        List<String> in = new ArrayList<>();
        List<String> notIn = new ArrayList<>();
        YamlNode dest = optional(m, n, "destination");
        if (!dest.isNull()) {
            Map<String, YamlNode> dm = dest.map(Set.of("in", "notIn"));
            groupRefs(optional(dm, dest, "in"), in);
            groupRefs(optional(dm, dest, "notIn"), notIn);
        }
        String endUser = null;
        YamlNode eu = optional(m, n, "endUser");
        if (!eu.isNull()) {
            endUser = eu.text();
            if (!END_USERS.contains(endUser)) {
                throw eu.error("unknown end-user type '" + endUser + "' (expected " + END_USERS + ")");
            }
        }
        LocalDate from = optional(m, n, "from").isNull() ? null : optional(m, n, "from").date();
        LocalDate to = optional(m, n, "to").isNull() ? null : optional(m, n, "to").date();
        if (from != null && to != null && to.isBefore(from)) {
            throw n.error("to " + to + " is before from " + from);
        }
        String citation = required(m, n, "citation").text();
        Provenance p = provenance(m, n);
        checkCitation(n, p, citation);
        return new Rule(id, regime.text(), ruleEntries, in, notIn, endUser, flagRefs(optional(m, n, "flags")),
                flagRefs(optional(m, n, "notFlags")), outcome(required(m, n, "outcome")),
                required(m, n, "reason").text(), citation, from, to, p, n.file);
    }

    private void groupRefs(YamlNode n, List<String> out) throws PolicyFormatException {
        for (YamlNode g : n.list()) {
            refs.add(new Ref(g, "group", g.text()));
            out.add(g.text());
        }
    }

    private Set<String> flagRefs(YamlNode n) throws PolicyFormatException {
        Set<String> out = new LinkedHashSet<>();
        for (YamlNode f : n.list()) {
            refs.add(new Ref(f, "flag", f.text()));
            out.add(f.text());
        }
        return out;
    }

    private static Outcome outcome(YamlNode n) throws PolicyFormatException {
        String s = n.text();
        try {
            return Outcome.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw n.error("unknown outcome '" + s + "' (expected CLEARED, LICENCE_REQUIRED, REVIEW or BLOCKED)");
        }
    }

    private static Provenance provenance(Map<String, YamlNode> m, YamlNode n) throws PolicyFormatException {
        List<String> sources = new ArrayList<>();
        for (YamlNode s : required(m, n, "source").listOrOne()) {
            sources.add(s.text());
        }
        if (sources.isEmpty()) {
            throw PolicyFormatException.at(n.file, n.childPath("source"), "missing (every fact needs its source)");
        }
        YamlNode v = required(m, n, "verified");
        Verification verified = Verification.parse(v.value);
        if (verified == null) {
            throw v.error("expected true, partial or false, found '" + v.value + "'");
        }
        YamlNode a = optional(m, n, "authoritative");
        return new Provenance(sources, verified, a.isNull() || a.bool());
    }

    private static <T> void putNew(Map<String, T> map, String key, T value, YamlNode at, String kind)
            throws PolicyFormatException {
        if (map.putIfAbsent(key, value) != null) {
            throw at.error(kind + " '" + key + "' is defined twice");
        }
    }

    private void checkRefs() throws PolicyFormatException {
        for (Ref r : refs) {
            boolean known = switch (r.kind) {
                case "group" -> groups.containsKey(r.name);
                case "control entry" -> entries.containsKey(r.name);
                case "regime" -> regimes.containsKey(r.name);
                case "flag" -> flags.containsKey(r.name);
                default -> false;
            };
            if (!known) {
                throw r.at.error("unknown " + r.kind + " '" + r.name + "'");
            }
        }
    }

    private void checkRuleOverlaps() throws PolicyFormatException {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = 0; j < i; j++) {
                Rule a = rules.get(i);
                Rule b = rules.get(j);
                if (a.id().equals(b.id()) && a.overlaps(b)) {
                    YamlNode other = ruleNodes.get(j);
                    throw ruleNodes.get(i).error("rule '" + a.id() + "' is already in force over part of this period ("
                            + other.file + ": " + other.path + "); versions of a rule must not share a day");
                }
            }
        }
    }
}
