package org.exportguard.core.screen.evidence;

import java.util.Locale;

/**
 * What an identifier is, as far as comparing numbers goes. Lists name their document types freely ("Passport",
 * "National ID No.", "Registration ID", "Vessel Registration Identification", "SWIFT/BIC", "IMO Number"); two numbers
 * are of one kind when their type texts fall in the same kind here. {@code OTHER} numbers can match any kind but
 * never conflict: a tax id and a registration number are different numbers of the same company.
 */
public enum IdentifierKind {
    PASSPORT, NATIONAL_ID, REGISTRATION, IMO, SWIFT_BIC, OTHER;

    /** The word used in queries, CLI options and JSON: {@code passport}, {@code national-id} ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a type text as a list or a caller writes it; null or unknown text is OTHER. */
    public static IdentifierKind of(String type) {
        if (type == null) {
            return OTHER;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("passport")) {
            return PASSPORT;
        }
        if (t.matches(".*\\b(swift|bic)\\b.*")) {
            return SWIFT_BIC;
        }
        if (t.matches(".*\\bimo\\b.*") || t.contains("vessel registration")) {
            return IMO;
        }
        if (t.contains("national") || t.contains("cedula") || t.contains("identity card") || t.equals("id")
                || t.contains("personal id")) {
            return NATIONAL_ID;
        }
        if (t.contains("registration") || t.contains("company number") || t.contains("business number")
                || t.contains("ogrn") || t.equals("register")) {
            return REGISTRATION;
        }
        return OTHER;
    }

    /** A query's kind word ({@link #label()}, or the words {@link #of} knows); null when it is none of them. */
    public static IdentifierKind parseQueryKind(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (IdentifierKind k : values()) {
            if (k.label().equals(w)) {
                return k;
            }
        }
        return switch (w) {
            case "national-id-number", "nationalid", "id-card" -> NATIONAL_ID;
            case "registration-number", "reg", "company-number" -> REGISTRATION;
            case "swift", "bic", "swift/bic" -> SWIFT_BIC;
            case "imo-number" -> IMO;
            default -> null;
        };
    }

    /** How a number of this kind compares: upper-case letters and digits only, IMO without its prefix, a BIC
     * without the branch code XXX of the head office. */
    public String normalise(String number) {
        String n = number.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (this == IMO && n.startsWith("IMO")) {
            n = n.substring(3);
        }
        if (this == SWIFT_BIC && n.length() == 11 && n.endsWith("XXX")) {
            n = n.substring(0, 8);
        }
        return n;
    }

    /** True when numbers of these two kinds may be the same number. */
    public boolean comparableWith(IdentifierKind o) {
        return this == o || this == OTHER || o == OTHER;
    }
}
