package org.exportguard.core.screen.evidence;

import org.exportguard.core.model.Identifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks every entry point (CLI options, batch columns, API fields, deal parties) applies to a query's
 * secondary evidence, so that a value that cannot be compared is refused with a message, never silently ignored.
 * Each method throws {@link IllegalArgumentException} saying what is wrong and what is expected.
 */
public final class QueryFields {
    /** The identifier kinds a query may name, as written. */
    public static final String KINDS = "passport, national-id, registration, imo, swift-bic, other";

    private QueryFields() {
    }

    /** A country as an ISO 3166-1 code or English name, returned as given (stripped); null or blank is null. */
    public static String country(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (CountryCodes.code(text) == null) {
            throw new IllegalArgumentException("unknown country '" + text.strip()
                    + "' (expected an ISO 3166-1 code such as IR, or an English country name)");
        }
        return text.strip();
    }

    /** A date of birth ({@link DobRange#parseQuery}), returned as given (stripped); null or blank is null. */
    public static String dateOfBirth(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        DobRange.parseQuery(text);
        return text.strip();
    }

    /** {@code KIND:NUMBER}, e.g. {@code passport:1084010}, {@code imo:9187629}. */
    public static Identifier identifier(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an identifier (expected KIND:NUMBER, KIND one "
                    + "of " + KINDS + ")");
        }
        return identifier(text.substring(0, colon), text.substring(colon + 1));
    }

    /** An identifier of a kind word ({@link #KINDS}) and a number with at least one letter or digit. */
    public static Identifier identifier(String kind, String number) {
        IdentifierKind k = IdentifierKind.parseQueryKind(kind);
        if (k == null) {
            throw new IllegalArgumentException("unknown identifier kind '" + kind.strip() + "' (expected one of "
                    + KINDS + ")");
        }
        if (number == null || k.normalise(number).isEmpty()) {
            throw new IllegalArgumentException("identifier '" + kind.strip() + "' has no number");
        }
        return new Identifier(k.label(), number.strip(), null);
    }

    /** Identifiers written {@code KIND:NUMBER; KIND:NUMBER} (a batch cell); blank is none. */
    public static List<Identifier> identifiers(String cell) {
        List<Identifier> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                out.add(identifier(part.strip()));
            }
        }
        return out;
    }
}
