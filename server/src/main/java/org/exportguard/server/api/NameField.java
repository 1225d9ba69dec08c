package org.exportguard.server.api;

import org.exportguard.core.match.NameLimits;
import org.exportguard.server.ApiException;

/** A name field of a request body, held to the engine's {@link NameLimits}: over them is a 400 naming the field. */
final class NameField {
    /** The field's JSON Schema, for the OpenAPI document. */
    static final String SCHEMA = String.format(java.util.Locale.ROOT,
            "{\"type\":\"string\",\"minLength\":1,\"maxLength\":%d,\"description\":\"a name of at most %d characters"
                    + " and %d words; a longer one is refused with 400\"}",
            NameLimits.MAX_CHARS, NameLimits.MAX_CHARS, NameLimits.MAX_WORDS);

    private NameField() {
    }

    /** {@code value}, or a 400 naming {@code field} and the limit it breaks. */
    static String within(String field, String value) throws ApiException {
        String problem = NameLimits.problem(value);
        if (problem != null) {
            throw ApiException.badField(field, "'" + field + "': " + problem);
        }
        return value;
    }
}
