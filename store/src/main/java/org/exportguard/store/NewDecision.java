package org.exportguard.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A decision to append to a deal's history.
 *
 * @param dealId          the deal
 * @param asOf            the date it was decided as of
 * @param outcome         e.g. {@code ALLOWED}, {@code BLOCKED}, {@code REVIEW}
 * @param decisionJson    the decision's canonical JSON
 * @param listVersionIds  the list versions used
 * @param policyVersionId the policy version used (null: none)
 * @param reason          why it was (re-)decided, e.g. {@code deal added}, {@code list version 4}
 * @param regimes         the regimes the decision covers (the deal queue's regime filter)
 */
public record NewDecision(String dealId, LocalDate asOf, String outcome, String decisionJson,
                          List<Long> listVersionIds, Long policyVersionId, String reason, List<String> regimes) {
    /** A decision whose regimes are read from its JSON ({@code regimes[].regime}). */
    public NewDecision(String dealId, LocalDate asOf, String outcome, String decisionJson, List<Long> listVersionIds,
                       Long policyVersionId, String reason) {
        this(dealId, asOf, outcome, decisionJson, listVersionIds, policyVersionId, reason,
                decisionJson == null ? List.of() : DealRegimes.of(decisionJson));
    }

    public NewDecision {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decisionJson, "decisionJson");
        Objects.requireNonNull(reason, "reason");
        listVersionIds = List.copyOf(listVersionIds);
        regimes = List.copyOf(regimes);
    }
}
