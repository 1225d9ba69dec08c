package org.exportguard.policy.pack;

import java.util.List;
import java.util.Map;

/**
 * One controlled item type, with its code in each classification scheme that lists it: Wassenaar {@code 4.D.4} is
 * US {@code 4D004} is EU {@code 4D004}. An item classified under any one of those codes is this entry, for every
 * regime.
 *
 * @param id          the id rules use
 * @param description what the entry covers
 * @param codes       scheme id ({@code WA}, {@code US-EAR}, {@code EU-2021-821}) to code, in file order
 * @param exclusions  what the entry's text leaves out of its scope (empty for most entries)
 */
public record ControlEntry(String id, String description, Map<String, String> codes, List<Exclusion> exclusions,
                           Provenance provenance) {
    public ControlEntry {
        codes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
        exclusions = List.copyOf(exclusions);
    }

    /** E.g. {@code WA 4.D.4 = US-EAR 4D004 = EU-2021-821 4D004}. */
    public String codeText() {
        StringBuilder sb = new StringBuilder();
        codes.forEach((s, c) -> sb.append(sb.length() == 0 ? "" : " = ").append(s).append(' ').append(c));
        return sb.toString();
    }
}
