package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.service.Desk;
import org.exportguard.store.NewDecision;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.StoredDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench impact}: re-decisions checked against a full re-evaluation, a check that fails on a wrong one. */
class ImpactBenchTest {
    @TempDir
    Path dir;

    @Test
    void reDecisionsEqualAFullReEvaluation() {
        BenchRun r = BenchRun.of("bench", "impact", "--deals", "400", "--counterparties", "150", "--batch", "200",
                "--check-sample", "60", "--data-dir", dir.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode o = r.json();
        assertEquals(0, o.get("mismatches").asInt(), r::toString);
        assertTrue(o.get("sample_redecided").asInt() > 0, r::toString);
        assertTrue(o.get("sample_untouched").asInt() > 0, r::toString);
        assertEquals(o.get("sample_checked").asInt(),
                o.get("sample_redecided").asInt() + o.get("sample_untouched").asInt(), r::toString);
        assertTrue(o.get("policy_reevaluated").asInt() > 0 && o.get("list_reevaluated").asInt() > 0, r::toString);
    }

    @Test
    void theCheckFailsOnADecisionOtherThanAFullReEvaluationGives() throws Exception {
        try (Store store = Store.open(StoreLocation.sqlite(dir.resolve("data")))) {
            Desk desk = new Desk(store);
            List<String> jsons = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Deal d : new BenchDealsCommand.DealGenerator(List.of(), 7L, 30).deals(12)) {
                jsons.add(ImpactBench.json(d));
                ids.add(d.id());
            }
            desk.addDeals(jsons, "test");
            ImpactBench.Check ok = ImpactBench.check(store, ids);
            assertEquals(12, ok.checked());
            assertEquals(12, ok.redecided(), "decided under the versions in force");
            assertEquals(0, ok.mismatches(), ok::toString);
            assertNull(ok.first());

            // deal 0: a decision under the versions in force, but another deal's findings
            StoredDecision d0 = latest(store, ids.get(0));
            StoredDecision d1 = latest(store, ids.get(1));
            ObjectNode swapped = (ObjectNode) Json.MAPPER.readTree(d1.decisionJson());
            swapped.put("dealId", ids.get(0));
            swapped.put("asOf", d0.asOf().toString());
            // deal 2: decided under other versions (left alone by a change) and not what the lists and policy
            // in force give: the change should have re-decided it
            ObjectNode stale = (ObjectNode) Json.MAPPER.readTree(latest(store, ids.get(2)).decisionJson());
            stale.withArray("regimes").removeAll();
            store.decisions().append(List.of(
                    new NewDecision(ids.get(0), d0.asOf(), d1.outcome(), Json.line(swapped), d0.listVersionIds(),
                            d0.policyVersionId(), "tampered"),
                    new NewDecision(ids.get(2), d0.asOf(), latest(store, ids.get(2)).outcome(), Json.line(stale),
                            List.of(999L), 998L, "tampered")), "test");
            ImpactBench.Check bad = ImpactBench.check(store, ids);
            assertEquals(2, bad.mismatches(), bad::toString);
            assertEquals(11, bad.redecided(), bad::toString);
            assertNotNull(bad.first());
            assertTrue(bad.first().startsWith("deal " + ids.get(0)), bad::toString);
        }
    }

    private static StoredDecision latest(Store store, String id) {
        List<StoredDecision> h = store.deals().get(id).orElseThrow().decisions();
        return h.get(h.size() - 1);
    }
}
