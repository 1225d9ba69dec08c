package org.exportguard.policy;

import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.lists.ListLoader;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.screen.ListCoverage;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.ScreenedList;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the evaluator takes as screened (a selector's source, and its sub-list), and the staleness of stored sources
 * by the clock, on the shipped sample lists: pure, no store.
 */
class ListCoverageTest {
    @Test
    void limitsAreParsedPerSourceWithAStarForTheRest() {
        Staleness s = Staleness.DEFAULT.with(Map.ofEntries(Staleness.parse("OFAC-SDN=3"), Staleness.parse("*=0.5")));
        assertEquals(Duration.ofDays(3), s.limitOf("OFAC-SDN"));
        assertEquals(Duration.ofHours(12), s.limitOf("UN-SC"));
        assertEquals(Duration.ofDays(2), Staleness.DEFAULT.limitOf("ANY"));
        assertEquals("0.5", Staleness.days(Duration.ofHours(12)));
        for (String bad : List.of("OFAC-SDN", "=2", "OFAC-SDN=", "OFAC-SDN=two", "OFAC-SDN=0", "OFAC-SDN=-1")) {
            assertThrows(IllegalArgumentException.class, () -> Staleness.parse(bad), bad);
        }
    }

    @Test
    void listsGivenByTheCallerCarryTheirSubListsAndNoAge() throws Exception {
        ListCoverage c = Fixtures.screener().coverage();
        ScreenedList csl = c.lists().get("US-CSL");
        assertEquals(List.of("Denied Persons List (DPL) - Bureau of Industry and Security",
                "Entity List (EL) - Bureau of Industry and Security"), csl.subLists());
        assertNull(csl.version());
        assertNull(ListCoverage.ageDays(csl, Instant.now()));
        assertTrue(!c.stale(csl, Instant.now().plus(Duration.ofDays(10_000))), "no staleness check");
        assertEquals(List.of("OFAC-SDN", "UN-SC", "US-CSL"), List.copyOf(c.lists().keySet()));
    }

    /** The samples as if stored, confirmed current at the clock's start; US-CSL held to 1 day. */
    private static DealEvaluator stored(TestClock clock) throws Exception {
        List<PartyList> lists = new ArrayList<>();
        List<ScreenedList> screened = new ArrayList<>();
        long v = 0;
        for (String f : List.of("ofac-sdn", "us-csl.csv", "un-consolidated.xml")) {
            List<PartyList> ls = ListLoader.load(Fixtures.SAMPLES.resolve(f));
            lists.addAll(ls);
            screened.add(new ScreenedList(ls.get(0).id(), ++v, "hash-" + v, null, clock.instant(), clock.instant(),
                    ScreenedList.subListsOf(ls)));
        }
        ListCoverage coverage = new ListCoverage(screened, clock,
                Staleness.DEFAULT.with("US-CSL", Duration.ofDays(1)));
        return new DealEvaluator(Fixtures.pack(), new PartyScreener(lists, ScreeningIndex.build(lists), Map.of(),
                coverage, 0.85, PartyScreener.DEFAULT_LIMIT));
    }

    @Test
    void aStoredSourceOlderThanItsLimitMakesTheRulesNeedingItReviewAndHitsStillCount() throws Exception {
        TestClock clock = new TestClock();
        DealEvaluator evaluator = stored(clock);
        Decision fresh = evaluator.evaluate(Fixtures.deal(Fixtures.usDeal("Harmless Widgets Ltd")));
        assertEquals(Outcome.CLEARED, fresh.outcome(), fresh::toJson);

        clock.advance(Duration.ofHours(25)); // US-CSL over its 1 day; OFAC-SDN and UN-SC within their 2
        Decision d = evaluator.evaluate(Fixtures.deal(Fixtures.usDeal("Harmless Widgets Ltd")));
        assertEquals(Outcome.REVIEW, d.outcome(), d::toJson);
        List<String> stale = d.findings().stream().filter(f -> f.reason().contains("may be out of date"))
                .map(Finding::rule).toList();
        assertEquals(List.of("US-EAR-ENTITY-LIST", "US-EAR-DENIED-PERSONS"), stale, d::toJson);
        assertTrue(d.toJson().contains("US-CSL (version 2) was last confirmed current at 2026-01-01T00:00:00Z, "
                + "1.04 days ago, over its limit of 1 day"), d::toJson);
        assertTrue(d.toJson().contains("\"ageDays\":1.04"), d::toJson);

        // a hit on the stale list still counts: NSO Group stays BLOCKED
        Decision nso = evaluator.evaluate(Fixtures.deal(Fixtures.usDeal("NSO Group")));
        assertEquals(Outcome.BLOCKED, nso.outcome(), nso::toJson);
    }
}
