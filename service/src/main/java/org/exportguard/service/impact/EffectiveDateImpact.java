package org.exportguard.service.impact;

import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.HitDispositions;
import org.exportguard.service.ConfirmedDispositions;
import org.exportguard.service.InForce;
import org.exportguard.store.Disposition;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * {@code impact --on DATE}: a policy whose data changes on a day (a group version or rule beginning or ending) is a
 * change on that day. Compares the current policy as of the day before with the same policy as of the day, and
 * decides the open deals to the destinations it touches both ways, as if each were shipped on each day. Read-only:
 * a forecast, nothing is stored.
 */
public final class EffectiveDateImpact {
    private static final int CHUNK = 5_000;

    private EffectiveDateImpact() {
    }

    /** The forecast for {@code day} (its JSON: {@link ImpactReportJson}). */
    public static ImpactReport report(Store store, InForce now, LocalDate day) {
        LocalDate before = day.minusDays(1);
        PolicyDiff diff = PolicyDiff.between(now.pack(), before, day);
        PolicyDiff.Impact impact = diff.impact();
        Set<String> ids = new LinkedHashSet<>();
        if (!diff.isEmpty()) {
            if (impact.allDestinations()) {
                store.openDeals().forEachParties(p -> ids.add(p.id()));
            } else {
                ids.addAll(store.openDeals().idsByDestinations(impact.countries()));
            }
        }
        DealParser parser = new DealParser(now.pack());
        List<String> list = new ArrayList<>(ids);
        List<ImpactReport.ChangedDeal> changed = new ArrayList<>();
        SortedMap<String, Long> outcomes = new TreeMap<>();
        int reevaluated = 0;
        for (int start = 0; start < list.size(); start += CHUNK) {
            List<StoredDeal> deals = store.deals().getMany(list.subList(start, Math.min(list.size(), start + CHUNK)));
            Map<String, List<Disposition>> disposed = store.dispositions().confirmedForDeals(
                    deals.stream().map(s -> s.deal().id()).toList());
            Decision[][] decided = new Decision[deals.size()][];
            IntStream.range(0, deals.size()).parallel().forEach(i -> {
                try {
                    Deal d = parser.parse(deals.get(i).deal().json());
                    // both days with the deal's confirmed dispositions, as a stored re-decision would apply them
                    HitDispositions hd = ConfirmedDispositions.of(disposed.getOrDefault(d.id(), List.of()),
                            deals.get(i).revision());
                    decided[i] = new Decision[] {now.evaluator().evaluate(d, before, hd),
                            now.evaluator().evaluate(d, day, hd)};
                } catch (DealFormatException e) {
                    decided[i] = null; // reported by the import that made the policy current
                }
            });
            for (Decision[] pair : decided) {
                if (pair == null) {
                    continue;
                }
                reevaluated++;
                outcomes.merge(pair[1].outcome().name(), 1L, Long::sum);
                if (pair[0].outcome() != pair[1].outcome()) {
                    changed.add(new ImpactReport.ChangedDeal(pair[1].dealId(), pair[0].outcome().name(),
                            pair[1].outcome().name(), Reevaluation.reasons(pair[1])));
                }
            }
        }
        return new ImpactReport(new ImpactReport.EffectiveDateChange(day, now.pack().version(), now.policyVersionId(),
                impact, diff), reevaluated, null, new ImpactReport.Forecast(before, day), outcomes, changed, List.of());
    }
}
