package org.exportguard.service.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.service.ConfirmedDispositions;
import org.exportguard.service.DecisionDay;
import org.exportguard.service.DecisionRecords;
import org.exportguard.service.InForce;
import org.exportguard.store.Disposition;
import org.exportguard.store.NewDecision;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Re-decides a set of open deals against the policy and lists after a change, stores every new decision and the
 * change's report in ONE transaction, and says which deals changed outcome and why.
 */
final class Reevaluation {
    static final ObjectMapper MAPPER = Json.MAPPER;
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
    /** Where the deals to re-decide come from: hands them over a page at a time. */
    @FunctionalInterface
    interface DealPages {
        void forEachPage(Consumer<List<StoredDeal>> page);

        /** These deals, read by id a chunk at a time. */
        static DealPages byIds(Store store, Collection<String> ids) {
            List<String> list = new ArrayList<>(ids);
            return page -> {
                for (int start = 0; start < list.size(); start += CHUNK) {
                    page.accept(store.deals().getMany(list.subList(start, Math.min(list.size(), start + CHUNK))));
                }
            };
        }

        /** The open deals to these destinations (null: all), streamed in one read. */
        static DealPages byDestinations(Store store, Set<String> destinations) {
            return page -> store.deals().forEachOpenDealTo(destinations, CHUNK, page);
        }
    }

    /**
     * @param change    the report's {@code change} object (what changed)
     * @param deals     the open deals the change can touch
     * @param after     the policy and lists after the change
     * @param why       stored with each new decision, e.g. {@code list US-CSL version 3}
     * @param extra     further report fields (e.g. how the deals were found)
     */
    static ImportOutcome run(Store store, String kind, ObjectNode change, DealPages deals, InForce after,
                             String why, ObjectNode extra, Long listVersionId, Long policyVersionId, String actor,
                             org.exportguard.store.ImportResult imported) {
        DealParser parser = new DealParser(after.pack());
        List<NewDecision> decisions = new ArrayList<>();
        ArrayNode changed = MAPPER.createArrayNode();
        ArrayNode unreadable = MAPPER.createArrayNode();
        Map<String, Long> outcomes = new TreeMap<>();
        int[] reevaluated = new int[1];
        deals.forEachPage(page -> {
            // confirmed dispositions keep applying on every re-decision; one cheap query when there are none
            Map<String, List<Disposition>> disposed = store.dispositions().confirmedForDeals(
                    page.stream().map(s -> s.deal().id()).toList());
            Decision[] decided = new Decision[page.size()];
            String[] problems = new String[page.size()];
            IntStream.range(0, page.size()).parallel().forEach(i -> {
                StoredDeal s = page.get(i);
                if (!s.open()) {
                    return; // closed since it was selected
                }
                try {
                    Deal d = parser.parse(s.deal().json());
                    decided[i] = after.evaluator().evaluate(d, DecisionDay.of(d),
                            ConfirmedDispositions.of(disposed.getOrDefault(s.deal().id(), List.of())));
                } catch (DealFormatException e) {
                    problems[i] = e.getMessage();
                }
            });
            for (int i = 0; i < page.size(); i++) {
                StoredDeal s = page.get(i);
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
                reevaluated[0]++;
                decisions.add(DecisionRecords.of(d, after, why));
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
        });
        ObjectNode report = MAPPER.createObjectNode();
        report.set("change", change);
        report.put("reevaluated", reevaluated[0]);
        report.put("incremental", true);
        report.setAll(extra);
        ObjectNode oc = report.putObject("outcomesAfter");
        outcomes.forEach(oc::put);
        report.put("changedCount", changed.size());
        report.set("changed", changed);
        report.put("unchanged", reevaluated[0] - changed.size());
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
                        + (f.match() != null ? "; " + f.match().listName() + " entry " + f.match().entryId()
                        + ", score " + Math.round(f.match().score() * 1000) / 1000.0 : "") + ")");
            }
        }
        return out;
    }
}
