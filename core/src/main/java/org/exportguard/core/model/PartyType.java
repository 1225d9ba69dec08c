package org.exportguard.core.model;

import java.util.Locale;

/** What kind of thing a listed party is; matching treats people and companies differently. */
public enum PartyType {
    PERSON, ORGANIZATION, VESSEL, AIRCRAFT, UNKNOWN;

    /** The lower-case word used in files, JSON and the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the many spellings the lists and other tools use ("individual", "Entity", "person", "vessel",
     * FollowTheMoney's "LegalEntity" and "Airplane", blank ...). Anything not recognised is UNKNOWN rather than an
     * error: the type is a hint for matching, never a reason to drop a listed party. See {@link #isKnownWord}.
     */
    public static PartyType parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        switch (text.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "")) {
            case "individual": case "person": case "individuals": case "people":
                return PERSON;
            case "entity": case "organization": case "organisation": case "company": case "entities":
            case "legalentity": case "business": case "corporation":
                return ORGANIZATION;
            case "vessel": case "ship":
                return VESSEL;
            case "aircraft": case "airplane": case "aeroplane":
                return AIRCRAFT;
            default:
                return UNKNOWN;
        }
    }

    /** True when {@code text} names a type {@link #parse} knows, including the explicit "unknown" and blank. */
    public static boolean isKnownWord(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return parse(text) != UNKNOWN || t.equals("unknown") || t.equals("thing") || t.equals("any");
    }
}
