package org.exportguard.policy.pack;

import java.util.Set;

/**
 * Something a control entry's own text leaves out of its scope, e.g. 4E001.c "technology" for vulnerability
 * disclosure or cyber incident response. When the deal declares every one of {@code flags}, an item of the entry is
 * not controlled under it, in every regime; the finding says so and names this exclusion's source.
 *
 * @param id       stable id, named in the finding
 * @param flags    the deal must declare all of these (never empty)
 * @param reason   what is excluded, in words
 * @param citation the legal text that excludes it
 */
public record Exclusion(String id, Set<String> flags, String reason, String citation, Provenance provenance) {
    public Exclusion {
        flags = Set.copyOf(flags);
    }

    public boolean holds(Set<String> declared) {
        return declared.containsAll(flags);
    }
}
