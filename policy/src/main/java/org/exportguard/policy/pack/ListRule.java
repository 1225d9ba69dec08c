package org.exportguard.policy.pack;

import java.util.List;

/**
 * A restricted-party list a regime applies, and what a confirmed match on it means.
 *
 * @param id        rule id, e.g. {@code US-EAR-ENTITY-LIST}
 * @param name      the list in words, e.g. "Entity List"
 * @param match     which loaded parties belong to this list (any selector matching is enough)
 * @param outcome   the outcome of a confirmed match
 * @param reason    why a match has that outcome
 * @param citation  the legal basis
 */
public record ListRule(String id, String name, List<Selector> match, Outcome outcome, String reason,
                       String citation, Provenance provenance) {
    public ListRule {
        match = List.copyOf(match);
    }

    /**
     * Parties of loaded list {@code source} (a list id such as {@code US-CSL}), and when {@code sourceList} is given
     * only those whose original list (CSL's {@code source} column) is that.
     */
    public record Selector(String source, String sourceList) {
        public boolean matches(String partySource, String partySourceList) {
            return source.equals(partySource) && (sourceList == null || sourceList.equals(partySourceList));
        }
    }

    public boolean covers(String partySource, String partySourceList) {
        return match.stream().anyMatch(s -> s.matches(partySource, partySourceList));
    }
}
