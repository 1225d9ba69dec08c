package org.exportguard.service.impact;

import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.Finding;
import org.exportguard.service.ConfirmedDispositions;
import org.exportguard.service.DecisionDay;
import org.exportguard.service.DecisionRecords;
import org.exportguard.service.InForce;
import org.exportguard.service.InForceGuard;
import org.exportguard.store.ChangeReports;
import org.exportguard.store.Disposition;
import org.exportguard.store.ImportResult;
import org.exportguard.store.NewDecision;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Re-decides a set of open deals against the policy and lists after a change, stores every new decision and the
 * change's report in ONE transaction, and says which deals changed outcome and why.
 */
final class Reevaluation {
    /** Deals read, parsed and decided at a time (bounded memory, all cores busy). */
    private static final int CHUNK = 5_000;
    /** Reasons listed per changed deal. */
    private static final int REASONS = 5;

    private Reevaluation() {
    }

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
            return page -> store.openDeals().forEachTo(destinations, CHUNK, page);
        }
    }

    /**
     * A re-decision to run.
     *
     * @param change    what changed (a list or a policy version): the report's {@code change}, and the version the
     *                  report is stored under
     * @param deals     the open deals the change can touch
     * @param after     the policy and lists after the change
     * @param why       stored with each new decision, e.g. {@code list US-CSL version 3}
     * @param screening how the deals were found, for the report
     * @param actor     who made the change
     * @param imported  the import that made it
     */
    record Request(ImpactReport.Change change, DealPages deals, InForce after, String why,
                   ImpactReport.Screening screening, String actor, ImportResult imported) {
        Request {
            if (change instanceof ImpactReport.EffectiveDateChange) {
                throw new IllegalArgumentException("a stored re-decision follows a list or policy version, or a "
                        + "list source's age, not " + change);
            }
        }

        /** The list version the report is stored under (null for a policy change). */
        Long listVersionId() {
            return change instanceof ImpactReport.ListChange l ? l.version() : null;
        }

        /** The policy version the report is stored under (null for a list change). */
        Long policyVersionId() {
            return change instanceof ImpactReport.PolicyChange p ? p.version() : null;
        }
    }

    /**
     * Re-decides the deals of {@code request}, and stores every new decision with the change's report in ONE
     * transaction.
     */
    static ImportOutcome run(Store store, Request request) {
        InForce after = request.after();
        DealParser parser = new DealParser(after.pack());
        List<NewDecision> decisions = new ArrayList<>();
        List<ImpactReport.ChangedDeal> changed = new ArrayList<>();
        List<ImpactReport.UnreadableDeal> unreadable = new ArrayList<>();
        SortedMap<String, Long> outcomes = new TreeMap<>();
        int[] reevaluated = new int[1];
        Map<String, Long> revisions = new java.util.HashMap<>();
        request.deals().forEachPage(page -> {
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
                    decided[i] = DecisionDay.decide(after.evaluator(), d,
                            ConfirmedDispositions.of(disposed.getOrDefault(s.deal().id(), List.of()), s.revision()));
                } catch (DealFormatException e) {
                    problems[i] = e.getMessage();
                }
            });
            for (int i = 0; i < page.size(); i++) {
                StoredDeal s = page.get(i);
                if (problems[i] != null) {
                    unreadable.add(new ImpactReport.UnreadableDeal(s.deal().id(), problems[i]));
                    continue;
                }
                Decision d = decided[i];
                if (d == null) {
                    continue;
                }
                reevaluated[0]++;
                decisions.add(DecisionRecords.of(d, after, request.why()));
                revisions.put(s.deal().id(), s.revision());
                outcomes.merge(d.outcome().name(), 1L, Long::sum);
                if (!d.outcome().name().equals(s.outcome())) {
                    changed.add(new ImpactReport.ChangedDeal(d.dealId(), s.outcome(), d.outcome().name(),
                            reasons(d)));
                }
            }
        });
        ImpactReport report = new ImpactReport(request.change(), reevaluated[0], request.screening(), null,
                outcomes, changed, unreadable);
        String json = ImpactReportJson.text(report);
        Long eventId = request.imported() == null || request.imported().event() == null ? null
                : request.imported().event().id();
        long id = store.changeReports().recordReevaluation(decisions, revisions, request.change().kind(),
                request.listVersionId(), eventId, request.policyVersionId(), json, request.actor(),
                new ChangeReports.Reconcile() {
                    @Override
                    public void check() {
                        // decided against versions still in force: else the caller starts again from them
                        InForceGuard.ensureCurrent(store, after);
                    }

                    @Override
                    public List<NewDecision> redecide(List<StoredDeal> changed) {
                        return decideNow(store, after, parser, changed, request.why());
                    }
                });
        return new ImportOutcome(request.imported(), id, json);
    }

    /**
     * Deals changed (by another writer) since they were read, decided as they are now: inside the report's
     * transaction, so few. One that cannot be read keeps its decisions; the next change reports it.
     */
    private static List<NewDecision> decideNow(Store store, InForce after, DealParser parser, List<StoredDeal> deals,
                                               String why) {
        Map<String, List<Disposition>> disposed = store.dispositions().confirmedForDeals(
                deals.stream().map(s -> s.deal().id()).toList());
        List<NewDecision> out = new ArrayList<>();
        for (StoredDeal s : deals) {
            try {
                Deal d = parser.parse(s.deal().json());
                out.add(DecisionRecords.of(DecisionDay.decide(after.evaluator(), d,
                        ConfirmedDispositions.of(disposed.getOrDefault(s.deal().id(), List.of()), s.revision())),
                        after, why));
            } catch (DealFormatException e) {
                // left as it is
            }
        }
        return out;
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
