package org.exportguard.store;

/**
 * A human verdict on one screening hit of a deal: the party (its name as given in the deal) is, or is not, the
 * listed entry. Proposed by one user; it counts in decisions only once a different user has confirmed it.
 *
 * @param list        the list's source, e.g. {@code US-CSL}, {@code UN}
 * @param entryId     the listed entry's id in its list (its sourceId)
 * @param trueMatch   true: the party is the entry; false: a false positive
 * @param confirmedBy  null while only proposed
 * @param dealRevision the deal's revision the hit was reviewed on (see {@link StoredDeal#revision}); a later
 *                     revision re-opens the disposition
 * @param listVersion  the list version the reviewed decision named for the hit (null: not known, stored before
 *                     schema 6)
 * @param entrySha256  the fingerprint of the listed entry as reviewed (null: not known); a changed entry re-opens
 *                     the disposition
 */
public record Disposition(long id, String dealId, String partyName, String list, String entryId, boolean trueMatch,
                          String reason, String proposedBy, String proposedAt, String confirmedBy,
                          String confirmedAt, long dealRevision, String listVersion, String entrySha256) {
    public static final String TRUE_MATCH = "TRUE_MATCH";
    public static final String FALSE_POSITIVE = "FALSE_POSITIVE";

    public boolean confirmed() {
        return confirmedBy != null;
    }

    /** As stored: {@code TRUE_MATCH} or {@code FALSE_POSITIVE}. */
    public String verdict() {
        return trueMatch ? TRUE_MATCH : FALSE_POSITIVE;
    }
}
