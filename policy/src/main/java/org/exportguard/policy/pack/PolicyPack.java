package org.exportguard.policy.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated policy pack: regimes, country groups, control entries and rules. Immutable; build it with
 * {@link PackLoader}.
 */
public final class PolicyPack {
    private final String id;
    private final String version;
    private final Map<String, String> flags;
    private final List<String> schemes;
    private final Map<String, Regime> regimes;
    private final Map<String, CountryGroup> groups;
    private final Map<String, ControlEntry> entries;
    private final List<Rule> rules;
    private final Map<String, ControlEntry> byCode = new HashMap<>();

    /**
     * @param id       the pack's id, e.g. {@code exportguard-default}
     * @param version  {@code id@version+sha256:…}: names the exact content, so a decision can cite it
     * @param flags    deal flags the pack knows, with what each means (a deal declaring another flag is refused)
     * @param schemes  the classification schemes items may be classified under ({@code WA}, {@code US-EAR}, ...)
     */
    public PolicyPack(String id, String version, Map<String, String> flags, List<String> schemes,
                      Map<String, Regime> regimes, Map<String, CountryGroup> groups,
                      Map<String, ControlEntry> entries, List<Rule> rules) {
        this.id = id;
        this.version = version;
        this.flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        this.schemes = List.copyOf(schemes);
        this.regimes = Collections.unmodifiableMap(new LinkedHashMap<>(regimes));
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.rules = List.copyOf(rules);
        for (ControlEntry e : entries.values()) {
            e.codes().forEach((scheme, code) -> byCode.put(key(scheme, code), e));
        }
    }

    public String id() { return id; }
    public String version() { return version; }
    public Map<String, String> flags() { return flags; }
    public List<String> schemes() { return schemes; }
    public Map<String, Regime> regimes() { return regimes; }
    public Map<String, CountryGroup> groups() { return groups; }
    public Map<String, ControlEntry> entries() { return entries; }
    public List<Rule> rules() { return rules; }

    /** The entry with this code in this scheme. */
    public Optional<ControlEntry> entry(String scheme, String code) {
        return Optional.ofNullable(byCode.get(key(scheme, code)));
    }

    /** Rules of a regime, in pack order. */
    public List<Rule> rulesOf(String regime) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.regime().equals(regime)) {
                out.add(r);
            }
        }
        return out;
    }

    private static String key(String scheme, String code) {
        return scheme + '\u0000' + code;
    }
}
