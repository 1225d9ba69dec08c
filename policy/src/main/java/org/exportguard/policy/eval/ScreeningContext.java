package org.exportguard.policy.eval;

import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The restricted-party lists a decision screens against: the loaded lists, their index, and each list's version
 * (content hash), which every decision records. Immutable and thread-safe.
 *
 * @param listVersions list id ({@code US-CSL}, {@code OFAC-SDN}, ...) to the version of the file it came from
 * @param threshold    lowest screening score that counts as a possible match
 * @param limit        most hits considered per party
 */
public record ScreeningContext(List<PartyList> lists, ScreeningIndex index, Map<String, String> listVersions,
                               double threshold, int limit) {
    /** Below the threshold, hits down to this score are kept only when the listed name is contained in the query. */
    public static final double CONTAINMENT_FLOOR = 0.6;

    public ScreeningContext {
        lists = List.copyOf(lists);
        listVersions = Collections.unmodifiableMap(new TreeMap<>(listVersions));
    }

    /** Builds the index over {@code lists}, with the default threshold. */
    public static ScreeningContext of(List<PartyList> lists, Map<String, String> listVersions) {
        return new ScreeningContext(lists, ScreeningIndex.build(lists), listVersions,
                NameMatcher.DEFAULT_THRESHOLD, 10);
    }

    /** The ids of the loaded lists. */
    public Set<String> listIds() {
        Set<String> ids = new LinkedHashSet<>();
        lists.forEach(l -> ids.add(l.id()));
        return ids;
    }
}
