package org.exportguard.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exportguard.lists.ListFormatException;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.ListEvent;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.StoredDecision;
import org.exportguard.store.VersionInfo;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One version per list source, and the safe-import rules, through the desk on a real store (SQLite here,
 * PostgreSQL in {@link PostgresPerSourceImportTest}): a folder is one version per source, a new version of a
 * source supersedes only that source's, and every import rule refuses (or allows) what it should.
 */
class PerSourceImportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of("..", "cli", "src", "main", "resources", "sample-lists");

    @TempDir
    Path tmp;
    TestClock clock;
    Store store;
    Desk desk;

    StoreLocation freshLocation() {
        return StoreLocation.sqlite(tmp.resolve("data"));
    }

    @BeforeEach
    void open() {
        clock = new TestClock(java.time.Instant.parse("2027-01-10T09:00:00Z"));
        store = Store.open(freshLocation(), clock);
        desk = new Desk(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<ImportOutcome> importLists(Path path, String source, LocalDate effective, boolean allowShrink)
            throws ServiceException {
        return desk.importLists(path, source, effective, "test", ListVersions.Rules.allowingShrink(allowShrink));
    }

    /** The sample folder (OFAC SDN set, UN, CSL) copied, so a test can change it. */
    private Path samples() throws Exception {
        Path dir = tmp.resolve("samples");
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            for (Path p : s.toList()) {
                Path to = dir.resolve(SAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    /** A copy of an OFAC SDN set without entry {@code entNum} (its rows in every file of the set). */
    private Path ofacWithout(Path set, String entNum, String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> s = Files.list(set)) {
            for (Path p : s.toList()) {
                List<String> kept = new ArrayList<>();
                for (String line : Files.readAllLines(p, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    if (!line.startsWith(entNum + ",")) {
                        kept.add(line);
                    }
                }
                Files.write(dir.resolve(p.getFileName()), kept, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
        return dir;
    }

    private Path csl(String name, String... entities) {
        return CslCsv.write(tmp.resolve(name), Arrays.stream(entities)
                .map(e -> CslCsv.entity("t-" + e.toLowerCase(Locale.ROOT).replace(' ', '-'), e)
                        .listed("86 FR 60759", "2021-11-04")).toList());
    }

    private JsonNode lastDecision(String dealId) throws Exception {
        List<StoredDecision> h = store.deals().get(dealId).orElseThrow().decisions();
        return JSON.readTree(h.get(h.size() - 1).decisionJson());
    }

    /** The findings of a decision on list {@code list}. */
    private static List<JsonNode> findingsOn(JsonNode decision, String list) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : decision.get("regimes")) {
            for (JsonNode f : r.get("findings")) {
                if (list.equals(f.path("list").asText(null)) || list.equals(f.path("match").path("source").asText(null))) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static String refusal(ServiceException e) {
        assertTrue(e.getCause() instanceof ListFormatException, "a refusal is a bad input, exit 2: " + e);
        return e.getMessage();
    }

    @Test
    void aNewerOfacSetSupersedesOnlyOfacAndADelistedBankNoLongerBlocks() throws Exception {
        Path folder = samples();
        List<ImportOutcome> first = importLists(folder, null, null, false);
        assertEquals(List.of("OFAC-SDN", "UN-SC", "US-CSL"),
                first.stream().map(o -> o.imported().version().source()).toList(), "one version per source");
        first.forEach(o -> assertFalse(o.imported().version().source().contains("+")));
        VersionInfo sdn1 = first.get(0).imported().version();
        assertEquals(4, sdn1.fileCount(), "the SDN version holds the set's four files");
        assertEquals(org.exportguard.lists.ListHash.of(folder.resolve("ofac-sdn")), sdn1.sha256(),
                "the set's own hash, as lists diff gives it");
        assertEquals(org.exportguard.lists.ListHash.of(folder.resolve("un-consolidated.xml")),
                first.get(1).imported().version().sha256(), "a one-file source's hash is the file's sha256sum");

        desk.addDeals(List.of(DealJson.usSoftware("bnc", "Banco Nacional de Cuba", "ES").json()), "test");
        JsonNode before = lastDecision("bnc");
        assertEquals("BLOCKED", before.get("outcome").asText(), before.toString());
        assertFalse(findingsOn(before, "OFAC-SDN").isEmpty(), "blocked by OFAC: " + before);

        Path newer = ofacWithout(folder.resolve("ofac-sdn"), "306", "ofac-sdn-newer");
        List<ImportOutcome> second = importLists(newer, null, null, false);
        assertEquals(1, second.size());
        VersionInfo sdn2 = second.get(0).imported().version();
        assertEquals("OFAC-SDN", sdn2.source());
        JsonNode report = JSON.readTree(second.get(0).reportJson());
        assertEquals(1, report.at("/change/removed").asInt(), report.toString());
        assertEquals(sdn1.id(), report.at("/change/previousVersion").asLong(), "diffed against OFAC's version only");

        JsonNode after = lastDecision("bnc");
        assertTrue(findingsOn(after, "OFAC-SDN").isEmpty(), "no longer blocked by OFAC: " + after);
        assertFalse("BLOCKED".equals(after.get("outcome").asText()) && after.toString().contains("OFAC"),
                after.toString());
        String ofac = after.get("listVersions").get("OFAC-SDN").asText();
        assertTrue(ofac.contains(sdn2.sha256()) && !ofac.contains("+") && !ofac.contains(sdn1.sha256()),
                "exactly one OFAC version named: " + ofac);
        after.get("listVersions").fields().forEachRemaining(e -> assertFalse(e.getValue().asText().contains("+"),
                e.toString()));

        List<VersionInfo> history = store.lists().versions().history();
        assertEquals(List.of("OFAC-SDN", "UN-SC", "US-CSL", "OFAC-SDN"), history.stream().map(VersionInfo::source)
                .toList(), "lists history: one row per source version");
        Map<String, VersionInfo> inForce = store.lists().inForce();
        assertEquals(List.of("OFAC-SDN", "UN-SC", "US-CSL"), List.copyOf(inForce.keySet()));
        assertEquals(sdn2.id(), inForce.get("OFAC-SDN").id());
        assertEquals(first.get(1).imported().version().id(), inForce.get("UN-SC").id(), "UN untouched");
        assertEquals(4, store.lists().events().size());
        assertTrue(store.audit().verify().intact());
    }

    @Test
    void aVersionShrinkingASourceByOverHalfIsRefusedUnlessAllowed() throws Exception {
        importLists(csl("v1.csv", "Alpha Trading", "Beta Trading", "Gamma Trading", "Delta Trading"), null, null,
                false);
        ServiceException e = assertThrows(ServiceException.class,
                () -> importLists(csl("v2.csv", "Alpha Trading"), null, null, false));
        String m = refusal(e);
        assertTrue(m.contains("US-CSL: 1 entries where the version in force (1) has 4: 75% fewer")
                && m.contains("--allow-shrink"), m);
        assertEquals(1, store.lists().versions().history().size(), "nothing stored");
        // half is allowed
        List<ImportOutcome> half = importLists(csl("v3.csv", "Alpha Trading", "Beta Trading"), null, null, false);
        assertEquals(2, half.get(0).imported().version().id());
        List<ImportOutcome> forced = importLists(csl("v2.csv", "Alpha Trading"), null, null, true);
        assertEquals(3, store.lists().inForce().get("US-CSL").id(), "forced: in force");
        assertNotNull(forced.get(0).reportJson());
    }

    @Test
    void anEmptyListIsAlwaysRefused() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.csv"), CslCsv.HEADER + "\n");
        String m = refusal(assertThrows(ServiceException.class, () -> importLists(empty, null, null, true)));
        assertTrue(m.contains("US-CSL: the list holds no entries"), m);
        importLists(csl("v1.csv", "Alpha Trading"), null, null, false);
        m = refusal(assertThrows(ServiceException.class, () -> importLists(empty, null, null, true)));
        assertTrue(m.contains("no entries"), m);
        assertEquals(1, store.lists().versions().history().size());
    }

    @Test
    void theContentOfAnEarlierVersionAgainIsARollBackWithItsImpact() throws Exception {
        Path v1 = csl("v1.csv", "Foo Trading Company", "Bar Logistics");
        importLists(v1, null, null, false);
        desk.addDeals(List.of(DealJson.usSoftware("foo", "Foo Trading Company", "DE").json()), "test");
        assertEquals("BLOCKED", store.deals().get("foo").orElseThrow().outcome());
        importLists(csl("v2.csv", "Bar Logistics"), null, null, true);
        assertNotEquals("BLOCKED", store.deals().get("foo").orElseThrow().outcome(), "Foo removed");

        List<ImportOutcome> back = importLists(v1, null, null, false);
        ImportOutcome o = back.get(0);
        assertTrue(o.imported().rollBack(), "a roll-back, not 'already stored'");
        assertEquals(1, o.imported().version().id(), "version 1 again, not a new version");
        assertEquals(1, store.lists().inForce().get("US-CSL").id());
        assertEquals("BLOCKED", store.deals().get("foo").orElseThrow().outcome(), "re-decided");
        JsonNode report = JSON.readTree(o.reportJson());
        assertEquals(1, report.at("/change/added").asInt(), report.toString());
        assertEquals(2, report.at("/change/previousVersion").asLong());
        assertEquals(List.of(ListEvent.IMPORT, ListEvent.IMPORT, ListEvent.ROLL_BACK),
                store.lists().events().stream().map(ListEvent::kind).toList());
        assertEquals(2, store.lists().versions().history().size());

        List<ImportOutcome> same = importLists(v1, null, null, false);
        assertTrue(same.get(0).imported().alreadyStored() && same.get(0).imported().event() == null,
                "the version in force again: a no-op");
        assertNull(same.get(0).reportJson());
    }

    @Test
    void aFutureEffectiveDateTakesEffectOnThatDayAndItsDealsAreReDecidedThen() throws Exception {
        importLists(csl("v1.csv", "Foo Trading Company", "Bar Logistics"), null, null, false);
        desk.addDeals(List.of(DealJson.usSoftware("bar", "Bar Logistics", "DE").json()), "test");
        assertEquals("BLOCKED", store.deals().get("bar").orElseThrow().outcome());

        LocalDate on = LocalDate.of(2027, 1, 13);
        List<ImportOutcome> o = importLists(csl("v2.csv", "Foo Trading Company", "Quux Systems"), null, on, false);
        assertEquals(on, o.get(0).imported().event().effectiveDate());
        assertNull(o.get(0).reportJson(), "nothing re-decided yet");
        assertEquals(1, store.lists().inForce().get("US-CSL").id(), "stored, not in force before its day");
        assertEquals(1, desk.lists().versions().get("US-CSL").id());
        assertEquals("BLOCKED", store.deals().get("bar").orElseThrow().outcome());

        clock.advance(Duration.ofDays(2)); // 2027-01-12: still the day before
        assertEquals(1, desk.current().lists().versions().get("US-CSL").id());
        clock.advance(Duration.ofDays(1)); // 2027-01-13
        assertEquals(2, desk.current().lists().versions().get("US-CSL").id(), "in force on its day");
        List<StoredDecision> h = store.deals().get("bar").orElseThrow().decisions();
        assertNotEquals("BLOCKED", store.deals().get("bar").orElseThrow().outcome(), "re-decided by the catch-up");
        assertEquals("list US-CSL version 2", h.get(h.size() - 1).reason());
        assertTrue(store.changeReports().existsForListEvent(2));
        assertTrue(desk.catchUp("test").isEmpty(), "once");
    }

    @Test
    void aSourceMustBeAListSourceAndAgreeWithTheFile() throws Exception {
        Path un = SAMPLES.resolve("un-consolidated.xml");
        String m = refusal(assertThrows(ServiceException.class, () -> importLists(un, "US-CSL", null, false)));
        assertTrue(m.contains("holds UN-SC, not US-CSL"), m);
        for (String bad : List.of("../etc", "US-CSL\r\nX-Injected: 1", "SHARED-LISTS", "os-lower", "")) {
            m = refusal(assertThrows(ServiceException.class, () -> importLists(un, bad, null, false)));
            assertTrue(m.contains("is not a list source") && !m.contains("\n") && !m.contains("\r"), m);
        }
        importLists(un, "UN-SC", null, false);
        assertEquals(List.of("UN-SC"), store.lists().versions().history().stream().map(VersionInfo::source).toList());
    }

    @Test
    void anIncompleteOfacSetIsRefusedNamingTheMissingFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sdn-only"));
        Files.copy(SAMPLES.resolve("ofac-sdn/sdn.csv"), dir.resolve("sdn.csv"));
        String m = refusal(assertThrows(ServiceException.class, () -> importLists(dir.resolve("sdn.csv"), null, null,
                false)));
        assertTrue(m.contains("incomplete OFAC SDN CSV set: missing add.csv, alt.csv, sdn_comments.csv"), m);
        Files.copy(SAMPLES.resolve("ofac-sdn/alt.csv"), dir.resolve("alt.csv"));
        m = refusal(assertThrows(ServiceException.class, () -> importLists(dir, null, null, false)));
        assertTrue(m.contains("missing add.csv, sdn_comments.csv"), m);
        assertTrue(store.lists().versions().history().isEmpty());
    }

    /** OFAC's consolidated (non-SDN) set, cons_*: the same completeness rule, naming its own files. */
    @Test
    void anIncompleteConsolidatedSetIsRefusedNamingTheMissingFiles() throws Exception {
        Path real = org.exportguard.testkit.SharedData.list("ofac-cons-2025");
        Path dir = Files.createDirectories(tmp.resolve("cons-part"));
        Files.copy(real.resolve("cons_prim.csv"), dir.resolve("cons_prim.csv"));
        String m = refusal(assertThrows(ServiceException.class, () -> importLists(dir.resolve("cons_prim.csv"), null,
                null, false)));
        assertTrue(m.contains("missing cons_add.csv, cons_alt.csv, cons_comments.csv"), m);
        Files.copy(real.resolve("cons_alt.csv"), dir.resolve("cons_alt.csv"));
        Files.copy(real.resolve("cons_comments.csv"), dir.resolve("cons_comments.csv"));
        m = refusal(assertThrows(ServiceException.class, () -> importLists(dir, "OFAC-CONS", null, false)));
        assertTrue(m.contains("missing cons_add.csv (the set is "), m);
        assertTrue(store.lists().versions().history().isEmpty(), "nothing stored");

        Files.copy(real.resolve("cons_add.csv"), dir.resolve("cons_add.csv"));
        importLists(dir, "OFAC-CONS", null, false);
        assertEquals(List.of("OFAC-CONS"), store.lists().versions().history().stream().map(VersionInfo::source)
                .toList(), "the complete set is one version of OFAC-CONS");
    }
}
