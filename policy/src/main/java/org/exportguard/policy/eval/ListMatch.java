package org.exportguard.policy.eval;

/**
 * A screening hit as a decision keeps it: which party of the deal resembles which listed entry, how closely, and in
 * which version of the list. A list finding's {@code subject} and {@code list} texts are rendered from it.
 *
 * @param party       the party's position in the deal's {@code parties} (0-based)
 * @param partyName   the party's name as the deal gives it
 * @param partyRole   its role (end-user, consignee, ...); null in a decision stored before matches were kept
 * @param source      the list's source, e.g. {@code US-CSL}, {@code OFAC-SDN}, {@code UN-SC}
 * @param subList     the list within the source (the CSL's source list, e.g. {@code Entity List (EL) - ...}); else
 *                    null
 * @param entryId     the entry's id in its list
 * @param listedName  the entry's primary name; null in a decision stored before matches were kept
 * @param matchedName which of the entry's names the party's name matched; null in a decision stored before
 *                    matches were kept
 * @param score       the screening score
 * @param listVersion the version of the list file the entry came from
 */
public record ListMatch(int party, String partyName, String partyRole, String source, String subList,
                        String entryId, String listedName, String matchedName, double score, String listVersion) {

    /** What a finding about this match is about: {@code parties[1] NSO Group}. */
    public String subject() {
        return "parties[" + party + "] " + partyName;
    }

    /** The list, as a decision names it: {@code US-CSL: Entity List (EL) - ...}, or the source alone. */
    public String listName() {
        return subList != null ? source + ": " + subList : source;
    }

    /** The score as a decision's JSON gives it: rounded to 4 decimals. */
    public double roundedScore() {
        return Math.round(score * 10_000d) / 10_000d;
    }

    /** This match as read back from a decision's JSON (the score rounded to 4 decimals). */
    public ListMatch asStored() {
        return new ListMatch(party, partyName, partyRole, source, subList, entryId, listedName, matchedName,
                roundedScore(), listVersion);
    }
}
