package org.exportguard.policy.screen;

import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.core.screen.evidence.EvidenceScreening;
import org.exportguard.policy.deal.Deal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Screens deal parties against a set of restricted-party lists: which listed entries a party's name could be. Owns
 * the screening index over the lists, the threshold and limit, and a cache of hits per (query type, name). Knows
 * nothing of policy: which of the hits matter, and what they mean, is the evaluator's to decide. Thread-safe; one
 * screener serves any number of threads and evaluators.
 *
 * <p>A party's hits are the engine's at or above the threshold. A longer trading name of a listed company ("NSO
 * Group Technologies Ltd" for the listed "NSO Group") is the engine's to find: it scores a listed name contained in
 * the query with only generic words and legal forms more by what the names share (see docs/matching.md), so the
 * screener needs no rule of its own for it, and {@code screen} and the API find it alike.
 */
public final class PartyScreener {
    /** Most hits considered per name, unless told otherwise. */
    public static final int DEFAULT_LIMIT = 10;
    /** Entries kept in the hit cache before it is emptied (a crude bound; a batch refills it with what repeats). */
    private static final int CACHE_SIZE = 200_000;

    private final ScreeningIndex index;
    private final Set<String> listIds;
    private final Map<String, String> listVersions;
    private final ListCoverage coverage;
    private final double threshold;
    private final int limit;
    /**
     * Hits per (query type, name). Screening is a pure function of the index and the name, so caching changes no
     * result; a batch names the same counterparties over and over, and screening is most of a decision's work.
     */
    private final Map<String, List<ScreeningHit>> screened = new ConcurrentHashMap<>();

    /**
     * @param lists        the lists {@code index} was built over (their ids say what was screened against)
     * @param listVersions list id ({@code US-CSL}, {@code OFAC-SDN}, ...) to the version of the file it came from,
     *                     which every decision records
     * @param threshold    lowest screening score that counts as a possible match
     * @param limit        most hits considered per name
     */
    public PartyScreener(List<PartyList> lists, ScreeningIndex index, Map<String, String> listVersions,
                         double threshold, int limit) {
        this(lists, index, listVersions, ListCoverage.given(lists, listVersions), threshold, limit);
    }

    /**
     * @param coverage what each answer names as screened, source by source (stored versions: with their age and
     *                 staleness limits)
     */
    public PartyScreener(List<PartyList> lists, ScreeningIndex index, Map<String, String> listVersions,
                         ListCoverage coverage, double threshold, int limit) {
        Set<String> ids = new LinkedHashSet<>();
        lists.forEach(l -> ids.add(l.id()));
        this.index = index;
        this.listIds = Collections.unmodifiableSet(ids);
        this.listVersions = Collections.unmodifiableMap(new TreeMap<>(listVersions));
        this.coverage = coverage;
        this.threshold = threshold;
        this.limit = limit;
    }

    private PartyScreener(PartyScreener same) {
        this.index = same.index;
        this.listIds = same.listIds;
        this.listVersions = same.listVersions;
        this.coverage = same.coverage;
        this.threshold = same.threshold;
        this.limit = same.limit;
    }

    /**
     * The same lists, index, threshold and limit with a hit cache of its own, empty: what {@code bench deals} times,
     * so that it measures screening rather than the cache an earlier run filled.
     */
    public PartyScreener withEmptyCache() {
        return new PartyScreener(this);
    }

    /** Over {@code index} (built over {@code lists}), with the default threshold and limit. */
    public PartyScreener(List<PartyList> lists, ScreeningIndex index, Map<String, String> listVersions) {
        this(lists, index, listVersions, NameMatcher.DEFAULT_THRESHOLD, DEFAULT_LIMIT);
    }

    /** Builds the index over {@code lists}; the default threshold and limit. */
    public static PartyScreener over(List<PartyList> lists, Map<String, String> listVersions) {
        return new PartyScreener(lists, ScreeningIndex.build(lists), listVersions);
    }

    /**
     * The hits of one party, its type (when the deal gives one) narrowing what its name can be; then its type,
     * country, date of birth and identifiers as secondary evidence ({@link EvidenceScreening}: every hit of the
     * name is kept, evidence moves scores and can add entries it lifts over the threshold).
     */
    public List<ScreeningHit> screen(Deal.Party party) {
        List<ScreeningHit> byName = screen(party.name(), queryType(party));
        ScreeningQuery q = new ScreeningQuery(party.name(), queryType(party), party.country(), party.dob(),
                party.identifiers());
        if (!q.hasEvidence()) {
            return byName;
        }
        EvidenceScreening evidence = EvidenceScreening.of(index);
        // the names evidence could lift depend on name and type only: cached beside the name's own hits
        List<ScreeningHit> nearby = cached("nearby\u0000" + queryType(party).ordinal() + "\u0000" + party.name(),
                () -> evidence.nearby(q, threshold, limit));
        return evidence.withEvidence(q, byName, nearby, threshold, limit);
    }

    /**
     * The hits a party of this name could have whatever its type (an unknown type costs no score, so these are a
     * superset of any typed party's): what change impact uses to find the deals a list change can touch.
     */
    public List<ScreeningHit> screenAnyType(String name) {
        return screen(name, PartyType.UNKNOWN);
    }

    private List<ScreeningHit> screen(String name, PartyType type) {
        return cached(type.ordinal() + "\u0000" + name, () -> screenUncached(name, type));
    }

    private List<ScreeningHit> cached(String key, Supplier<List<ScreeningHit>> screen) {
        List<ScreeningHit> h = screened.get(key);
        if (h == null) {
            h = screen.get();
            if (screened.size() >= CACHE_SIZE) {
                screened.clear(); // crude bound; a batch's counterparties repeat, so it refills with the useful ones
            }
            screened.put(key, h);
        }
        return h;
    }

    private List<ScreeningHit> screenUncached(String name, PartyType type) {
        return List.copyOf(index.screen(new ScreeningQuery(name, type, null, null), threshold, limit));
    }

    private static PartyType queryType(Deal.Party p) {
        if (p.type() == null) {
            return PartyType.UNKNOWN;
        }
        return switch (p.type()) {
            case "individual" -> PartyType.PERSON;
            case "government" -> PartyType.ORGANIZATION;
            default -> PartyType.UNKNOWN;
        };
    }

    /** The index screened against (shared: build one per set of lists). */
    public ScreeningIndex index() {
        return index;
    }

    /** The ids of the lists screened against, in load order. */
    public Set<String> listIds() {
        return listIds;
    }

    /** List id to the version of the file it came from (sorted by id). */
    public Map<String, String> listVersions() {
        return listVersions;
    }

    /** The sources screened against, their versions and age: what every answer names as its {@code lists}. */
    public ListCoverage coverage() {
        return coverage;
    }

    public double threshold() {
        return threshold;
    }

    public int limit() {
        return limit;
    }
}
