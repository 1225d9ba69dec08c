package org.exportguard.policy.screen;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One list source screened against, as every answer names it: which version of it, and how current it was.
 *
 * @param source      the list id hits carry as their {@code source} ({@code US-CSL}, {@code OFAC-SDN}, ...)
 * @param version     the stored list version it came from (null: a list given by the caller, not stored)
 * @param sha256      content hash of the version (stored) or of the file or folder it was read from
 * @param effective   the version's effective date (null: from its import, or not stored)
 * @param importedAt  when the version was stored (null: not stored)
 * @param confirmedAt when the store last confirmed the source current: its import, or a fetch that found the
 *                    publisher's file unchanged (null: not stored, so no staleness check: the caller's choice)
 * @param subLists    for an aggregated list (the CSL), the original lists its rows actually come from, sorted;
 *                    empty for other lists
 */
public record ScreenedList(String source, Long version, String sha256, LocalDate effective, Instant importedAt,
                           Instant confirmedAt, List<String> subLists) {
    public ScreenedList {
        Objects.requireNonNull(source, "source");
        subLists = List.copyOf(subLists);
    }

    /** Whether the store vouches for how current this list is (a stored version): only then is its age checked. */
    public boolean stored() {
        return confirmedAt != null;
    }

    /** The original lists (CSL {@code source} column) of the parties of {@code lists}, sorted; empty when none. */
    public static List<String> subListsOf(List<PartyList> lists) {
        TreeSet<String> out = new TreeSet<>();
        for (PartyList l : lists) {
            for (ListedParty p : l.parties()) {
                if (p.sourceList() != null && !p.sourceList().isBlank()) {
                    out.add(p.sourceList());
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * What a set of lists covers, list by list: each list id and each of its original lists. When this differs between
     * two versions, a list rule's coverage moved, so deals under REVIEW for a list not screened must be decided again.
     */
    public static Set<String> coverageOf(List<PartyList> lists) {
        Set<String> out = new TreeSet<>();
        for (PartyList l : lists) {
            out.add(l.id());
            subListsOf(List.of(l)).forEach(sub -> out.add(l.id() + '\u0000' + sub));
        }
        return out;
    }
}
