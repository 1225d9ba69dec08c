package org.exportguard.service.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.service.CurrentPolicy;
import org.exportguard.service.Desk;
import org.exportguard.store.NewDecision;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Re-decides a set of open deals against the policy and lists after a change, stores every new decision and the
 * change's report in ONE transaction, and says which deals changed outcome and why.
 */
final class Reevaluation {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Deals read, parsed and decided at a time (bounded memory, all cores busy). */
    private static final int CHUNK = 5_000;
    /** Reasons listed per changed deal. */
    private static final int REASONS = 5;

    private Reevaluation() {
    }

    /**
     * @param change    the report's {@code change} object (what changed)
     * @param dealIds   the open deals the change can touch
     * @param after     the policy and lists after the change
     * @param why       stored with each new decision, e.g. {@code list US-CSL version 3}
     * @param extra     further report fields (e.g. how the deals were found)
     */
    static ImportOutcome run(Store store, String kind, ObjectNode change, Collection<String> dealIds,
                             CurrentPolicy after, String why, ObjectNode extra, Long listVersionId,
                             Long policyVersionId, String actor, org.exportguard.store.ImportResult imported) {
        DealParser parser = new DealParser(after.pack());
        List<String> ids = new ArrayList<>(dealIds);
        List<NewDecision> decisions = new ArrayList<>(ids.size());
        ArrayNode changed = MAPPER.createArrayNode();
        ArrayNode unreadable = MAPPER.createArrayNode();
        Map<String, Long> outcomes = new TreeMap<>();
        int reevaluated = 0;
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<StoredDeal> deals = store.deals().getMany(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
            Decision[] decided = new Decision[deals.size()];
            String[] problems = new String[deals.size()];
            IntStream.range(0, deals.size()).parallel().forEach(i -> {
                StoredDeal s = deals.get(i);
                if (!s.open()) {
                    return; // closed since it was selected
                }
                try {
                    Deal d = parser.parse(s.deal().json());
                    decided[i] = after.evaluator().evaluate(d, Desk.asOf(d));
                } catch (DealFormatException e) {
                    problems[i] = e.getMessage();
                }
            });
            for (int i = 0; i < deals.size(); i++) {
                StoredDeal s = deals.get(i);
                if (problems[i] != null) {
                    ObjectNode u = unreadable.addObject();
                    u.put("dealId", s.deal().id());
                    u.put("problem", "cannot be read under the new policy: " + problems[i]);
                    continue;
                }
                Decision d = decided[i];
                if (d == null) {
                    continue;
                }
                reevaluated++;
                decisions.add(Desk.newDecision(d, after, why));
                outcomes.merge(d.outcome().name(), 1L, Long::sum);
                if (!d.outcome().name().equals(s.outcome())) {
                    ObjectNode c = changed.addObject();
                    c.put("dealId", d.dealId());
                    c.put("before", s.outcome());
                    c.put("after", d.outcome().name());
                    ArrayNode reasons = c.putArray("reasons");
                    reasons(d).forEach(reasons::add);
                }
            }
        }
        ObjectNode report = MAPPER.createObjectNode();
        report.set("change", change);
        report.put("reevaluated", reevaluated);
        report.put("incremental", true);
        report.setAll(extra);
        ObjectNode oc = report.putObject("outcomesAfter");
        outcomes.forEach(oc::put);
        report.put("changedCount", changed.size());
        report.set("changed", changed);
        report.put("unchanged", reevaluated - changed.size());
        if (!unreadable.isEmpty()) {
            report.set("unreadable", unreadable);
        }
        String json = report.toString();
        long id = store.changeReports().recordReevaluation(decisions, kind, listVersionId, policyVersionId, json,
                actor);
        return new ImportOutcome(imported, id, json);
    }

    /** The findings that make the outcome what it is (the most severe ones), as "RULE: reason (subject)". */
    static List<String> reasons(Decision d) {
        List<String> out = new ArrayList<>();
        for (Finding f : d.findings()) {
            if (f.outcome() == d.outcome() && out.size() < REASONS) {
                out.add(f.rule() + ": " + f.reason() + " (" + f.subject()
                        + (f.list() != null ? "; " + f.list() + " entry " + f.sourceId() + ", score "
                        + Math.round(f.score() * 1000) / 1000.0 : "") + ")");
            }
        }
        return out;
    }
}
