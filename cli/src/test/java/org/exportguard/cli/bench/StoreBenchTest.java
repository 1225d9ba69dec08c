package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.store.DealRecord;
import org.exportguard.store.NewDecision;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
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

/** {@code bench store}: real decisions written, medians of runs, and a read-back check that can fail. */
class StoreBenchTest {
    @TempDir
    Path dir;

    @Test
    void writesRealDecisionsAndReadsThemBack() {
        BenchRun r = BenchRun.of("bench", "store", "--deals", "300", "--batch", "100", "--runs", "2",
                "--data-dir", dir.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode o = r.json();
        assertEquals(2, o.get("runs").size(), r::toString);
        assertTrue(o.get("selected").asInt() > 0, r::toString);
        // real decisions are kilobytes of JSON (the bench used to write 70 bytes)
        assertTrue(o.get("decision_bytes_mean").asLong() > 1_000, r::toString);
        assertTrue(o.get("readback_checked").asInt() > 0, r::toString);
        assertEquals(0, o.get("readback_mismatches").asInt(), r::toString);
        assertTrue(o.get("audit_intact").asBoolean(), r::toString);
    }

    @Test
    void theReadBackFailsWhenADealHoldsAnotherDecision() throws Exception {
        List<StoreBench.DecisionTemplate> templates = StoreBench.decisionTemplates(BenchRun.context(), 12);
        assertTrue(templates.stream().mapToInt(t -> t.json("B1").length()).average().orElse(0) > 1_000);
        try (Store s = Store.open(StoreLocation.sqlite(dir.resolve("data")))) {
            List<String> ids = new ArrayList<>();
            List<DealRecord> deals = new ArrayList<>();
            List<NewDecision> decisions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "B" + i;
                ids.add(id);
                deals.add(new DealRecord(id, "{\"id\":\"" + id + "\"}", LocalDate.of(2030, 6, 1), "AA",
                        List.of("Party " + i)));
                decisions.add(templates.get(i % templates.size()).decision(id));
            }
            s.deals().add(deals, "test");
            s.decisions().append(decisions, "test");
            StoreBench.Readback ok = StoreBench.readback(s, ids, templates, 20);
            assertEquals(20, ok.checked());
            assertEquals(0, ok.mismatches());
            assertNull(ok.firstMismatch());

            // a second decision on one deal, another decision's JSON on a second
            s.decisions().append(List.of(templates.get(3).decision("B3"),
                    new NewDecision("B5", LocalDate.of(2030, 6, 1), templates.get(5).outcome(),
                            templates.get(6).json("B5"), List.of(1L), 2L, "tampered")), "test");
            StoreBench.Readback bad = StoreBench.readback(s, ids, templates, 20);
            assertEquals(2, bad.mismatches(), bad::toString);
            assertNotNull(bad.firstMismatch());
            assertTrue(bad.firstMismatch().contains("deal B3 has 2 decisions"), bad::toString);
        }
    }
}
