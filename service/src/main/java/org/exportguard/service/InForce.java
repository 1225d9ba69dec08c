package org.exportguard.service;

import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.pack.PolicyPack;

import java.util.List;

/**
 * What decisions are taken against: the lists in force and the policy in force (the newest stored policy version,
 * or the pack shipped in the jar while none is stored), with an evaluator over exactly these. Immutable.
 *
 * @param lists           the lists in force, their index and screener
 * @param pack            the policy
 * @param policyVersionId the stored policy version it came from (null: the shipped pack)
 * @param evaluator       decides deals against exactly these, screening with {@code lists.screener()}
 */
public record InForce(ListsInForce lists, PolicyPack pack, Long policyVersionId, DealEvaluator evaluator) {

    /** These lists under this policy. */
    public static InForce of(ListsInForce lists, PolicyPack pack, Long policyVersionId) {
        return new InForce(lists, pack, policyVersionId, new DealEvaluator(pack, lists.screener()));
    }

    /** The same lists, and so the same screening results, under another policy. */
    public InForce withPolicy(PolicyPack other, Long otherVersionId) {
        return new InForce(lists, other, otherVersionId, evaluator.withPack(other));
    }

    /** The ids of the list versions in force, in source order (what each decision records). */
    public List<Long> listVersionIds() {
        return lists.versionIds();
    }
}
