package org.exportguard.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A deal as the store keeps it: its JSON text as given (the policy module parses it) and the columns the store
 * queries by.
 *
 * @param id          the deal's id (unique)
 * @param json        the deal's JSON text
 * @param exportDate  the planned export date (null when unknown)
 * @param destination destination country code
 * @param partyNames  the names of its parties (indexed by {@link PartyWords})
 */
public record DealRecord(String id, String json, LocalDate exportDate, String destination, List<String> partyNames) {
    public DealRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(destination, "destination");
        partyNames = List.copyOf(partyNames);
        if (id.isBlank()) {
            throw new IllegalArgumentException("deal id is empty");
        }
        for (String n : partyNames) {
            if (n.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("deal " + id + ": a party name holds a line break");
            }
        }
    }
}
