package org.exportguard.store;

import java.time.LocalDate;
import java.util.List;

/** A decision in a deal's history; {@code seq} counts from 1 per deal. */
public record StoredDecision(String dealId, int seq, LocalDate asOf, String outcome, String decisionJson,
                             List<Long> listVersionIds, Long policyVersionId, String reason, String createdAt) {
}
