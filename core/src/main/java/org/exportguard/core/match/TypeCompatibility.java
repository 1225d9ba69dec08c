package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;

/**
 * Entity type is respected by a penalty, not a filter: a person's name that equals a vessel's name is still worth
 * showing, but below a hit of the right kind. Unknown on either side costs nothing.
 */
public final class TypeCompatibility {
    public static final float MISMATCH_FACTOR = 0.85f;

    private TypeCompatibility() {
    }

    public static float factor(PartyType query, PartyType listed) {
        if (query == PartyType.UNKNOWN || listed == PartyType.UNKNOWN || query == listed) {
            return 1f;
        }
        return MISMATCH_FACTOR;
    }
}
