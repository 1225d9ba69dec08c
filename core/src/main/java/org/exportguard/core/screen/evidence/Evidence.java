package org.exportguard.core.screen.evidence;

import java.util.Locale;

/**
 * One comparison of a query's secondary evidence with a listed entry: what was compared, whether it agrees or
 * contradicts, and by how much it moved the score (points on the 0..1 scale, signed).
 *
 * @param field  {@code dob}, {@code country}, {@code identifier} or {@code type}
 * @param result {@code MATCH} or {@code CONFLICT}
 * @param query  the query's value, as given
 * @param listed the listed value it met or contradicted (the closest, when the entry lists several)
 * @param effect how much this moved the score: positive for a match, negative for a conflict, 0 for a conflict
 *               already counted in the name score (a type mismatch)
 * @param note   what kind of match or conflict, in words: {@code same day}, {@code same year}, {@code 39 years apart}
 */
public record Evidence(String field, Result result, String query, String listed, double effect, String note) {

    public enum Result { MATCH, CONFLICT }

    /** {@code dob 1951 = listed 19 Jun 1951 (same year) +0.05}. */
    public String toText() {
        String op = result == Result.MATCH ? " = " : " \u2260 ";
        return field + " " + query + op + "listed " + listed + " (" + note + ") "
                + String.format(Locale.ROOT, "%+.2f", effect);
    }
}
