package org.exportguard.service;

import org.exportguard.policy.deal.Deal;
import org.exportguard.store.DealRecord;

/** The stored form of a deal. */
public final class DealRecords {
    private DealRecords() {
    }

    /** Its JSON as given, and the columns the store queries (id, export date, destination, party names). */
    public static DealRecord of(Deal deal, String json) {
        return new DealRecord(deal.id(), json.strip(), deal.date(), deal.destination(),
                deal.parties().stream().map(Deal.Party::name).toList());
    }
}
