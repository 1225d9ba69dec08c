package org.exportguard.service;

import org.exportguard.policy.deal.Deal;

import java.time.LocalDate;

/** The day a deal is decided as of, whenever it is decided (added, updated, re-decided after a change). */
public final class DecisionDay {
    private DecisionDay() {
    }

    /** Its export date: a decision says whether the deal may ship on the day it ships. */
    public static LocalDate of(Deal deal) {
        return deal.date();
    }
}
