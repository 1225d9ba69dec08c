package org.exportguard.store;

import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetch state of list sources, run unchanged on SQLite and PostgreSQL. */
abstract class FetchStatesContractTest {
    static final String ACTOR = "test:fetch";
    static final Instant T1 = Instant.parse("2030-01-15T06:00:00Z");
    static final Instant T2 = Instant.parse("2030-01-15T12:00:00Z");
    static final Instant T3 = Instant.parse("2030-01-15T18:00:00.123456Z");

    @TempDir
    Path tmp;

    abstract StoreLocation freshLocation();

    final TestClock clock = new TestClock(T1);

    Store open() {
        return Store.open(freshLocation(), clock);
    }

    @Test
    void aSourceNeverFetchedHasNoState() {
        try (Store s = open()) {
            assertTrue(s.fetchStates().all().isEmpty());
            assertTrue(s.fetchStates().confirmedAt("UN-SC").isEmpty());
            assertTrue(s.fetchStates().validators("UN-SC").isEmpty());
        }
    }

    @Test
    void successConfirmsFailuresCountAndKeepTheConfirmationAndTheNextSuccessResetsThem() {
        try (Store s = open()) {
            FetchStates f = s.fetchStates();
            var u = new FetchStates.UrlValidators("http://x/un.xml", "\"abc\"", "Tue, 15 Jan 2030 05:00:00 GMT",
                    "c".repeat(64), "v".repeat(64));
            FetchState ok = f.recordSuccess("UN-SC", FetchState.FETCHED, 3, "v".repeat(64), List.of(u),
                    "imported", ACTOR);
            assertEquals(T1, ok.confirmedAt());
            assertEquals(3L, ok.confirmedVersionId());
            assertEquals(0, ok.consecutiveFailures());
            assertEquals("ok", ok.status());
            assertEquals(Map.of("http://x/un.xml", u), f.validators("UN-SC"));

            clock.set(T2);
            f.recordFailure("UN-SC", "HTTP 500 from http://x/un.xml\nsecond line", ACTOR);
            clock.set(T3);
            FetchState failed = f.recordFailure("UN-SC", "timeout", ACTOR);
            assertEquals(2, failed.consecutiveFailures());
            assertEquals("failing", failed.status());
            assertEquals(T1, failed.confirmedAt(), "a failure keeps the last confirmation");
            assertEquals(T3, failed.lastFailureAt());
            assertEquals("timeout", failed.lastFailureReason());
            assertEquals(FetchState.FAILED, failed.lastOutcome());
            assertEquals(Map.of("http://x/un.xml", u), f.validators("UN-SC"), "a failure keeps the validators");

            clock.set(T3.plusSeconds(60));
            FetchState again = f.recordSuccess("UN-SC", FetchState.UNCHANGED, 3, "v".repeat(64),
                    List.of(), "not modified", ACTOR);
            assertEquals(0, again.consecutiveFailures());
            assertEquals(T3.plusSeconds(60), f.confirmedAt("UN-SC").orElseThrow());
            assertEquals(T3, again.lastFailureAt(), "the last failure stays visible after a success");
            assertTrue(f.validators("UN-SC").isEmpty(), "a success replaces the validators");
            assertEquals(List.of(again), f.all());
        }
    }

    @Test
    void aFailureBeforeAnySuccessHasNoConfirmationAndEveryRecordIsAudited() {
        try (Store s = open()) {
            FetchState st = s.fetchStates().recordFailure("BIS-DPL", "HTTP 404 from http://x/dpl.txt", ACTOR);
            assertNull(st.confirmedAt());
            assertNull(st.confirmedVersionId());
            assertEquals(1, st.consecutiveFailures());
            var json = st.toJson();
            assertEquals("failing", json.get("status").asText());
            assertTrue(json.get("lastSuccess").isNull());
            assertEquals("HTTP 404 from http://x/dpl.txt", json.get("lastFailureReason").asText());
            s.fetchStates().recordSuccess("BIS-DPL", FetchState.FETCHED, 1, "d".repeat(64), List.of(), "x", ACTOR);
            List<AuditRecord> audit = s.audit().page(0, 100);
            assertEquals(2, audit.size());
            assertTrue(audit.stream().allMatch(r -> r.action().equals("lists.fetch") && r.subject().equals("BIS-DPL")
                    && r.actor().equals(ACTOR)), audit::toString);
            assertTrue(s.audit().verify().intact(), "the chain stays intact");
        }
    }
}
