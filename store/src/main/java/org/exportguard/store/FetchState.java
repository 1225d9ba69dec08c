package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.time.Instant;

/**
 * What the store knows of fetching one list source from its publisher ({@code lists fetch}, {@code serve --refresh}).
 *
 * @param source              the list source, e.g. {@code OFAC-SDN}
 * @param confirmedAt         the last time a fetch confirmed the version in force current: it imported it, or found
 *                            the publisher's file unchanged (null: never). A source's age counts from this (or from
 *                            the version's own import, when that is later)
 * @param confirmedVersionId  the list version confirmed then
 * @param confirmedSha256     its content hash
 * @param lastAttemptAt       the last fetch, successful or not
 * @param lastOutcome         {@code fetched}, {@code unchanged} or {@code failed}
 * @param lastFailureAt       the last failed fetch (null: none yet)
 * @param lastFailureReason   why it failed, one line
 * @param consecutiveFailures failures since the last success (0 after a success)
 */
public record FetchState(String source, Instant confirmedAt, Long confirmedVersionId, String confirmedSha256,
                         Instant lastAttemptAt, String lastOutcome, Instant lastFailureAt, String lastFailureReason,
                         int consecutiveFailures) {
    public static final String FETCHED = "fetched";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    /** {@code ok} (the last attempt succeeded), {@code failing} (it failed). */
    public String status() {
        return consecutiveFailures == 0 ? "ok" : "failing";
    }

    /** As {@code GET /health} and {@code lists history --json} show it. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("source", source);
        o.put("status", status());
        o.put("lastSuccess", text(confirmedAt));
        if (confirmedVersionId == null) {
            o.putNull("confirmedVersion");
        } else {
            o.put("confirmedVersion", confirmedVersionId);
        }
        o.put("lastAttempt", text(lastAttemptAt));
        o.put("lastOutcome", lastOutcome);
        o.put("lastFailure", text(lastFailureAt));
        o.put("lastFailureReason", lastFailureReason);
        o.put("consecutiveFailures", consecutiveFailures);
        return o;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
