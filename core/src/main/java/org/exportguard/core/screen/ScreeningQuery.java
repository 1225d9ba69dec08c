package org.exportguard.core.screen;

import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.PartyType;

import java.util.List;

/**
 * A name to screen, with optional secondary evidence. {@code type} narrows matching (a person query does not want
 * vessels); {@code country} (ISO code or English name), {@code dateOfBirth} (a date, a year or a range, see
 * {@code evidence.DobRange}) and {@code identifiers} (passport, national id, registration, IMO, SWIFT/BIC numbers)
 * are compared with the listed entry's by {@code evidence.EvidenceScreening}; any of them may be null or empty.
 */
public record ScreeningQuery(String name, PartyType type, String country, String dateOfBirth,
                             List<Identifier> identifiers) {
    public ScreeningQuery {
        if (type == null) {
            type = PartyType.UNKNOWN;
        }
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    public ScreeningQuery(String name, PartyType type, String country, String dateOfBirth) {
        this(name, type, country, dateOfBirth, List.of());
    }

    public static ScreeningQuery of(String name) {
        return new ScreeningQuery(name, PartyType.UNKNOWN, null, null);
    }

    /** True when the query carries anything beyond its name that a listed entry can confirm or contradict. */
    public boolean hasEvidence() {
        return type != PartyType.UNKNOWN || country != null || dateOfBirth != null || !identifiers.isEmpty();
    }

    /** The same evidence for another name (a variant of this one). */
    public ScreeningQuery withName(String other) {
        return new ScreeningQuery(other, type, country, dateOfBirth, identifiers);
    }
}
