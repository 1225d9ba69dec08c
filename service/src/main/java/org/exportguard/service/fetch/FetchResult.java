package org.exportguard.service.fetch;

import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.VersionInfo;

/**
 * What fetching one source did.
 *
 * @param source   the source id
 * @param outcome  fetched (a new version is in force), unchanged (the version in force is confirmed current) or
 *                 failed (nothing changed)
 * @param detail   why, one line
 * @param version  the version in force after it (null: none)
 * @param imported the import and its change impact (only when fetched)
 */
public record FetchResult(String source, Outcome outcome, String detail, VersionInfo version,
                          ImportOutcome imported) {
    public enum Outcome {
        FETCHED, UNCHANGED, FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** The line {@code lists fetch} prints: {@code SOURCE: fetched|unchanged|failed: why}. */
    public String line() {
        return source + ": " + outcome.label() + ": " + detail;
    }
}
