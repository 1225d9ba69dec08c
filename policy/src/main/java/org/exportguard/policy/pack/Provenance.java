package org.exportguard.policy.pack;

import java.util.List;

/**
 * Where a fact about a regulation comes from and how far it can be trusted.
 *
 * @param sources       the documents it was read from (URLs or citations), at least one
 * @param verified      whether it was seen in those sources
 * @param authoritative false when the fact is reported data, not the law itself (e.g. a press report of a list)
 */
public record Provenance(List<String> sources, Verification verified, boolean authoritative) {
    public Provenance {
        sources = List.copyOf(sources);
    }

    /** The sources on one line, separated by " | ". */
    public String sourceText() {
        return String.join(" | ", sources);
    }
}
