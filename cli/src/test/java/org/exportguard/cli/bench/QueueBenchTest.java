package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.store.DealQueue;
import org.exportguard.store.DealQueue.Query;
import org.exportguard.store.DealQueue.Row;
import org.exportguard.store.DealQueue.Sort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench queue} on a few hundred deals: every case timed and checked, and a wrong page caught. */
class QueueBenchTest {
    @TempDir
    Path dir;

    @Test
    void timesEveryCaseChecksEveryPageAndRemovesItsScratchStore() throws Exception {
        BenchRun r = BenchRun.of("bench", "queue", "--deals", "400", "--batch", "150", "--repeat", "2", "--limit",
                "20", "--explain", "--data-dir", dir.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode o = r.json();
        assertEquals(400, o.get("deals").asInt());
        assertTrue(o.get("cases").size() >= 30, r::toString);
        for (JsonNode c : o.get("cases")) {
            assertTrue(c.get("median_ms").asDouble() > 0 && c.get("p95_ms").asDouble() >= c.get("median_ms")
                    .asDouble(), c::toString);
            assertTrue(c.get("plan").size() >= 2, "the plan: " + c);
        }
        JsonNode first = o.get("cases").get(0);
        assertEquals("first page", first.get("case").asText());
        assertEquals(20, first.get("rows").asInt(), "a full page");
        assertTrue(o.get("pages_checked").asInt() > o.get("cases").size(), "each case's page and the next");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "the scratch store is removed");
        }
    }

    @Test
    void thePageCheckCatchesRowsOutOfOrderOrNotMatchingTheFilter() {
        Query byDate = new Query("open", null, "IL", null, null, null, null, Sort.DATE, false, null, 10);
        Row a = new Row("a", "2030-01-01", "IL", List.of("Alpha Ltd"), "open", "REVIEW", "t1");
        Row b = new Row("b", "2030-01-02", "IL", List.of("Beta Ltd"), "open", "CLEARED", "t2");
        QueueBench.PageCheck ok = new QueueBench.PageCheck();
        ok.page("ok", byDate, new DealQueue.Page(List.of(a, b), null), null);
        assertNull(ok.problem);

        QueueBench.PageCheck swapped = new QueueBench.PageCheck();
        swapped.page("swapped", byDate, new DealQueue.Page(List.of(b, a), null), null);
        assertNotNull(swapped.problem);
        assertTrue(swapped.problem.contains("out of order"), swapped.problem);

        QueueBench.PageCheck overlap = new QueueBench.PageCheck(); // the next page must start after the last row
        overlap.page("overlap", byDate, new DealQueue.Page(List.of(b), null), new DealQueue.Page(List.of(a, b), null));
        assertNotNull(overlap.problem);

        QueueBench.PageCheck filter = new QueueBench.PageCheck();
        Row de = new Row("c", "2030-01-03", "DE", List.of("Gamma"), "open", "REVIEW", "t3");
        filter.page("filter", byDate, new DealQueue.Page(List.of(a, de), null), null);
        assertTrue(filter.problem != null && filter.problem.contains("destination DE"), filter.problem);

        QueueBench.PageCheck outcome = new QueueBench.PageCheck();
        outcome.page("outcome", new Query("open", Set.of("REVIEW"), null, null, null, null, null, Sort.QUEUE, false,
                null, 10), new DealQueue.Page(List.of(b), null), null);
        assertTrue(outcome.problem != null && outcome.problem.contains("outcome CLEARED"), outcome.problem);
    }
}
