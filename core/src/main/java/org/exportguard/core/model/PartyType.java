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
     * Reads the many spellings the lists use ("individual", "Entity", "person", "vessel", blank ...).
     * Anything not recognised is UNKNOWN rather than an error: the type is a hint for matching, never a reason to
     * drop a listed party.
     */
    public static PartyType parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "individual": case "person": case "individuals":
                return PERSON;
            case "entity": case "organization": case "organisation": case "company": case "entities":
                return ORGANIZATION;
            case "vessel":
                return VESSEL;
            case "aircraft":
                return AIRCRAFT;
            default:
                return UNKNOWN;
        }
    }
}
