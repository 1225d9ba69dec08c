package org.exportguard.core.screen;

import org.exportguard.core.model.PartyType;

/**
 * A name to screen, with optional hints. {@code type} narrows matching (a person query does not want vessels);
 * {@code country} and {@code dateOfBirth} are carried for the analyst and may be null.
 */
public record ScreeningQuery(String name, PartyType type, String country, String dateOfBirth) {
    public ScreeningQuery {
        if (type == null) {
            type = PartyType.UNKNOWN;
        }
    }

    public static ScreeningQuery of(String name) {
        return new ScreeningQuery(name, PartyType.UNKNOWN, null, null);
    }
}
