package org.exportguard.store;

import org.exportguard.core.hash.Sha256;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListHash;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's behaviour, run unchanged on SQLite ({@link SqliteStoreTest}) and PostgreSQL ({@link PostgresStoreTest}). */
abstract class StoreContractTest {
    static final String ACTOR = "test:contract";

    @TempDir
    Path tmp;

    /** A new, empty store location for one test. */
    abstract StoreLocation freshLocation();

    Store store() {
        return Store.open(freshLocation());
    }

    static DealRecord deal(String id, String destination, String... parties) {
        return new DealRecord(id, "{\"id\":\"" + id + "\",\"destination\":\"" + destination + "\"}",
                LocalDate.of(2030, 1, 15), destination, List.of(parties));
    }

    static NewDecision decision(String dealId, String outcome, String reason) {
        return new NewDecision(dealId, LocalDate.of(2030, 1, 15), outcome, "{\"outcome\":\"" + outcome + "\"}",
                List.of(1L, 2L), 3L, reason);
    }

    /**
     * The workbench's deal queue: REVIEW first, then BLOCKED, LICENCE_REQUIRED, CLEARED, each by export date then
     * id; paging by cursor visits every deal once in that order; filters by outcome, destination, party word and
     * date; closed deals only when asked.
     */
    @Test
    void theDealQueueListsReviewFirstAndPagesByCursor() {
        Store s = store();
        String[][] rows = { // id, outcome, date, destination, party
                {"q-1", "CLEARED", "2030-01-01", "DE", "Alpha Systems GmbH"},
                {"q-2", "REVIEW", "2030-03-01", "IL", "NSO Group Technologies"},
                {"q-3", "BLOCKED", "2030-02-01", "RU", "Beta Trading"},
                {"q-4", "REVIEW", "2030-01-15", "IL", "Gamma Cyber Ltd"},
                {"q-5", "LICENCE_REQUIRED", "2030-01-20", "CN", "Delta Networks"},
                {"q-6", "REVIEW", "2030-01-15", "FR", "Epsilon SA"},
                {"q-7", "CLEARED", "2029-12-01", "IL", "Zeta Group"}};
        List<DealRecord> deals = new java.util.ArrayList<>();
        List<NewDecision> decisions = new java.util.ArrayList<>();
        for (String[] r : rows) {
            deals.add(new DealRecord(r[0], "{\"id\":\"" + r[0] + "\"}", LocalDate.parse(r[2]), r[3], List.of(r[4])));
            decisions.add(new NewDecision(r[0], LocalDate.parse(r[2]), r[1], "{\"outcome\":\"" + r[1] + "\"}",
                    List.of(), null, "deal added"));
        }
        s.deals().add(deals, decisions, ACTOR);
        s.deals().close("q-7", ACTOR);

        List<String> all = new java.util.ArrayList<>();
        DealQueue.Cursor after = null;
        int pages = 0;
        do {
            DealQueue.Page p = s.dealQueue().page(new DealQueue.Query("open", null, null, null, null, null, after, 2));
            p.rows().forEach(r -> all.add(r.id()));
            after = p.next();
            pages++;
        } while (after != null);
        assertEquals(List.of("q-4", "q-6", "q-2", "q-3", "q-5", "q-1"), all);
        assertEquals(3, pages, "six deals, two a page, and no empty last page");

        assertEquals(List.of("q-4", "q-2"), ids(s, new DealQueue.Query("open", java.util.Set.of("REVIEW"), "IL", null,
                null, null, null, 50)));
        assertEquals(List.of("q-2"), ids(s, new DealQueue.Query("open", null, null, PartyWords.of("nso group"),
                null, null, null, 50)));
        assertEquals(List.of("q-4", "q-6", "q-5"), ids(s, new DealQueue.Query("open", null, null, null,
                "2030-01-10", "2030-01-31", null, 50)));
        assertEquals(List.of("q-3", "q-1"), ids(s, new DealQueue.Query("open", java.util.Set.of("CLEARED", "BLOCKED"),
                null, null, null, null, null, 50)));
        assertEquals(List.of("q-7"), ids(s, new DealQueue.Query("closed", null, null, null, null, null, null, 50)));
        DealQueue.Cursor c = new DealQueue.Cursor(0, "2030-01-15", "q-4");
        assertEquals(c, DealQueue.Cursor.decode(c.encode()));
        assertEquals(List.of("q-6", "q-2", "q-3"), ids(s, new DealQueue.Query("open", null, null, null, null, null, c,
                3)));
    }

    /**
     * Every sort order, both directions, each filter and a combination, read in pages of 7: the pages together are
     * exactly the matching deals in the order computed here, with no duplicate or gap, whether the page is read by
     * walking the sort's index (drive limit 0) or from a filter's matches (the default for so few deals).
     */
    @Test
    void theDealQueueSortsFiltersAndPagesEveryOrderBothWays() {
        Store s = store();
        String[] outcomes = {"REVIEW", "BLOCKED", "LICENCE_REQUIRED", "CLEARED", "REVIEW", null};
        String[] destinations = {"IL", "DE", "RU", "CN", "FR"};
        String[] names = {"Alpha Systems GmbH", "Beta Trading", "NSO Group Technologies", "Gamma Cyber Ltd",
                "delta networks", "Zeta Group"};
        String[][] regimes = {{"US-EAR", "UN"}, {"IL-DECA"}, {"EU-2021-821", "UN"}};
        List<DealRecord> deals = new ArrayList<>();
        List<NewDecision> decisions = new ArrayList<>();
        Map<String, String> outcomeOf = new TreeMap<>();
        Map<String, List<String>> regimesOf = new TreeMap<>();
        for (int i = 0; i < 61; i++) {
            String id = String.format("d-%02d", (i * 37) % 61); // ids not in insertion order
            LocalDate date = i % 9 == 4 ? null : LocalDate.of(2030, 1, 1).plusDays((i * 7L) % 40);
            List<String> parties = i % 4 == 0 ? List.of(names[i % names.length], names[(i + 2) % names.length])
                    : List.of(names[i % names.length]);
            deals.add(new DealRecord(id, "{\"id\":\"" + id + "\"}", date, destinations[i % destinations.length],
                    parties));
            String outcome = outcomes[i % outcomes.length];
            outcomeOf.put(id, outcome);
            regimesOf.put(id, outcome == null ? List.of() : List.of(regimes[i % regimes.length]));
            if (outcome != null) {
                StringBuilder json = new StringBuilder("{\"outcome\":\"" + outcome + "\",\"regimes\":[");
                for (String r : regimes[i % regimes.length]) {
                    json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"regime\":\"").append(r)
                            .append("\",\"findings\":[]}");
                }
                decisions.add(new NewDecision(id, date == null ? LocalDate.of(2030, 1, 1) : date, outcome,
                        json + "]}", List.of(), null, "deal added"));
            }
        }
        s.deals().add(deals, decisions, ACTOR);
        s.deals().close("d-05", ACTOR);
        List<DealQueue.Row> all = new ArrayList<>();
        for (String st : List.of("open", "closed")) {
            all.addAll(s.dealQueue().page(new DealQueue.Query(st, null, null, null, null, null, null, 200)).rows());
        }
        assertEquals(61, all.size());

        record Filter(String name, Set<String> outcomes, String destination, String party, String regime,
                      String from, String to) {
        }
        List<Filter> filters = List.of(
                new Filter("none", null, null, null, null, null, null),
                new Filter("outcome", Set.of("REVIEW", "CLEARED"), null, null, null, null, null),
                new Filter("one outcome", Set.of("BLOCKED"), null, null, null, null, null),
                new Filter("outcome and destination", Set.of("REVIEW", "LICENCE_REQUIRED"), "IL", null, null,
                        null, null),
                new Filter("destination", null, "IL", null, null, null, null),
                new Filter("party", null, null, "nso group", null, null, null),
                new Filter("regime", null, null, null, "UN", null, null),
                new Filter("dates", null, null, null, null, "2030-01-10", "2030-01-30"),
                new Filter("combined", null, "DE", "gamma", "UN", "2030-01-05", null));
        for (int driveLimit : new int[] {0, DealQueue.DRIVE_LIMIT}) {
            s.dealQueue().driveLimit = driveLimit;
            for (DealQueue.Sort sort : DealQueue.Sort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    for (Filter f : filters) {
                        Set<String> words = f.party() == null ? null : PartyWords.of(f.party());
                        List<String> expected = all.stream()
                                .filter(r -> r.status().equals("open"))
                                .filter(r -> f.outcomes() == null || r.outcome() != null && f.outcomes().contains(r.outcome()))
                                .filter(r -> f.destination() == null || f.destination().equals(r.destination()))
                                .filter(r -> words == null
                                        || PartyWords.of(String.join(" ", r.partyNames())).containsAll(words))
                                .filter(r -> f.regime() == null || regimesOf.get(r.id()).contains(f.regime()))
                                .filter(r -> f.from() == null || date(r).compareTo(f.from()) >= 0)
                                .filter(r -> f.to() == null || date(r).compareTo(f.to()) <= 0)
                                .sorted(order(sort, desc)).map(DealQueue.Row::id).toList();
                        List<String> paged = new ArrayList<>();
                        DealQueue.Cursor after = null;
                        do {
                            DealQueue.Page p = s.dealQueue().page(new DealQueue.Query("open", f.outcomes(),
                                    f.destination(), words, f.regime(), f.from(), f.to(), sort, desc, after, 7));
                            p.rows().forEach(r -> paged.add(r.id()));
                            after = p.next() == null ? null : DealQueue.Cursor.decode(p.next().encode());
                        } while (after != null);
                        String what = sort.id() + (desc ? " desc" : "") + ", filter " + f.name() + ", drive limit "
                                + driveLimit;
                        assertFalse(expected.isEmpty(), what + " matches no deal: the test checks nothing");
                        assertEquals(expected, paged, what);
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> s.dealQueue().page(new DealQueue.Query("open", null, null,
                null, null, null, null, DealQueue.Sort.DATE, false, new DealQueue.Cursor(0, "2030-01-01", "d-01"), 5)));
    }

    /**
     * A store from before migration 9 (no regimes column, no sort indexes) is upgraded with each deal's regimes read
     * from its latest decision, so the regime filter finds the deals decided before the upgrade too.
     */
    @Test
    void theUpgradeFillsTheRegimesOfDealsDecidedBefore() throws Exception {
        StoreLocation loc = freshLocation();
        try (Store s = Store.open(loc)) {
            s.deals().add(List.of(deal("u-1", "IL", "Alpha Ltd"), deal("u-2", "DE", "Beta GmbH"),
                    deal("u-3", "FR", "Gamma SA")), List.of(
                    new NewDecision("u-1", LocalDate.of(2030, 1, 15), "REVIEW",
                            "{\"regimes\":[{\"regime\":\"US-EAR\"},{\"regime\":\"UN\"}]}", List.of(), null, "added"),
                    new NewDecision("u-2", LocalDate.of(2030, 1, 15), "CLEARED",
                            "{\"regimes\":[{\"regime\":\"UN\"}]}", List.of(), null, "added"),
                    // u-2's latest decision counts, not its first
                    new NewDecision("u-2", LocalDate.of(2030, 1, 16), "CLEARED",
                            "{\"regimes\":[{\"regime\":\"EU-2021-821\"}]}", List.of(), null, "re-decided")), ACTOR);
        }
        Database db = Database.open(loc);
        try {
            db.write(c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    for (String idx : List.of("deals_by_date", "deals_by_destination", "deals_by_party",
                            "deals_by_updated", "deals_outcome_by_destination", "deals_outcome_by_party",
                            "deals_outcome_by_updated")) {
                        st.execute("DROP INDEX " + idx);
                    }
                    st.execute("ALTER TABLE deals DROP COLUMN regimes");
                    st.execute("DELETE FROM schema_version WHERE version = 9");
                }
                return null;
            });
        } finally {
            db.close();
        }
        try (Store s = Store.open(loc)) {
            assertEquals(List.of("u-1"), ids(s, regimeQuery("US-EAR")));
            assertEquals(List.of("u-1"), ids(s, regimeQuery("UN")));
            assertEquals(List.of("u-2"), ids(s, regimeQuery("EU-2021-821")));
            assertEquals(List.of(), ids(s, regimeQuery("IL-DECA")), "u-3 has no decision, so no regime");
        }
    }

    private static DealQueue.Query regimeQuery(String regime) {
        return new DealQueue.Query("open", null, null, null, regime, null, null, DealQueue.Sort.QUEUE, false, null,
                50);
    }

    /**
     * Deals re-decided, added and closed between page loads: keyset paging lists every deal that did not move
     * exactly once, in order, and a deal that moved at most once more (never a gap for a deal that stayed put).
     */
    @Test
    void theDealQueueSkipsAndRepeatsNothingThatStaysPutWhileDealsChangeBetweenPages() {
        Store s = store();
        List<DealRecord> deals = new ArrayList<>();
        List<NewDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = String.format("c-%02d", i);
            deals.add(new DealRecord(id, "{\"id\":\"" + id + "\"}", LocalDate.of(2030, 1, 1).plusDays(i % 13),
                    "IL", List.of("Party " + i)));
            decisions.add(decision(id, DealQueue.ORDER.get(i % 4), "deal added"));
        }
        s.deals().add(deals, decisions, ACTOR);
        Set<String> changed = new java.util.HashSet<>();
        List<String> seen = new ArrayList<>();
        DealQueue.Cursor after = null;
        int page = 0;
        do {
            DealQueue.Page p = s.dealQueue().page(new DealQueue.Query("open", null, null, null, null, null, after, 6));
            p.rows().forEach(r -> seen.add(r.id()));
            after = p.next();
            page++;
            // between loads: one deal seen is re-decided (it may come again later), one not yet seen is closed
            // (it must not come), one is added (it may come or not, depending on where it sorts)
            String moved = seen.get(seen.size() / 2);
            s.decisions().append(List.of(decision(moved, "CLEARED", "re-decided")), ACTOR);
            changed.add(moved);
            String closed = String.format("c-%02d", 39 - page);
            if (!seen.contains(closed)) {
                s.deals().close(closed, ACTOR);
                changed.add(closed);
            }
            String added = "n-" + page;
            s.deals().add(List.of(new DealRecord(added, "{}", LocalDate.of(2030, 1, 5), "IL", List.of("New"))),
                    List.of(decision(added, "REVIEW", "deal added")), ACTOR);
            changed.add(added);
        } while (after != null);
        for (int i = 0; i < 40; i++) {
            String id = String.format("c-%02d", i);
            long times = seen.stream().filter(id::equals).count();
            if (!changed.contains(id)) {
                assertEquals(1, times, id + " stayed put and must be listed exactly once: " + seen);
            } else {
                assertTrue(times <= 2, id + " listed " + times + " times");
            }
        }
    }

    private static String date(DealQueue.Row r) {
        return r.exportDate() == null ? "" : r.exportDate();
    }

    /** The order each sort means, written independently of the store's SQL. */
    private static java.util.Comparator<DealQueue.Row> order(DealQueue.Sort sort, boolean desc) {
        java.util.Comparator<DealQueue.Row> c = switch (sort) {
            case QUEUE -> java.util.Comparator.<DealQueue.Row>comparingInt(r -> r.outcome() != null && DealQueue.ORDER.contains(r.outcome())
                    ? DealQueue.ORDER.indexOf(r.outcome()) : 4).thenComparing(StoreContractTest::date);
            case DATE -> java.util.Comparator.comparing(StoreContractTest::date);
            case DESTINATION -> java.util.Comparator.comparing(DealQueue.Row::destination);
            case PARTY -> java.util.Comparator.comparing(r -> String.join("\n", r.partyNames()));
            case UPDATED -> java.util.Comparator.comparing(DealQueue.Row::updatedAt);
        };
        c = c.thenComparing(DealQueue.Row::id);
        return desc ? c.reversed() : c;
    }

    private static List<String> ids(Store s, DealQueue.Query q) {
        return s.dealQueue().page(q).rows().stream().map(DealQueue.Row::id).toList();
    }

    @Test
    void migrationsRunOnceAndReopeningChangesNothing() {
        StoreLocation loc = freshLocation();
        Store.open(loc);
        Store again = Store.open(loc);
        assertEquals(0, Migrations.migrate(again.database()));
        int version = again.database().read(Migrations::currentVersion);
        assertEquals(Migrations.load().size(), version);
    }

    @Test
    void listImportStoresAVersionAndTheSameContentAgainIsANoOp() throws Exception {
        Store s = store();
        Path file = TestLists.csl(tmp.resolve("el.csv"), "Acme", 3);
        ImportResult first = s.lists().importPath(file, null, LocalDate.of(2021, 11, 4), ACTOR);
        assertFalse(first.alreadyStored());
        assertEquals(1, first.version().id());
        assertEquals("US-CSL", first.version().source());
        assertEquals(LocalDate.of(2021, 11, 4), first.version().effectiveDate());
        assertEquals(Sha256.hex(Files.readAllBytes(file)), first.version().sha256());
        assertEquals(ListHash.of(file), first.version().sha256());

        Path copy = Files.copy(file, tmp.resolve("copy.csv"));
        ImportResult again = s.lists().importPath(copy, "US-CSL", null, ACTOR);
        assertTrue(again.alreadyStored());
        assertEquals(1, again.version().id());
        assertEquals(1, s.lists().versions().history().size());

        ImportResult second = s.lists().importPath(TestLists.csl(tmp.resolve("el2.csv"), "Acme", 4), "US-CSL", null,
                ACTOR);
        assertEquals(2, second.version().id());
        assertEquals(List.of(1L, 2L), s.lists().versions().history().stream().map(VersionInfo::id).toList());

        List<PartyList> back = s.lists().load(1);
        assertEquals(1, back.size());
        assertEquals(3, back.get(0).parties().size());
        assertEquals("Acme Trading Company 2", back.get(0).parties().get(1).primaryName());
        assertEquals(4, s.audit().verify().records(),
                "two imports, each a version and the event putting it in force; the no-op none");
    }

    @Test
    void theNewestVersionOfEachSourceAndTheNewestIdAreOneQueryEach() throws Exception {
        Store s = store();
        assertEquals(0, s.lists().versions().newestId());
        assertTrue(s.lists().versions().newestBySource().isEmpty());
        s.lists().importPath(TestLists.csl(tmp.resolve("a1.csv"), "Acme", 1), "US-CSL", null, ACTOR);
        s.lists().importPath(TestLists.ftm(tmp.resolve("b1.json"), "b", "Acme", 2), "OS-B", null, ACTOR);
        s.lists().importPath(TestLists.csl(tmp.resolve("a2.csv"), "Acme", 3), "US-CSL", null, ACTOR);
        s.lists().importPath(TestLists.ftm(tmp.resolve("b1-again.json"), "b", "Acme", 2), "OS-B", null, ACTOR); // no-op
        assertEquals(3, s.lists().versions().newestId());
        Map<String, VersionInfo> newest = s.lists().versions().newestBySource();
        assertEquals(List.of("OS-B", "US-CSL"), List.copyOf(newest.keySet()));
        assertEquals(3, newest.get("US-CSL").id());
        assertEquals(2, newest.get("OS-B").id());
        assertEquals(newest, s.lists().inForce(), "imported without dates: the newest of each source is in force");
        assertEquals(3, s.lists().newestEventId());
        Map<String, VersionInfo> fromHistory = new TreeMap<>();
        s.lists().versions().history().forEach(v -> fromHistory.put(v.source(), v)); // oldest first
        assertEquals(fromHistory, newest);
    }

    @Test
    void aFolderAndAnOfacFileImportWithTheirFilesAndLoadBack() throws Exception {
        Store s = store();
        Path folder = Files.createDirectories(tmp.resolve("lists"));
        TestLists.csl(folder.resolve("a.csv"), "Alpha", 2);
        TestLists.csl(folder.resolve("sub/b.csv"), "Beta", 5);
        ImportResult r = s.lists().importPath(folder, "US-CSL", null, ACTOR); // two CSL files: one version of US-CSL
        assertEquals(2, r.version().fileCount());
        assertEquals(ListHash.of(folder), r.version().sha256(), "a folder version's id is its ListHash");
        assertEquals(r.version().sha256(), s.lists().versions().content(r.version().id()).sha256());
        List<PartyList> back = s.lists().load(r.version().id());
        assertEquals(7, back.stream().mapToInt(l -> l.parties().size()).sum());
        assertThrows(NotFoundException.class, () -> s.lists().load(99));
    }

    @Test
    void anOpenSanctionsFileOfTwoDatasetsIsOneVersionOfEachAndEachLoadsItsOwnList() throws Exception {
        Store s = store();
        Path file = tmp.resolve("entities.ftm.json");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(TestLists.ftm(tmp.resolve("a.json"), "a",
                "Alpha", 2)) + java.nio.file.Files.readString(TestLists.ftm(tmp.resolve("b.json"), "b", "Beta", 3)));
        List<ImportResult> r = s.lists().importSources(file, null, null, ACTOR, ListVersions.Rules.DEFAULT);
        assertEquals(List.of("OS-A", "OS-B"), r.stream().map(x -> x.version().source()).toList());
        assertEquals(Sha256.hex(Files.readAllBytes(file)), r.get(0).version().sha256(), "each holds the file");
        assertEquals(r.get(0).version().sha256(), r.get(1).version().sha256());
        List<PartyList> b = s.lists().load(r.get(1).version().id());
        assertEquals(List.of("OS-B"), b.stream().map(PartyList::id).toList(), "only its own dataset's list");
        assertEquals(3, b.get(0).parties().size());
        assertEquals(2, s.lists().inForce().size());
        List<ImportResult> again = s.lists().importSources(file, "OS-A", null, ACTOR, ListVersions.Rules.DEFAULT);
        assertTrue(again.stream().allMatch(ImportResult::alreadyStored), "the versions in force: a no-op");
    }

    @Test
    void aBadListIsRefusedAndNothingIsStored() throws Exception {
        Store s = store();
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "this is not a list\n");
        assertThrows(ListFormatException.class, () -> s.lists().importPath(bad, null, null, ACTOR));
        assertTrue(s.lists().versions().history().isEmpty());
        assertEquals(0, s.audit().verify().records());
    }

    @Test
    void policyImportStoresTheYamlFilesAndTheValidatorCanRefuse() throws Exception {
        Store s = store();
        Path dir = Files.createDirectories(tmp.resolve("pack"));
        Files.writeString(dir.resolve("policy.yaml"), "name: base\n");
        Files.writeString(dir.resolve("groups.yml"), "groups: {}\n");
        Files.writeString(dir.resolve("notes.txt"), "not stored\n");
        ImportResult r = s.policies().importDir(dir, null, LocalDate.of(2026, 3, 1), ACTOR, PolicyValidator.NONE);
        assertEquals(2, r.version().fileCount());
        assertEquals("pack", r.version().source());
        assertTrue(s.policies().importDir(dir, null, null, ACTOR, PolicyValidator.NONE).alreadyStored());
        Path out = Files.createDirectories(tmp.resolve("out"));
        s.policies().extract(r.version().id(), out);
        assertEquals("name: base\n", Files.readString(out.resolve("policy.yaml")));

        Files.writeString(dir.resolve("policy.yaml"), "name: changed\n");
        PolicyValidator.InvalidPolicyException e = assertThrows(PolicyValidator.InvalidPolicyException.class,
                () -> s.policies().importDir(dir, null, null, ACTOR, d -> {
                    throw new PolicyValidator.InvalidPolicyException("policy.yaml: field 'x': bad");
                }));
        assertEquals("policy.yaml: field 'x': bad", e.getMessage());
        assertEquals(1, s.policies().versions().history().size());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThrows(PolicyValidator.InvalidPolicyException.class,
                () -> s.policies().importDir(empty, null, null, ACTOR, PolicyValidator.NONE));
    }

    @Test
    void dealsAreAddedUpdatedClosedAndKeepTheirDecisionHistory() {
        Store s = store();
        s.deals().add(List.of(deal("D1", "IL", "NSO Group", "Acme Inc."), deal("D2", "DE", "Müller GmbH")), ACTOR);
        StoredDeal d1 = s.deals().get("D1").orElseThrow();
        assertTrue(d1.open());
        assertEquals(List.of("NSO Group", "Acme Inc."), d1.deal().partyNames());
        assertNull(d1.outcome());

        s.decisions().append(List.of(decision("D1", "ALLOWED", "deal added")), ACTOR);
        s.decisions().append(List.of(decision("D1", "BLOCKED", "list version 2"),
                decision("D2", "ALLOWED", "deal added")), ACTOR);
        StoredDeal again = s.deals().get("D1").orElseThrow();
        assertEquals("BLOCKED", again.outcome());
        assertEquals(List.of(1, 2), again.decisions().stream().map(StoredDecision::seq).toList());
        assertEquals(List.of("deal added", "list version 2"),
                again.decisions().stream().map(StoredDecision::reason).toList());
        assertEquals(List.of(1L, 2L), again.decisions().get(0).listVersionIds());
        assertEquals(3L, again.decisions().get(0).policyVersionId());

        s.deals().update(deal("D1", "FR", "NSO Group"), ACTOR);
        assertEquals("FR", s.deals().get("D1").orElseThrow().deal().destination());
        assertEquals(Set.of(), s.openDeals().idsByPartyWords(Set.of("acme")), "the old party's words are gone");
        assertEquals(Set.of("D1"), s.openDeals().idsByPartyWords(Set.of("nso")));
        assertEquals(2, s.deals().get("D1").orElseThrow().decisions().size());
        s.deals().close("D1", ACTOR);
        assertFalse(s.deals().get("D1").orElseThrow().open());
        assertThrows(StoreException.class, () -> s.deals().close("D1", ACTOR));
        assertThrows(StoreException.class, () -> s.deals().update(deal("D1", "FR"), ACTOR));
        assertThrows(NotFoundException.class, () -> s.deals().close("nope", ACTOR));
        assertEquals(Optional.empty(), s.deals().get("nope"));
        assertTrue(s.audit().verify().intact());
    }

    @Test
    void aBatchWithAnExistingDealOrAnUnknownDealIsRefusedWhole() {
        Store s = store();
        s.deals().add(List.of(deal("D1", "IL", "A Co")), ACTOR);
        StoreException e = assertThrows(StoreException.class,
                () -> s.deals().add(List.of(deal("D2", "IL", "B Co"), deal("D1", "IL", "C Co")), ACTOR));
        assertTrue(e.getMessage().contains("deal D1 already exists"), e.getMessage());
        assertTrue(s.deals().get("D2").isEmpty(), "nothing of a refused batch is stored");
        assertThrows(NotFoundException.class, () -> s.decisions().append(
                List.of(decision("D1", "ALLOWED", "x"), decision("D9", "ALLOWED", "x")), ACTOR));
        assertEquals(0, s.deals().get("D1").orElseThrow().decisions().size());
        assertEquals(1, s.audit().verify().records());
    }

    @Test
    void impactQueriesFindOpenDealsByDestinationPartyWordsAndOutcomeAndStreamThem() {
        Store s = store();
        List<DealRecord> deals = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            deals.add(deal(String.format("D%05d", i), i % 3 == 0 ? "RU" : i % 3 == 1 ? "IL" : "DE",
                    "Company " + i, "Carrier Ltd", "Bank " + (i % 10)));
        }
        deals.add(deal("NSO", "IL", "NSO Group Technologies"));
        deals.add(deal("SAITO", "JP", "Saito Tech Ltd."));
        s.deals().add(deals, ACTOR);
        s.deals().close("D00000", ACTOR);

        assertEquals(399, s.openDeals().idsByDestinations(Set.of("RU")).size());
        assertEquals(399 + 401, s.openDeals().idsByDestinations(Set.of("RU", "IL", "XX")).size());
        assertEquals(Set.of("NSO"), s.openDeals().idsByPartyWords(Set.of("nso")));
        assertEquals(Set.of("NSO", "SAITO"), s.openDeals().idsByPartyWords(Set.of("NSO Group", "SAITŌ")));
        assertEquals(Set.of("D00007"), s.openDeals().idsByPartyWords(Set.of("company 7")).stream()
                .filter(id -> id.equals("D00007")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(s.openDeals().idsByPartyWords(Set.of("Company 0")).stream().noneMatch("D00000"::equals),
                "closed deals are not returned");

        List<String> seen = new ArrayList<>();
        long n = s.openDeals().forEachPage(500, p -> p.forEach(d -> seen.add(d.deal().id())));
        assertEquals(1201, n);
        assertEquals(seen.stream().sorted().toList(), seen);
        assertEquals(1201, s.openDeals().count());
        assertEquals(2, s.deals().getMany(List.of("NSO", "SAITO", "none")).size());

        Map<String, List<String>> parties = new java.util.HashMap<>();
        assertEquals(1201, s.openDeals().forEachParties(p -> parties.put(p.id(), p.names())));
        assertEquals(List.of("Company 5", "Carrier Ltd", "Bank 5"), parties.get("D00005"));
        assertFalse(parties.containsKey("D00000"), "closed deals are not streamed");
        List<Integer> pages = new ArrayList<>();
        assertEquals(401, s.openDeals().forEachTo(Set.of("IL"), 150, p -> pages.add(p.size())));
        assertEquals(List.of(150, 150, 101), pages);
        assertEquals(0, s.openDeals().forEachTo(Set.of(), 150, p -> pages.add(p.size())));
        assertEquals(1201, s.openDeals().forEachTo(null, 1000, p -> { }));
        s.decisions().append(List.of(decision("NSO", "REVIEW", "x"), decision("SAITO", "BLOCKED", "x")), ACTOR);
        assertEquals(Set.of("NSO"), s.openDeals().idsByOutcome(Set.of("REVIEW")));
        assertEquals(Set.of("NSO", "SAITO"), s.openDeals().idsByOutcome(Set.of("REVIEW", "BLOCKED")));
    }

    @Test
    void aReevaluationStoresItsDecisionsAndItsReportTogether() {
        Store s = store();
        s.deals().add(List.of(deal("D1", "RU", "A"), deal("D2", "RU", "B")), ACTOR);
        assertTrue(s.changeReports().latestChangeReport().isEmpty());
        long id = s.changeReports().recordReevaluation(List.of(decision("D1", "BLOCKED", "policy version 2"),
                decision("D2", "BLOCKED", "policy version 2")), "policy", null, 2L, "{\"reevaluated\":2}", ACTOR);
        ChangeReport r = s.changeReports().latestChangeReport().orElseThrow();
        assertEquals(id, r.id());
        assertEquals("{\"reevaluated\":2}", r.reportJson());
        assertEquals(2L, r.policyVersionId());
        assertNull(r.listVersionId());
        assertEquals("BLOCKED", s.deals().get("D2").orElseThrow().outcome());

        assertThrows(NotFoundException.class, () -> s.changeReports().recordReevaluation(
                List.of(decision("D9", "BLOCKED", "x")), "list", 3L, null, "{}", ACTOR));
        assertEquals(id, s.changeReports().latestChangeReport().orElseThrow().id(), "the failed one left no report");
    }

    @Test
    void aDispositionIsProposedThenConfirmedByAnotherUserWithTheDealsNewDecisionInOneTransaction() {
        Store s = store();
        s.deals().add(List.of(deal("D1", "IL", "NSO Group")), List.of(decision("D1", "REVIEW", "deal added")), ACTOR);
        Disposition p = s.dispositions().propose("D1", "NSO Group", "US-CSL", "el-1", false, "a different company",
                "ann");
        assertEquals(1, p.id());
        assertFalse(p.confirmed());
        assertEquals("FALSE_POSITIVE", p.verdict());
        assertThrows(ConflictException.class, () -> s.dispositions().propose("D1", "NSO Group", "US-CSL", "el-1",
                true, "same", "carl"), "one pending proposal per hit");
        assertThrows(StoreException.class, () -> s.dispositions().propose("D1", "NSO Group", "US-CSL", "el-2", true,
                " ", "ann"), "a reason is required");
        assertEquals(Map.of(), s.dispositions().confirmedForDeals(List.of("D1")), "a proposal alone counts for nothing");

        List<List<Disposition>> seen = new ArrayList<>();
        Disposition c = s.dispositions().confirm("D1", p.id(), "bob", confirmed -> {
            seen.add(confirmed);
            return decision("D1", "CLEARED", "disposition 1 confirmed by bob");
        });
        assertTrue(c.confirmed());
        assertEquals("bob", c.confirmedBy());
        assertEquals(List.of(List.of(c)), seen, "the re-decision sees every confirmed disposition, this one too");
        StoredDeal d = s.deals().get("D1").orElseThrow();
        assertEquals("CLEARED", d.outcome());
        assertEquals(2, d.decisions().size());
        assertEquals("disposition 1 confirmed by bob", d.decisions().get(1).reason());
        assertEquals(Optional.of(c), s.dispositions().get(p.id()));
        assertEquals(List.of(c), s.dispositions().forDeal("D1"));
        assertEquals(Map.of("D1", List.of(c)), s.dispositions().confirmedForDeals(List.of("D1", "D2")));

        StringWriter out = new StringWriter();
        s.audit().export(out);
        List<String> actions = out.toString().lines()
                .map(l -> l.replaceAll(".*\"action\":\"([^\"]+)\".*", "$1")).toList();
        assertEquals(List.of("deals.add", "decisions.append", "dispositions.propose", "dispositions.confirm",
                "decisions.append"), actions);
        assertTrue(s.audit().verify().intact());
    }

    @Test
    void theProposerCannotConfirmAndAConfirmationHappensOnce() {
        Store s = store();
        s.deals().add(List.of(deal("D1", "IL", "NSO Group")), List.of(decision("D1", "REVIEW", "deal added")), ACTOR);
        Disposition p = s.dispositions().propose("D1", "NSO Group", "US-CSL", "el-1", true, "same address", "ann");
        long records = s.audit().verify().records();
        FourEyesException e = assertThrows(FourEyesException.class, () -> s.dispositions().confirm("D1", p.id(),
                "ann", x -> decision("D1", "BLOCKED", "x")));
        assertEquals("four-eyes: ann proposed disposition 1 and may not confirm it; another approver must",
                e.getMessage());
        assertFalse(s.dispositions().get(p.id()).orElseThrow().confirmed(), "nothing changed");
        assertEquals("REVIEW", s.deals().get("D1").orElseThrow().outcome());
        assertEquals(records, s.audit().verify().records());

        s.dispositions().confirm("D1", p.id(), "bob", x -> null);
        assertEquals(1, s.deals().get("D1").orElseThrow().decisions().size(), "null: no new decision");
        assertThrows(ConflictException.class, () -> s.dispositions().confirm("D1", p.id(), "carl", x -> null));
        assertThrows(NotFoundException.class, () -> s.dispositions().confirm("D1", 99, "carl", x -> null));
        assertThrows(NotFoundException.class, () -> s.dispositions().confirm("D2", p.id(), "carl", x -> null),
                "the id must be of that deal");
        assertThrows(NotFoundException.class, () -> s.dispositions().propose("D9", "X", "UN", "1", true, "r", "ann"));
        assertTrue(s.dispositions().get(99).isEmpty());
        assertTrue(s.audit().verify().intact());
    }

    @Test
    void aFailingReDecisionUndoesTheConfirmationAndAClosedDealTakesNoDisposition() {
        Store s = store();
        s.deals().add(List.of(deal("D1", "IL", "NSO Group")), List.of(decision("D1", "REVIEW", "deal added")), ACTOR);
        Disposition p = s.dispositions().propose("D1", "NSO Group", "US-CSL", "el-1", false, "other firm", "ann");
        assertThrows(IllegalStateException.class, () -> s.dispositions().confirm("D1", p.id(), "bob", x -> {
            throw new IllegalStateException("cannot decide");
        }));
        assertFalse(s.dispositions().get(p.id()).orElseThrow().confirmed(), "all or nothing");
        s.deals().close("D1", ACTOR);
        assertThrows(ConflictException.class, () -> s.dispositions().confirm("D1", p.id(), "bob", x -> null));
        assertThrows(ConflictException.class, () -> s.dispositions().propose("D1", "NSO Group", "UN", "u-1", true,
                "r", "ann"));
        assertTrue(s.audit().verify().intact());
    }

    @Test
    void confirmedDispositionsOfManyDealsAreReadInChunks() {
        Store s = store();
        List<DealRecord> deals = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            ids.add(String.format("D%04d", i));
            deals.add(deal(ids.get(i), "DE", "Party " + i));
        }
        s.deals().add(deals, ACTOR);
        assertEquals(Map.of(), s.dispositions().confirmedForDeals(ids));
        for (String id : List.of("D0001", "D0700", "D1199")) {
            Disposition p = s.dispositions().propose(id, "Party", "UN", "u-1", false, "r", "ann");
            s.dispositions().confirm(id, p.id(), "bob", x -> null);
        }
        s.dispositions().propose("D0002", "Party", "UN", "u-1", false, "r", "ann");
        assertEquals(Set.of("D0001", "D0700", "D1199"), s.dispositions().confirmedForDeals(ids).keySet());
    }

    /** The one value {@code sql} selects. */
    private static String value(Store s, String sql) {
        return s.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        });
    }

    @Test
    void everyTimeTheStoreWritesComesFromTheClockItWasOpenedWith() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2031-02-03T04:05:06.123456789Z"));
        Store s = Store.open(freshLocation(), clock);
        // the migration keeps the clock's instant as it is; every other time is kept to the microsecond
        assertEquals("2031-02-03T04:05:06.123456789Z", value(s, "SELECT MIN(applied_at) FROM schema_version"));
        assertEquals("2031-02-03T04:05:06.123456789Z", value(s, "SELECT MAX(applied_at) FROM schema_version"));

        clock.set(Instant.parse("2031-02-03T04:05:07.000001999Z"));
        s.lists().importPath(TestLists.csl(tmp.resolve("a.csv"), "A", 1), null, null, ACTOR);
        assertEquals("2031-02-03T04:05:07.000001Z", value(s, "SELECT imported_at FROM list_versions"));
        assertEquals("2031-02-03T04:05:07.000001Z", s.lists().versions().latest().orElseThrow().importedAt());
        clock.set(Instant.parse("2031-02-03T04:05:08Z"));
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Files.writeString(pack.resolve("policy.yaml"), "name: base\n");
        s.policies().importDir(pack, null, null, ACTOR, PolicyValidator.NONE);
        assertEquals("2031-02-03T04:05:08Z", value(s, "SELECT imported_at FROM policy_versions"));

        clock.set(Instant.parse("2031-02-03T04:05:09Z"));
        s.deals().add(List.of(deal("D1", "IL", "NSO Group")), List.of(decision("D1", "REVIEW", "deal added")), ACTOR);
        clock.set(Instant.parse("2031-02-03T04:05:10Z"));
        s.deals().update(deal("D1", "IL", "NSO Group"), ACTOR);
        StoredDeal d = s.deals().get("D1").orElseThrow();
        assertEquals("2031-02-03T04:05:09Z", d.createdAt());
        assertEquals("2031-02-03T04:05:10Z", d.updatedAt());
        assertEquals("2031-02-03T04:05:09Z", d.decisions().get(0).createdAt());

        clock.set(Instant.parse("2031-02-03T04:05:11Z"));
        Disposition p = s.dispositions().propose("D1", "NSO Group", "US-CSL", "el-1", false, "another company",
                "ann");
        clock.set(Instant.parse("2031-02-03T04:05:12Z"));
        s.dispositions().confirm("D1", p.id(), "bob", confirmed -> decision("D1", "CLEARED", "confirmed"));
        Disposition c = s.dispositions().get(p.id()).orElseThrow();
        assertEquals("2031-02-03T04:05:11Z", c.proposedAt());
        assertEquals("2031-02-03T04:05:12Z", c.confirmedAt());
        assertEquals("2031-02-03T04:05:12Z", s.deals().get("D1").orElseThrow().decisions().get(1).createdAt());

        clock.set(Instant.parse("2031-02-03T04:05:13Z"));
        s.changeReports().recordReevaluation(List.of(decision("D1", "BLOCKED", "policy version 2")), "policy", null,
                1L, "{}", ACTOR);
        assertEquals("2031-02-03T04:05:13Z", s.changeReports().latestChangeReport().orElseThrow().createdAt());
        assertEquals("2031-02-03T04:05:13Z", s.deals().get("D1").orElseThrow().decisions().get(2).createdAt());

        clock.set(Instant.parse("2031-02-03T04:05:14Z"));
        s.users().add("carl", Role.VIEWER, ACTOR);
        clock.set(Instant.parse("2031-02-03T04:05:15Z"));
        s.users().revoke("carl", ACTOR);
        User carl = s.users().list().get(0);
        assertEquals("2031-02-03T04:05:14Z", carl.createdAt());
        assertEquals("2031-02-03T04:05:15Z", carl.revokedAt());

        clock.set(Instant.parse("2031-02-03T04:05:16Z"));
        s.deals().close("D1", ACTOR);
        assertEquals("2031-02-03T04:05:16Z", s.deals().get("D1").orElseThrow().updatedAt());

        // each audit record is timed by the same clock as the change it records
        StringWriter out = new StringWriter();
        s.audit().export(out);
        List<String> timed = out.toString().lines().map(l -> l.replaceAll(".*\"at\":\"([^\"]+)\".*\"action\":"
                + "\"([^\"]+)\".*", "$2 $1")).toList();
        assertEquals(List.of("lists.import 2031-02-03T04:05:07.000001Z", "lists.event 2031-02-03T04:05:07.000001Z",
                "policy.import 2031-02-03T04:05:08Z",
                "deals.add 2031-02-03T04:05:09Z", "decisions.append 2031-02-03T04:05:09Z",
                "deals.update 2031-02-03T04:05:10Z", "dispositions.propose 2031-02-03T04:05:11Z",
                "dispositions.confirm 2031-02-03T04:05:12Z", "decisions.append 2031-02-03T04:05:12Z",
                "decisions.append 2031-02-03T04:05:13Z", "impact.report 2031-02-03T04:05:13Z",
                "users.add 2031-02-03T04:05:14Z", "users.revoke 2031-02-03T04:05:15Z",
                "deals.close 2031-02-03T04:05:16Z"), timed);
        assertTrue(s.audit().verify().intact());
        assertEquals(clock, s.database().clock());
        s.close();
    }

    @Test
    void usersGetATokenOnceOnlyItsHashIsStoredAndRevokingEndsIt() {
        Store s = store();
        String token = s.users().add("alice", Role.ANALYST, ACTOR);
        assertTrue(token.startsWith("eg_") && token.length() > 40, token);
        assertEquals("alice", s.users().userForToken(token).orElseThrow().name());
        assertEquals(Role.ANALYST, s.users().userForToken(token).orElseThrow().role());
        assertTrue(s.users().userForToken(token + "x").isEmpty());
        assertTrue(s.users().userForToken("nonsense").isEmpty());
        String stored = s.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT token_sha256 FROM users WHERE name = 'alice'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertEquals(Sha256.hex(token), stored);
        assertThrows(StoreException.class, () -> s.users().add("alice", Role.ADMIN, ACTOR));
        assertThrows(StoreException.class, () -> s.users().add("bad name!", Role.ADMIN, ACTOR));

        s.users().revoke("alice", ACTOR);
        assertTrue(s.users().userForToken(token).isEmpty());
        assertFalse(s.users().list().get(0).active());
        String again = s.users().add("alice", Role.ADMIN, ACTOR);
        assertEquals(Role.ADMIN, s.users().userForToken(again).orElseThrow().role());
        assertTrue(s.users().userForToken(token).isEmpty());
        assertThrows(NotFoundException.class, () -> s.users().revoke("bob", ACTOR));
    }

    @Test
    void everyChangeIsInTheAuditChainAndTheExportHasEveryRecord() throws Exception {
        Store s = store();
        s.lists().importPath(TestLists.csl(tmp.resolve("a.csv"), "A", 1), null, null, ACTOR);
        s.deals().add(List.of(deal("D1", "RU", "A")), ACTOR);
        s.decisions().append(List.of(decision("D1", "ALLOWED", "deal added")), ACTOR);
        s.deals().close("D1", ACTOR);
        s.users().add("bob", Role.VIEWER, ACTOR);
        s.users().revoke("bob", ACTOR);
        AuditVerification v = s.audit().verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(7, v.records());
        StringWriter out = new StringWriter();
        assertEquals(7, s.audit().export(out));
        List<String> actions = out.toString().lines()
                .map(l -> l.replaceAll(".*\"action\":\"([^\"]+)\".*", "$1")).toList();
        assertEquals(List.of("lists.import", "lists.event", "deals.add", "decisions.append", "deals.close", "users.add",
                "users.revoke"), actions);
        assertTrue(out.toString().lines().allMatch(l -> l.contains("\"actor\":\"" + ACTOR + "\"")));
        assertFalse(out.toString().contains("eg_"), "no token in the log");
    }

    /** A store with five audit records. */
    private Store auditedStore() {
        Store s = store();
        for (int i = 1; i <= 5; i++) {
            s.deals().add(List.of(deal("D" + i, "RU", "Party " + i)), ACTOR);
        }
        assertTrue(s.audit().verify().intact());
        return s;
    }

    private static void sql(Store s, String sql) {
        s.database().write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate(sql);
            }
            return null;
        });
    }

    /** Issue 13: the chain vouches for content, so a decision edited in place is named, the chain itself intact. */
    @Test
    void auditVerifyNamesADecisionRowEditedDirectly() {
        Store s = auditedStore();
        s.decisions().append(List.of(decision("D2", "BLOCKED", "listed"), decision("D3", "CLEARED", "clean")),
                ACTOR);
        assertTrue(s.audit().verify().intact());
        sql(s, "UPDATE decisions SET decision_json = '{\"outcome\":\"CLEARED\"}', outcome = 'CLEARED' "
                + "WHERE deal_id = 'D2'");
        AuditVerification v = s.audit().verify();
        assertFalse(v.intact(), "an edited decision must not verify");
        assertEquals(List.of("decision 1 of deal D2: its stored outcome or JSON differs from what audit record 6 "
                + "vouches for"), v.rows());
    }

    @Test
    void auditVerifyNamesADealRowEditedDirectlyAndAnUpdateVouchesAnew() {
        Store s = auditedStore();
        s.deals().update(new DealRecord("D4", "{\"id\":\"D4\",\"destination\":\"DE\"}",
                LocalDate.of(2030, 1, 15), "DE", List.of("Party 4")), ACTOR);
        assertTrue(s.audit().verify().intact(), "an update through the store vouches for the new JSON");
        sql(s, "UPDATE deals SET json = '{\"id\":\"D4\",\"destination\":\"FR\"}' WHERE id = 'D4'");
        sql(s, "UPDATE deals SET json = '{\"id\":\"D1\",\"destination\":\"FR\"}' WHERE id = 'D1'");
        AuditVerification v = s.audit().verify();
        assertFalse(v.intact());
        assertEquals(List.of("deal D1: its stored JSON differs from what audit record 1 vouches for",
                "deal D4: its stored JSON differs from what audit record 6 vouches for"), v.rows());
    }

    @Test
    void auditVerifyCatchesTheVouchedItemsEditedToo() {
        Store s = auditedStore();
        // an editor who changes the row AND its item in audit_content is caught by the record's digest
        sql(s, "UPDATE deals SET json = '{}' WHERE id = 'D3'");
        sql(s, "UPDATE audit_content SET sha256 = '" + org.exportguard.core.hash.Sha256.hex("{}")
                + "' WHERE kind = 'deal' AND item = 'D3'");
        AuditVerification v = s.audit().verify();
        assertEquals(List.of("audit record 3: the items it vouches for were changed"), v.rows());
        sql(s, "DELETE FROM audit_content WHERE audit_seq = 4");
        assertTrue(s.audit().verify().rows().contains("audit record 4: the items it vouches for were deleted"));
    }

    @Test
    void auditVerifyNamesAListVersionWhoseStoredFilesWereReplaced() throws Exception {
        Store s = auditedStore();
        Path f = java.nio.file.Files.writeString(tmp.resolve("x.csv"), "a,b\n");
        long id = s.lists().versions().put(FileBundle.of(tmp, List.of(f)), "x.csv", "TEST", null, "test",
                AuditLog.details(), ACTOR).version().id();
        assertTrue(s.audit().verify().intact());
        s.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE list_versions SET content = ? WHERE id = ?")) {
                ps.setBytes(1, new byte[]{1, 2, 3});
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
        assertEquals(List.of("list version " + id + ": its stored files differ from what audit record 6 vouches "
                + "for"), s.audit().verify().rows());
    }

    @Test
    void auditVerifyCatchesAnEditedRecord() {
        Store s = auditedStore();
        sql(s, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");
        AuditVerification v = s.audit().verify();
        assertEquals(3, v.badSeq());
        assertTrue(v.problem().contains("edited"), v.problem());
    }

    @Test
    void auditVerifyCatchesAnEditedDetailsAndARecomputedHash() {
        Store s = auditedStore();
        // an editor who also recomputes the record's own hash still breaks the next record's link
        AuditRecord r = s.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, subject, details, "
                    + "prev_hash, hash FROM audit_log WHERE seq = 2"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AuditRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), "{\"count\":0}", rs.getString(7), null);
            }
        });
        sql(s, "UPDATE audit_log SET details = '{\"count\":0}', hash = '" + r.computeHash() + "' WHERE seq = 2");
        AuditVerification v = s.audit().verify();
        assertEquals(3, v.badSeq());
        assertTrue(v.problem().contains("prev_hash"), v.problem());
    }

    @Test
    void auditVerifyCatchesADeletedRecord() {
        Store s = auditedStore();
        sql(s, "DELETE FROM audit_log WHERE seq = 2");
        AuditVerification v = s.audit().verify();
        assertEquals(3, v.badSeq());
        assertTrue(v.problem().contains("record 2 is missing"), v.problem());
    }

    @Test
    void auditVerifyCatchesTheLastRecordDeleted() {
        Store s = auditedStore();
        sql(s, "DELETE FROM audit_log WHERE seq = 5");
        AuditVerification v = s.audit().verify();
        assertEquals(5, v.badSeq());
        assertTrue(v.problem().contains("missing at the end"), v.problem());
    }

    @Test
    void auditVerifyCatchesReorderedRecords() {
        Store s = auditedStore();
        sql(s, "UPDATE audit_log SET seq = 100 WHERE seq = 2");
        sql(s, "UPDATE audit_log SET seq = 2 WHERE seq = 4");
        sql(s, "UPDATE audit_log SET seq = 4 WHERE seq = 100");
        AuditVerification v = s.audit().verify();
        assertEquals(2, v.badSeq());
        assertFalse(v.intact());
    }

    @Test
    void writersOnSeveralConnectionsAtOnceKeepOneChain() throws Exception {
        StoreLocation loc = freshLocation();
        Store a = Store.open(loc);
        Store b = Store.open(loc);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Store s = t % 2 == 0 ? a : b;
                int thread = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        s.deals().add(List.of(deal("T" + thread + "-" + i, "RU", "P")), "test:t" + thread);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification v = a.audit().verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(60, v.records());
    }
}
