package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench deals}: fresh evaluators per run, decisions counted, and a check that can fail. */
class BenchDealsTest {
    @Test
    void timesFreshEvaluatorsAndCountsWhatTheyDecided() {
        BenchRun r = BenchRun.of("bench", "deals", "--deals", "300", "--counterparties", "200", "--runs", "2");
        assertEquals(0, r.code(), r::toString);
        JsonNode o = r.json();
        assertEquals("ok", o.get("check").asText(), r::toString);
        assertEquals(2, o.get("runs").size(), r::toString);
        long decided = 0;
        for (JsonNode n : o.get("outcomes")) {
            decided += n.asLong();
        }
        assertEquals(300, decided, r::toString);
        assertTrue(o.get("listed_names_in_book").asInt() > 0, r::toString);
        assertTrue(o.get("hits").asLong() >= o.get("deals_with_hits").asLong(), r::toString);
        assertTrue(o.get("deals_with_hits").asLong() > 0, r::toString);
        assertEquals(0, o.get("warmup_disagreements").asInt(), r::toString);
    }

    @Test
    void theCheckFailsWhenRunsDisagreeOrListedNamesGiveNoHits() {
        BenchDealsCommand.Run a = new BenchDealsCommand.Run(1.0, new long[] {10, 0, 5, 5}, 7, 6);
        BenchDealsCommand.Run same = new BenchDealsCommand.Run(0.8, new long[] {10, 0, 5, 5}, 7, 6);
        BenchDealsCommand.Run other = new BenchDealsCommand.Run(0.5, new long[] {20, 0, 0, 0}, 0, 0);
        assertNull(BenchDealsCommand.problem(List.of(a, same), 0, 4));
        String p = BenchDealsCommand.problem(List.of(a, same, other), 0, 4);
        assertNotNull(p);
        assertTrue(p.contains("run 3 decided the same deals differently"), p);
        p = BenchDealsCommand.problem(List.of(a), 3, 4);
        assertNotNull(p);
        assertTrue(p.contains("3 deals decided differently by a fresh evaluator"), p);
        p = BenchDealsCommand.problem(List.of(other), 0, 4);
        assertNotNull(p);
        assertTrue(p.contains("no screening hits"), p);
        assertNull(BenchDealsCommand.problem(List.of(other), 0, 0), "no listed names in the book: no hits expected");
    }
}
