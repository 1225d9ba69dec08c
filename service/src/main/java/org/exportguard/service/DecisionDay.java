package org.exportguard.service;

import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.HitDispositions;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The day a deal is decided as of, whenever it is decided (added, updated, re-decided after a change): its export
 * date, and for a deal dated in the past also today, the stricter decision winning. A listed entry counts only from
 * its listing date, so a deal decided only as of an export date before a listing would escape it: backdating must
 * not clear a deal against a party listed since. The decision says which day won in its {@code asOf}.
 */
public final class DecisionDay {
    private DecisionDay() {
    }

    /** Its export date: a decision says whether the deal may ship on the day it ships. */
    public static LocalDate of(Deal deal) {
        return deal.date();
    }

    /**
     * The deal decided as of its export date and, when that is before today (by the clock of the lists the
     * evaluator screens against, the store's), as of today too: the more severe of the two, the export date's on a
     * tie.
     */
    public static Decision decide(DealEvaluator evaluator, Deal deal, HitDispositions dispositions) {
        Decision asOfDate = evaluator.evaluate(deal, of(deal), dispositions);
        LocalDate today = LocalDate.ofInstant(evaluator.screener().coverage().clock().instant(), ZoneOffset.UTC);
        if (!of(deal).isBefore(today)) {
            return asOfDate;
        }
        Decision asOfToday = evaluator.evaluate(deal, today, dispositions);
        return asOfToday.outcome().moreSevereThan(asOfDate.outcome()) ? asOfToday : asOfDate;
    }
}
