package org.exportguard.store;

import java.util.List;

/**
 * A stored deal with its state and (from {@link Deals#get}) its decisions, oldest first.
 *
 * @param outcome   the outcome of its latest decision (null before the first)
 * @param decisions the history (empty when read in bulk)
 * @param revision  1 when added, one more each time its JSON changed: what a disposition is bound to
 */
public record StoredDeal(DealRecord deal, String status, String outcome, int decisionCount, String createdAt,
                         String updatedAt, List<StoredDecision> decisions, long revision) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public boolean open() {
        return OPEN.equals(status);
    }
}
