package org.exportguard.core.screen;

import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** In-memory index over loaded lists. PLACEHOLDER: a scan, replaced by the inverted index. */
public final class ScreeningIndex {
    private final List<ListedParty> parties = new ArrayList<>();
    private final NameMatcher matcher = new NameMatcher();

    private ScreeningIndex(Collection<PartyList> lists) {
        lists.forEach(l -> parties.addAll(l.parties()));
    }

    public static ScreeningIndex build(Collection<PartyList> lists) {
        return new ScreeningIndex(lists);
    }

    public int partyCount() {
        return parties.size();
    }

    public List<ScreeningHit> screen(ScreeningQuery query, double threshold, int limit) {
        List<ScreeningHit> hits = new ArrayList<>();
        for (ListedParty p : parties) {
            var r = matcher.match(query.name(), p.primaryName(), query.type());
            if (r.score() >= threshold) {
                hits.add(new ScreeningHit(p, p.primaryName(), AliasStrength.STRONG, r.score(), r.explanation()));
            }
        }
        hits.sort(Comparator.comparingDouble(ScreeningHit::score).reversed());
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }
}
