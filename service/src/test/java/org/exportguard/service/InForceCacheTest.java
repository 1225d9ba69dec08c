package org.exportguard.service;

import org.exportguard.policy.pack.PackLoader;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is in force is loaded once per set of versions, held by the desk, and shared by everything that screens. */
class InForceCacheTest {
    @TempDir
    Path tmp;
    Store store;
    Desk desk;

    @BeforeEach
    void open() {
        store = Store.open(StoreLocation.sqlite(tmp.resolve("data")));
        desk = new Desk(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A CSL file of made-up Entity List entries, each with an id of its own name. */
    private Path csl(String name, String... entities) {
        return CslCsv.write(tmp.resolve(name), Arrays.stream(entities)
                .map(e -> CslCsv.entity("t-" + e.toLowerCase(Locale.ROOT).replace(' ', '-'), e)).toList());
    }

    /** An OpenSanctions file (FollowTheMoney lines) of made-up people in dataset {@code dataset}: source OS-DATASET. */
    private Path ftm(String name, String dataset, String... people) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String p : people) {
            b.append("{\"id\":\"").append(p.toLowerCase(Locale.ROOT).replace(' ', '-'))
                    .append("\",\"schema\":\"Person\",\"properties\":{\"name\":[\"").append(p)
                    .append("\"]},\"datasets\":[\"").append(dataset).append("\"],\"target\":true}\n");
        }
        return java.nio.file.Files.writeString(tmp.resolve(name), b);
    }

    @Test
    void nothingIsLoadedAgainUntilANewerVersionIsStored() throws Exception {
        InForce empty = desk.current();
        assertTrue(empty.lists().isEmpty());
        assertNull(empty.policyVersionId(), "the shipped pack");
        assertSame(empty, desk.current());

        desk.importList(csl("a.csv", "Alpha Trading"), "US-CSL", null, "test");
        InForce one = desk.current();
        assertNotSame(empty, one);
        assertEquals(List.of("US-CSL"), List.copyOf(one.lists().versions().keySet()));
        assertSame(one, desk.current(), "asked again with nothing new stored: the same, not loaded again");
        assertSame(one.lists(), desk.lists());
        // one index: the evaluator screens with the screener, and so the index, of the lists in force
        assertSame(one.lists().screener(), one.evaluator().screener());
        assertSame(one.lists().index(), one.evaluator().screener().index());
    }

    @Test
    void aNewVersionOfOneSourceReadsOnlyThatSourceAgain() throws Exception {
        desk.importList(csl("a.csv", "Alpha Trading"), "US-CSL", null, "test");
        desk.importList(ftm("b.json", "b", "Beta Person"), "OS-B", null, "test");
        ListsInForce before = desk.lists();
        desk.importList(ftm("b2.json", "b", "Beta Person", "Gamma Person"), "OS-B", null, "test");
        ListsInForce after = desk.lists();
        assertNotSame(before, after);
        assertSame(before.listsBySource().get("US-CSL"), after.listsBySource().get("US-CSL"),
                "source US-CSL was not read again");
        assertEquals(3, after.versions().get("OS-B").id());
        assertEquals(List.of(3L, 1L), after.versionIds(), "in source order: OS-B, US-CSL");
        assertEquals(3, after.index().partyCount());
        assertTrue(after.screener().listVersions().get("US-CSL").startsWith("v1 sha256:"),
                after.screener().listVersions().toString());
        assertTrue(after.screener().listVersions().get("OS-B").startsWith("v3 sha256:")
                && !after.screener().listVersions().get("OS-B").contains("+"), "one version per source");
    }

    @Test
    void aPolicyVersionKeepsTheListsAndTheirScreeningResults() throws Exception {
        desk.importList(csl("a.csv", "Alpha Trading"), "US-CSL", null, "test");
        InForce before = desk.current();
        desk.importPolicy(PackLoader.writeDefault(tmp.resolve("pack")), "pack", null, "test",
                ChangeImpactTest.VALIDATOR);
        InForce after = desk.current();
        assertEquals(1L, after.policyVersionId());
        assertSame(before.lists(), after.lists(), "the same lists in force, not loaded again");
        assertSame(before.evaluator().screener(), after.evaluator().screener(), "screening results shared");
    }

    @Test
    void anotherProcessesImportIsSeenByTheNextQuestion() throws Exception {
        desk.importList(csl("a.csv", "Alpha Trading"), "US-CSL", null, "test");
        ListsInForce mine = desk.lists();
        new Desk(store).importList(csl("a2.csv", "Alpha Trading", "Delta Trading"), "US-CSL", null, "elsewhere");
        ListsInForce now = desk.lists();
        assertNotSame(mine, now);
        assertEquals(2, now.versions().get("US-CSL").id());
        assertEquals(2, now.index().partyCount());
    }
}
