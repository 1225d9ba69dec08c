package org.exportguard.core.screen.evidence;

import org.exportguard.core.match.MatchResult;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.match.TypeCompatibility;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.screen.ScreeningQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Screening with secondary evidence, a step on top of the name score: the index finds names, this moves each hit's
 * score by what the query's type, country, date of birth and identifiers say about the listed entry
 * ({@link EvidenceComparer}), and says so in the hit's {@link HitEvidence}.
 *
 * <ul>
 *   <li>A query with nothing but a name is screened by the index alone: same hits, same scores, same cost.</li>
 *   <li>Every hit the name alone gives is kept, whatever the evidence says (a conflict lowers its score and its
 *       rank, never removes it: evidence on a list can be wrong, and an analyst must see the name match).</li>
 *   <li>Names below the threshold by at most what evidence can add are scored too, and reported when their
 *       evidence lifts them over it; entries holding one of the query's identifiers are scored whatever their
 *       names (an exact identifier is strong evidence even with a weaker name).</li>
 * </ul>
 * Thread-safe; one per index ({@link #of}).
 */
public final class EvidenceScreening {
    private static final Map<ScreeningIndex, EvidenceScreening> BY_INDEX =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** Hits beyond the limit looked at, so that evidence can re-rank across the cut. */
    private static final int EXTRA_CANDIDATES = 20;

    private final ScreeningIndex index;
    /** Normalised identifier number to the parties listing it. */
    private final Map<String, List<Integer>> byNumber;
    private final EvidenceComparer comparer = new EvidenceComparer();
    private final NameMatcher matcher = new NameMatcher();

    private EvidenceScreening(ScreeningIndex index) {
        this.index = index;
        Map<String, List<Integer>> m = new HashMap<>();
        List<ListedParty> parties = index.parties();
        for (int p = 0; p < parties.size(); p++) {
            for (Identifier id : parties.get(p).identifiers()) {
                if (id.value() == null) {
                    continue;
                }
                String n = IdentifierKind.of(id.type()).normalise(id.value());
                if (n.length() >= 4) { // shorter "numbers" (a title, a position) identify nothing
                    List<Integer> ps = m.computeIfAbsent(n, k -> new ArrayList<>(1));
                    if (ps.isEmpty() || ps.get(ps.size() - 1) != p) {
                        ps.add(p);
                    }
                }
            }
        }
        this.byNumber = m;
    }

    /** The evidence step over {@code index}, made once per index (its identifier table is built on first use). */
    public static EvidenceScreening of(ScreeningIndex index) {
        synchronized (BY_INDEX) {
            return BY_INDEX.computeIfAbsent(index, EvidenceScreening::new);
        }
    }

    /** Hits at or above {@code threshold} after evidence, plus every hit the name alone puts there; best first. */
    public List<ScreeningHit> screen(ScreeningQuery q, double threshold, int limit) {
        if (!q.hasEvidence()) {
            return index.screen(q, threshold, limit);
        }
        return withEvidence(q, index.screen(q, threshold, limit), threshold, limit);
    }

    /**
     * {@code byName} (the hits a name screening already gave, e.g. with containment) with the query's evidence
     * applied, and the entries evidence lifts over the threshold added; at most {@code limit}, but never fewer
     * than {@code byName} had.
     */
    public List<ScreeningHit> withEvidence(ScreeningQuery q, List<ScreeningHit> byName, double threshold,
                                           int limit) {
        if (!q.hasEvidence()) {
            return byName;
        }
        return withEvidence(q, byName, nearby(q, threshold, limit), threshold, limit);
    }

    /**
     * The names evidence could lift over {@code threshold}: those scoring up to what evidence other than an
     * identifier can add below it. Depends on the query's name and type only, so a caller may cache it.
     */
    public List<ScreeningHit> nearby(ScreeningQuery q, double threshold, int limit) {
        double floor = Math.max(0.0, threshold - EvidenceComparer.MOST_RAISE_WITHOUT_IDENTIFIER);
        return index.screen(q, floor, limit + EXTRA_CANDIDATES);
    }

    /** As {@link #withEvidence(ScreeningQuery, List, double, int)}, with {@link #nearby} already screened. */
    public List<ScreeningHit> withEvidence(ScreeningQuery q, List<ScreeningHit> byName, List<ScreeningHit> nearby,
                                           double threshold, int limit) {
        if (!q.hasEvidence()) {
            return byName;
        }
        Map<String, ScreeningHit> named = new LinkedHashMap<>();
        byName.forEach(h -> named.putIfAbsent(key(h.party()), h));
        Map<String, ScreeningHit> candidates = new LinkedHashMap<>(named);
        for (ScreeningHit h : nearby) {
            candidates.putIfAbsent(key(h.party()), h);
        }
        for (ListedParty p : byIdentifier(q)) {
            if (!candidates.containsKey(key(p))) {
                ScreeningHit h = bestName(q, p);
                if (h != null) {
                    candidates.put(key(p), h);
                }
            }
        }
        List<ScreeningHit> kept = new ArrayList<>();
        for (Map.Entry<String, ScreeningHit> e : candidates.entrySet()) {
            ScreeningHit h = apply(q, e.getValue());
            if (named.containsKey(e.getKey()) || h.score() >= threshold) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingDouble((ScreeningHit h) -> -h.score())
                .thenComparing(h -> h.strength() == AliasStrength.WEAK)
                .thenComparing(h -> h.party().source())
                .thenComparing(h -> h.party().sourceId()));
        return kept.size() <= Math.max(limit, named.size()) ? kept : kept.subList(0, Math.max(limit, named.size()));
    }

    /** {@code h} with the query's evidence compared and its score moved (kept within 0..1, rounded to 4 places). */
    public ScreeningHit apply(ScreeningQuery q, ScreeningHit h) {
        List<Evidence> items = comparer.compare(q, h.party());
        double nameScore = h.nameScore();
        HitEvidence ev = new HitEvidence(nameScore, items);
        double score = Math.max(0.0, Math.min(1.0, nameScore + ev.effect()));
        return new ScreeningHit(h.party(), h.matchedName(), h.strength(), Math.round(score * 10000.0) / 10000.0,
                h.explanation(), ev);
    }

    private List<ListedParty> byIdentifier(ScreeningQuery q) {
        List<ListedParty> out = new ArrayList<>();
        for (Identifier id : q.identifiers()) {
            List<Integer> ps = byNumber.get(IdentifierKind.of(id.type()).normalise(id.value()));
            if (ps != null) {
                ps.forEach(p -> out.add(index.parties().get(p)));
            }
        }
        return out;
    }

    /** The party's best-scoring name against the query, scored pairwise as the index would score it. */
    private ScreeningHit bestName(ScreeningQuery q, ListedParty p) {
        List<Alias> names = new ArrayList<>();
        names.add(Alias.strong(p.primaryName()));
        names.addAll(p.aliases());
        ScreeningHit best = null;
        float typeFactor = TypeCompatibility.factor(q.type(), p.type());
        for (Alias a : names) {
            MatchResult r = matcher.match(q.name(), a.name(), p.type());
            double weak = a.strength() == AliasStrength.WEAK
                    ? (r.score() >= 0.9999 ? ScreeningIndex.WEAK_ALIAS_FACTOR : ScreeningIndex.WEAK_ALIAS_FUZZY_FACTOR)
                    : 1.0;
            double score = Math.round(r.score() * typeFactor * weak * 10000.0) / 10000.0;
            if (best == null || score > best.score()) {
                best = new ScreeningHit(p, a.name(), a.strength(), score, r.explanation());
            }
        }
        return best;
    }

    private static String key(ListedParty p) {
        return p.source() + '\u0000' + p.sourceId();
    }
}
