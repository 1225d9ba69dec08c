package org.exportguard.policy.pack;

import java.util.Collection;

/** What a rule, a regime or a whole deal comes to; declared from least to most severe. */
public enum Outcome {
    CLEARED, LICENCE_REQUIRED, REVIEW, BLOCKED;

    public boolean moreSevereThan(Outcome o) {
        return ordinal() > o.ordinal();
    }

    /** The most severe of {@code outcomes}; {@code CLEARED} when there are none. */
    public static Outcome mostSevere(Collection<Outcome> outcomes) {
        Outcome worst = CLEARED;
        for (Outcome o : outcomes) {
            if (o.moreSevereThan(worst)) {
                worst = o;
            }
        }
        return worst;
    }
}
