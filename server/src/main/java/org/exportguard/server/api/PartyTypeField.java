package org.exportguard.server.api;

import org.exportguard.core.model.PartyType;
import org.exportguard.server.ApiException;

/** A request's optional {@code type} field as a party type; an unknown word is a 400 naming the field. */
final class PartyTypeField {
    private PartyTypeField() {
    }

    static PartyType parse(String field, String text) throws ApiException {
        if (text == null || text.isBlank()) {
            return PartyType.UNKNOWN;
        }
        if (!PartyType.isKnownWord(text)) {
            throw ApiException.badField(field, "unknown type '" + text.strip()
                    + "' (expected person, organization, vessel, aircraft or unknown)");
        }
        return PartyType.parse(text);
    }
}
