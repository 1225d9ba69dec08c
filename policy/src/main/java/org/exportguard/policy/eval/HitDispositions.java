package org.exportguard.policy.eval;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The confirmed (four-eyes) human decisions on one deal's screening hits: that a party is, or is not, a listed
 * entry. A decision applies them to the hits they name: a confirmed false positive no longer asks for review, a
 * confirmed true match counts as the list's outcome. Only confirmed dispositions belong here; a proposal alone
 * changes nothing.
 */
public final class HitDispositions {
    /**
     * What two people decided about one hit.
     *
     * @param reopened    null while the verdict applies; else why it no longer does (the deal changed since it was
     *                    reviewed), and the hit is up for review again
     * @param entrySha256 the {@link EntryFingerprint} of the listed entry as reviewed (null: not known); a hit on an
     *                    entry with another fingerprint re-opens the verdict
     * @param listVersion the list version the reviewed decision named for the hit (null: not known)
     */
    public record Verdict(boolean trueMatch, String reason, String proposedBy, String confirmedBy, String reopened,
                          String entrySha256, String listVersion) {
        /** A verdict that applies, not bound to an entry's content. */
        public Verdict(boolean trueMatch, String reason, String proposedBy, String confirmedBy) {
            this(trueMatch, reason, proposedBy, confirmedBy, null, null, null);
        }
    }

    public static final HitDispositions NONE = new HitDispositions(Map.of());

    private final Map<String, Verdict> byHit;

    private HitDispositions(Map<String, Verdict> byHit) {
        this.byHit = byHit;
    }

    /** A builder's worth of dispositions: add each confirmed one. */
    public static HitDispositions of(Map<String, Verdict> byKey) {
        return byKey.isEmpty() ? NONE : new HitDispositions(new TreeMap<>(byKey));
    }

    /** The key of a hit: the party's name as given in the deal, the list ({@code US-CSL}) and the entry's id. */
    public static String key(String partyName, String list, String entryId) {
        return partyName + "\u0000" + list + "\u0000" + entryId;
    }

    public Optional<Verdict> of(String partyName, String list, String entryId) {
        return Optional.ofNullable(byHit.get(key(partyName, list, entryId)));
    }

    public boolean isEmpty() {
        return byHit.isEmpty();
    }
}
