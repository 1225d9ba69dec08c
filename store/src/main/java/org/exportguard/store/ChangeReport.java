package org.exportguard.store;

/**
 * The stored impact report of one change.
 *
 * @param kind            {@code list}, {@code policy} (or what the caller names)
 * @param listVersionId   the list version that made the change (null: none)
 * @param policyVersionId the policy version that made the change (null: none)
 * @param reportJson      the report as JSON
 */
public record ChangeReport(long id, String createdAt, String kind, Long listVersionId, Long policyVersionId,
                           String reportJson) {
}
