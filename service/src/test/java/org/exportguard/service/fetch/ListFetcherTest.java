package org.exportguard.service.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exportguard.lists.ListFormat;
import org.exportguard.service.Desk;
import org.exportguard.store.FetchState;
import org.exportguard.store.FetchStates;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.VersionInfo;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.ListPublisher;
import org.exportguard.testkit.SharedData;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fetching list sources from a publisher the test runs on 127.0.0.1 ({@link ListPublisher}) into a real SQLite
 * store: first fetch, unchanged refetch (304 and same bytes), a changed file with its change impact, and every
 * failure (timeout, HTTP 500, truncated body, wrong format, implausible shrink), after each of which the previous
 * version is still in force and nothing was imported.
 */
class ListFetcherTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACTOR = "test:fetch";

    @TempDir
    Path tmp;
    Store store;
    Desk desk;
    ListPublisher publisher;
    TestClock clock;
    ListFetcher fetcher;

    @BeforeEach
    void open() {
        clock = new TestClock();
        store = Store.open(StoreLocation.sqlite(tmp.resolve("data")), clock);
        desk = new Desk(store);
        publisher = ListPublisher.start();
        fetcher = new ListFetcher(desk, new Downloader(Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() {
        publisher.close();
        store.close();
    }

    private SourceSpec source(String id, ListFormat format, String... paths) {
        return new SourceSpec(id, format, Arrays.stream(paths).map(p -> new SourceSpec.SourceUrl(publisher.uri(p),
                p.substring(p.lastIndexOf('/') + 1))).toList(), 2, Duration.ofSeconds(20), 64L << 20, true);
    }

    /** {@code s} waiting only a second for an answer (the timeout case; others allow for a busy machine). */
    static SourceSpec impatient(SourceSpec s) {
        return new SourceSpec(s.id(), s.format(), s.urls(), s.maxAgeDays(), Duration.ofSeconds(1), s.maxBytes(),
                s.enabled());
    }

    private SourceSpec un() {
        return source("UN-SC", ListFormat.UN_XML, "/un/consolidated.xml");
    }

    private SourceSpec csl() {
        return source("US-CSL", ListFormat.CSL_CSV, "/csl/consolidated.csv");
    }

    private static String csl(String... entities) {
        return CslCsv.text(Arrays.stream(entities).map(e -> CslCsv.entity("t-" + e.toLowerCase(Locale.ROOT)
                .replace(' ', '-'), e).listed("86 FR 60759", "2021-11-04")).toList());
    }

    private FetchResult fetch(SourceSpec s) throws Exception {
        return fetcher.fetch(s, false, ACTOR);
    }

    private List<VersionInfo> versions() {
        return store.lists().versions().history();
    }

    @Test
    void aFirstFetchStoresAVersionAndRemembersHowToAskAgain() throws Exception {
        publisher.put("/un/consolidated.xml", SharedData.list("un-consolidated-2026-02-27.xml"));
        FetchResult r = fetch(un());
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome(), r::line);
        assertTrue(r.line().startsWith("UN-SC: fetched: list version 1 imported (1003 entries, sha256 "), r::line);
        VersionInfo v = versions().get(0);
        assertEquals("UN-SC", v.source());
        assertEquals(1003, JSON.readTree(v.counts()).get("parties").asInt());
        assertEquals(org.exportguard.lists.ListHash.of(SharedData.list("un-consolidated-2026-02-27.xml")),
                v.sha256(), "the version is the publisher's file, byte for byte");
        FetchState s = store.fetchStates().get("UN-SC").orElseThrow();
        assertEquals(clock.instant(), s.confirmedAt());
        assertEquals(1L, s.confirmedVersionId());
        assertEquals(0, s.consecutiveFailures());
        FetchStates.UrlValidators val = store.fetchStates().validators("UN-SC")
                .get(publisher.uri("/un/consolidated.xml").toString());
        assertTrue(val.etag() != null && val.lastModified() != null, val::toString);
        assertEquals(v.sha256(), val.versionSha256());
    }

    @Test
    void anUnchangedFileIsANoOpThatConfirmsTheSourceCurrent304() throws Exception {
        publisher.put("/un/consolidated.xml", SharedData.list("un-consolidated-2026-02-27.xml"));
        fetch(un());
        clock.advance(Duration.ofHours(6));
        FetchResult r = fetch(un());
        assertEquals(FetchResult.Outcome.UNCHANGED, r.outcome(), r::line);
        assertEquals("UN-SC: unchanged: not modified since the last fetch (HTTP 304): list version 1 confirmed "
                + "current", r.line());
        assertEquals(1, publisher.notModified(), "asked with If-None-Match, answered 304");
        assertEquals(1, versions().size(), "no new version");
        assertEquals(clock.instant(), store.fetchStates().confirmedAt("UN-SC").orElseThrow(),
                "the source's age counts from now");
    }

    @Test
    void anUnchangedFileWithoutValidatorsIsANoOpByItsHash() throws Exception {
        publisher.put("/csl/consolidated.csv", csl("Foo Trading Company", "Bar Logistics"))
                .mode("/csl/consolidated.csv", ListPublisher.Mode.NO_VALIDATORS);
        fetch(csl());
        clock.advance(Duration.ofHours(6));
        FetchResult r = fetch(csl());
        assertEquals(FetchResult.Outcome.UNCHANGED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("same content as list version 1 (sha256 "), r::line);
        assertEquals(0, publisher.notModified());
        assertEquals(1, versions().size());
        assertEquals(clock.instant(), store.fetchStates().confirmedAt("US-CSL").orElseThrow());
    }

    @Test
    void aChangedFileIsANewVersionWithItsChangeImpact() throws Exception {
        publisher.put("/csl/consolidated.csv", csl("Bar Logistics"));
        fetch(csl());
        desk.addDeals(List.of(DealJson.usSoftware("foo", "Foo Trading Company", "DE").json()), ACTOR);
        String before = store.deals().get("foo").orElseThrow().outcome();

        publisher.put("/csl/consolidated.csv", csl("Bar Logistics", "Foo Trading Company"));
        clock.advance(Duration.ofHours(6));
        FetchResult r = fetch(csl());
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome(), r::line);
        assertEquals(0, publisher.notModified(), "the ETag changed with the content");
        assertEquals(2, versions().size());
        assertEquals(2L, r.version().id());
        JsonNode report = JSON.readTree(r.imported().reportJson());
        assertEquals(1, report.at("/change/added").asInt(), report::toString);
        assertEquals(1, report.get("changedCount").asInt(), report::toString);
        assertEquals(before + " BLOCKED", report.at("/changed/0/before").asText() + " "
                + report.at("/changed/0/after").asText());
        assertTrue(r.detail().contains("impact: re-decided 1 open deals, 1 changed outcome (report "), r::line);
        assertEquals("BLOCKED", store.deals().get("foo").orElseThrow().outcome());
        assertEquals(2L, store.fetchStates().get("US-CSL").orElseThrow().confirmedVersionId());
    }

    /** The OFAC SDN sample set shipped with the CLI (its comments file is empty, as OFAC's can be). */
    static Path sampleOfacSet() {
        Path p = Path.of("..", "cli", "src", "main", "resources", "sample-lists", "ofac-sdn").toAbsolutePath()
                .normalize();
        assertTrue(Files.isDirectory(p), "the shipped samples at " + p);
        return p;
    }

    @Test
    void anOfacSetIsFetchedAsOneVersionAndRefetchedWithConditionalRequests() throws Exception {
        Path set = sampleOfacSet();
        String[] files = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
        for (String f : files) {
            publisher.put("/exports/" + f, set.resolve(f));
        }
        SourceSpec sdn = source("OFAC-SDN", ListFormat.OFAC_CSV, Arrays.stream(files).map(f -> "/exports/" + f)
                .toArray(String[]::new));
        FetchResult r = fetch(sdn);
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome(), r::line);
        assertEquals(org.exportguard.lists.ListHash.of(set), r.version().sha256(),
                "the folder of the four files, as lists import of the folder stores it");
        int parties = JSON.readTree(r.version().counts()).get("parties").asInt();
        FetchResult again = fetch(sdn);
        assertEquals(FetchResult.Outcome.UNCHANGED, again.outcome(), again::line);
        assertEquals(4, publisher.notModified());

        // one file of the set changes: all four are needed to read it, so the three unchanged ones come again
        String alt = Files.readString(set.resolve("alt.csv"), StandardCharsets.UTF_8);
        publisher.put("/exports/alt.csv", alt.substring(0, alt.lastIndexOf('\n', alt.length() - 2) + 1));
        int requests = publisher.requests();
        FetchResult changed = fetch(sdn);
        assertEquals(FetchResult.Outcome.FETCHED, changed.outcome(), changed::line);
        assertEquals(4 + 3, publisher.requests() - requests, "four conditional requests, three again in full");
        assertEquals(2, versions().size());
        assertEquals(parties, JSON.readTree(changed.version().counts()).get("parties").asInt());
        assertEquals(4, store.fetchStates().validators("OFAC-SDN").size());
    }

    @Test
    void everyFailureLeavesThePreviousVersionInForceAndImportsNothing() throws Exception {
        String path = "/un/consolidated.xml";
        Path real = SharedData.list("un-consolidated-2026-02-27.xml");
        publisher.put(path, real);
        fetch(un());
        VersionInfo good = versions().get(0);
        // a changed file, so that only the failure stands between it and a new version
        String text = Files.readString(real, StandardCharsets.UTF_8);
        publisher.put(path, text.replace("<FIRST_NAME>ERIC</FIRST_NAME>", "<FIRST_NAME>ERICH</FIRST_NAME>"));

        Map<ListPublisher.Mode, String> failures = new java.util.LinkedHashMap<>();
        failures.put(ListPublisher.Mode.HANG, "timeout: no answer from " + publisher.uri(path) + " within 1 s");
        failures.put(ListPublisher.Mode.ERROR_500, "HTTP 500 from " + publisher.uri(path));
        failures.put(ListPublisher.Mode.TRUNCATE, "truncated download from " + publisher.uri(path) + ": ");
        int n = 0;
        for (Map.Entry<ListPublisher.Mode, String> f : failures.entrySet()) {
            publisher.mode(path, f.getKey());
            clock.advance(Duration.ofMinutes(1));
            FetchResult r = fetch(f.getKey() == ListPublisher.Mode.HANG ? impatient(un()) : un());
            n++;
            assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
            assertTrue(r.detail().startsWith(f.getValue()), () -> f.getKey() + ": " + r.line());
            assertTrue(r.detail().endsWith("; list version 1 stays in force (" + n + (n == 1 ? " failure)"
                    : " failures in a row)")), r::line);
            assertEquals(List.of(good), versions(), "nothing imported");
            FetchState s = store.fetchStates().get("UN-SC").orElseThrow();
            assertEquals(n, s.consecutiveFailures());
            assertEquals(clock.instant(), s.lastFailureAt());
            assertEquals(FetchState.FAILED, s.lastOutcome());
        }
        publisher.mode(path, ListPublisher.Mode.NORMAL);
        FetchResult ok = fetch(un());
        assertEquals(FetchResult.Outcome.FETCHED, ok.outcome(), ok::line);
        assertEquals(0, store.fetchStates().get("UN-SC").orElseThrow().consecutiveFailures());
    }

    @Test
    void aDownloadThatStallsHalfWayTimesOutHoweverLargeTheFile() throws Exception {
        Path real = SharedData.list("un-consolidated-2026-02-27.xml");
        long size = Files.size(real);
        publisher.put("/un/consolidated.xml", real).mode("/un/consolidated.xml", ListPublisher.Mode.STALL);
        FetchResult r = fetch(impatient(un()));
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("timeout: no data from " + publisher.uri("/un/consolidated.xml")
                + " for 1 s after "), r::line);
        assertTrue(r.detail().contains(" bytes of " + size), r::line);
        assertTrue(versions().isEmpty());
    }

    @Test
    void anHtmlPageWhereAListShouldBeIsAWrongFormatSaidPlainly() throws Exception {
        publisher.put("/dpl/dpl.txt", "\uFEFF\n  <!-- moved -->\n<!DOCTYPE html>\n<html lang=\"en\"><head><title>Denied "
                + "Persons List</title></head><body>The list has moved to bis.gov</body></html>\n");
        FetchResult r = fetch(source("BIS-DPL", ListFormat.DPL_TSV, "/dpl/dpl.txt"));
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertEquals("BIS-DPL: failed: wrong format: " + publisher.uri("/dpl/dpl.txt") + " served an HTML page, "
                + "not a list file (dpl-tsv; the address may have moved: check it against the publisher's "
                + "documentation); no version of BIS-DPL is stored yet (1 failure)", r.line());
        assertTrue(versions().isEmpty());
        assertEquals(1, store.fetchStates().get("BIS-DPL").orElseThrow().consecutiveFailures());
    }

    /** {@code s} with each file's expected checksum. */
    private static SourceSpec withChecksums(SourceSpec s, SourceSpec.Checksum... checksums) {
        List<SourceSpec.SourceUrl> urls = new java.util.ArrayList<>();
        for (int i = 0; i < s.urls().size(); i++) {
            urls.add(new SourceSpec.SourceUrl(s.urls().get(i).uri(), s.urls().get(i).file(), checksums[i]));
        }
        return new SourceSpec(s.id(), s.format(), urls, s.maxAgeDays(), s.timeout(), s.maxBytes(), s.enabled());
    }

    @Test
    void aDownloadThatDisagreesWithTheSha256InTheSourcesFileIsRefused() throws Exception {
        String good = csl("Bar Logistics");
        publisher.put("/csl/consolidated.csv", good);
        String sha = org.exportguard.core.hash.Sha256.hex(good.getBytes(StandardCharsets.UTF_8));
        FetchResult r = fetcher.fetch(withChecksums(csl(), new SourceSpec.Checksum(sha, null)), false, ACTOR);
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome(), r::line);

        publisher.put("/csl/consolidated.csv", csl("Bar Logistics", "Foo Trading Company"));
        r = fetcher.fetch(withChecksums(csl(), new SourceSpec.Checksum(sha, null)), false, ACTOR);
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("checksum mismatch: " + publisher.uri("/csl/consolidated.csv")
                + " has sha256 "), r::line);
        assertTrue(r.detail().contains(", the sources file says " + sha), r::line);
        assertTrue(r.detail().endsWith("list version 1 stays in force (1 failure)"), r::line);
        assertEquals(1, versions().size(), "nothing imported");
        assertTrue(store.fetchStates().get("US-CSL").orElseThrow().lastFailureReason().startsWith(
                "checksum mismatch"));
    }

    @Test
    void anOfacSetIsCheckedAgainstThePublishersHashFile() throws Exception {
        Path set = sampleOfacSet();
        String[] files = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
        StringBuilder hashes = new StringBuilder();
        for (String f : files) {
            publisher.put("/x/" + f.toUpperCase(Locale.ROOT), set.resolve(f));
            // as sha256sum writes it, the publisher's names in upper case
            hashes.append(org.exportguard.core.hash.Sha256.hex(Files.readAllBytes(set.resolve(f)))).append("  ")
                    .append(f.toUpperCase(Locale.ROOT)).append('\n');
        }
        publisher.put("/x/SHA256SUMS", hashes.toString());
        SourceSpec.Checksum published = new SourceSpec.Checksum(null, publisher.uri("/x/SHA256SUMS"));
        SourceSpec spec = withChecksums(new SourceSpec("OFAC-SDN", ListFormat.OFAC_CSV, java.util.Arrays.stream(files)
                .map(f -> new SourceSpec.SourceUrl(publisher.uri("/x/" + f.toUpperCase(Locale.ROOT)), f)).toList(),
                2, Duration.ofSeconds(20), 64L << 20, true), published, published, published, published);
        FetchResult r = fetcher.fetch(spec, false, ACTOR);
        assertEquals(FetchResult.Outcome.FETCHED, r.outcome(), r::line);

        // the alias file changes but the published hashes are the old ones (a file and hashes of different
        // publications, or a tampered file): refused, the version in force stays
        publisher.put("/x/ALT.CSV", Files.readString(set.resolve("alt.csv")) + "36,9999,\"aka\",\"NEW ALIAS\",-0-\n");
        r = fetcher.fetch(spec, false, ACTOR);
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("checksum mismatch: " + publisher.uri("/x/ALT.CSV") + " has sha256 "),
                r::line);
        assertTrue(r.detail().contains(", " + publisher.uri("/x/SHA256SUMS") + " says "), r::line);
        assertEquals(1, versions().size());
        FetchState s = store.fetchStates().get("OFAC-SDN").orElseThrow();
        assertEquals(1, s.consecutiveFailures());
        assertEquals(1L, s.confirmedVersionId(), "the last good version is still the one confirmed");

        // a hash file that names no digest for the file is a failure too, never a pass
        publisher.put("/x/SHA256SUMS", "see https://ofac.treasury.gov for the hash values\n");
        r = fetcher.fetch(spec, false, ACTOR);
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("checksum: the hash file " + publisher.uri("/x/SHA256SUMS")
                + " gives no SHA-256 for "), r::line);
        assertEquals(2, store.fetchStates().get("OFAC-SDN").orElseThrow().consecutiveFailures());
    }

    @Test
    void aFetchThatConfirmsAStaleSourceReDecidesTheDealsItsAgeMadeReview() throws Exception {
        String dpl = "Denied Persons List (DPL) - Bureau of Industry and Security";
        String sdn = "Specially Designated Nationals (SDN) - Treasury Department";
        publisher.put("/csl/consolidated.csv", CslCsv.text(List.of(
                CslCsv.entity("t-1", "Listed Party Number 1 Holdings"),
                CslCsv.entity("t-2", "Listed Party Number 2 Holdings").source(dpl),
                CslCsv.entity("t-3", "Listed Party Number 3 Holdings").source(sdn))));
        fetch(csl());
        desk.addDeals(List.of(DealJson.usSoftware("early", "Harmless Gadgets GmbH", "DE").json()), ACTOR);
        clock.advance(Duration.ofDays(2).plusHours(1)); // over the limit of 2 days
        desk.addDeals(List.of(DealJson.usSoftware("late", "Harmless Gadgets GmbH", "DE").json()), ACTOR);
        assertEquals("REVIEW", usEar("late"), "decided while the source was stale");
        assertEquals("CLEARED", usEar("early"));

        FetchResult r = fetch(csl()); // 304: the publisher's file is unchanged
        assertEquals(FetchResult.Outcome.UNCHANGED, r.outcome(), r::line);
        assertTrue(r.detail().contains("; it had gone stale: impact: re-decided 1 open deals, 0 changed outcome "
                + "(report "), r::line);
        assertEquals(2, store.deals().get("late").orElseThrow().decisions().size());
        assertEquals("CLEARED", usEar("late"), "current again: the stale-source REVIEW is lifted");
        assertEquals(1, store.deals().get("early").orElseThrow().decisions().size(),
                "decided before the source went stale: nothing to lift");
        assertEquals("list-age", JSON.readTree(r.imported().reportJson()).at("/change/kind").asText());

        clock.advance(Duration.ofHours(6));
        r = fetch(csl());
        assertEquals("US-CSL: unchanged: not modified since the last fetch (HTTP 304): list version 1 confirmed "
                + "current", r.line(), "current when confirmed: nothing to re-decide");
    }

    /** The US-EAR regime's outcome in deal {@code id}'s latest decision (no UN list here: that regime is REVIEW). */
    private String usEar(String id) throws Exception {
        var d = store.deals().get(id).orElseThrow().decisions();
        for (JsonNode reg : JSON.readTree(d.get(d.size() - 1).decisionJson()).get("regimes")) {
            if (reg.get("regime").asText().equals("US-EAR")) {
                return reg.get("outcome").asText();
            }
        }
        throw new AssertionError("no US-EAR regime");
    }

    @Test
    void aFileOfTheWrongFormatIsRefused() throws Exception {
        publisher.put("/csl/consolidated.csv", csl("Bar Logistics"));
        fetch(csl());
        publisher.put("/csl/consolidated.csv", SharedData.list("un-consolidated-2026-02-27.xml"));
        FetchResult r = fetch(csl());
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("wrong format: the file is un-xml (list UN-SC), US-CSL is published as "
                + "csl-csv"), r::line);
        publisher.put("/csl/consolidated.csv", "<html><body>Service unavailable</body></html>");
        r = fetch(csl());
        assertTrue(r.detail().startsWith("wrong format: " + publisher.uri("/csl/consolidated.csv")
                + " served an HTML page, not a list file (csl-csv; "), r::line);
        publisher.put("/csl/consolidated.csv", "Service unavailable, try later");
        r = fetch(csl());
        assertTrue(r.detail().startsWith("wrong format: " + publisher.uri("/csl/consolidated.csv")
                + ": "), r::line);
        assertTrue(r.detail().contains("unrecognised list format"), r::line);
        assertEquals(1, versions().size());
        assertEquals("US-CSL", versions().get(0).source());
    }

    @Test
    void aCompanionOfAnOfacSetThatIsNotOneRefusesTheSetRatherThanImportItWithoutAliases() throws Exception {
        Path set = SharedData.list("ofac-sdn-2021");
        publisher.put("/e/sdn.csv", set.resolve("sdn.csv")).put("/e/add.csv", set.resolve("add.csv"))
                .put("/e/alt.csv", "<html>maintenance</html>").put("/e/sdn_comments.csv", set.resolve("sdn_comments.csv"));
        FetchResult r = fetch(source("OFAC-SDN", ListFormat.OFAC_CSV, "/e/sdn.csv", "/e/add.csv", "/e/alt.csv",
                "/e/sdn_comments.csv"));
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("wrong format: " + publisher.uri("/e/alt.csv")
                + " served an HTML page, not a list file (ofac-csv; "), r::line);
        assertTrue(r.detail().endsWith("no version of OFAC-SDN is stored yet (1 failure)"), r::line);
        assertTrue(versions().isEmpty());
    }

    @Test
    void aListShrunkToTenEntriesIsRefusedUnlessAllowed() throws Exception {
        Path real = SharedData.list("un-consolidated-2026-02-27.xml");
        publisher.put("/un/consolidated.xml", real);
        fetch(un());
        publisher.put("/un/consolidated.xml", firstIndividuals(Files.readString(real, StandardCharsets.UTF_8), 10));
        FetchResult r = fetch(un());
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("refused: UN-SC: 10 entries where the version in force (1) has 1003: 99% "
                + "fewer, more than the 50% an import may drop; if the publisher really removed them, import with "
                + "--allow-shrink or a higher --max-shrink PERCENT (API: allowShrink=true or maxShrink=PERCENT); to fetch it anyway: lists fetch --source UN-SC "
                + "--allow-shrink; list version 1 stays in force"), r::line);
        assertEquals(1, versions().size());

        FetchResult allowed = fetcher.fetch(un(), true, ACTOR);
        assertEquals(FetchResult.Outcome.FETCHED, allowed.outcome(), allowed::line);
        assertTrue(allowed.detail().contains("(10 entries, sha256 "), allowed::line);
        assertTrue(allowed.detail().contains("shrink allowed: 10 entries where the version in force has 1003"),
                allowed::line);
        assertEquals(2, versions().size());
    }

    @Test
    void aFileWithNoEntriesIsNeverAFirstVersion() throws Exception {
        publisher.put("/csl/consolidated.csv", CslCsv.HEADER + "\n");
        FetchResult r = fetch(csl());
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("refused: US-CSL: the list holds no entries; an empty list is never "
                + "imported"), r::line);
        assertTrue(versions().isEmpty());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWhileItArrives() throws Exception {
        publisher.put("/un/consolidated.xml", SharedData.list("un-consolidated-2026-02-27.xml"));
        SourceSpec small = new SourceSpec("UN-SC", ListFormat.UN_XML, un().urls(), 2, Duration.ofSeconds(20),
                1L << 20, true);
        FetchResult r = fetch(small);
        assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
        assertTrue(r.detail().startsWith("larger than the limit of 1 MiB (maxMiB in the sources file)"), r::line);
        assertTrue(versions().isEmpty());
    }

    @Test
    void aPublisherThatIsNotThereIsAFailureNamingIt() throws Exception {
        publisher.put("/un/consolidated.xml", "x");
        SourceSpec missing = source("UN-SC", ListFormat.UN_XML, "/un/missing.xml");
        FetchResult r = fetch(missing);
        assertEquals("UN-SC: failed: HTTP 404 from " + publisher.uri("/un/missing.xml") + "; no version of UN-SC is "
                + "stored yet (1 failure)", r.line());
        assertNull(store.fetchStates().get("UN-SC").orElseThrow().confirmedAt());
    }

    /** The UN file cut to its first {@code n} individuals and no entities: a plausible-looking, gutted export. */
    static String firstIndividuals(String xml, int n) {
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = xml.indexOf("</INDIVIDUAL>", at) + "</INDIVIDUAL>".length();
        }
        return xml.substring(0, at) + "\n  </INDIVIDUALS>\n  <ENTITIES>\n  </ENTITIES>\n</CONSOLIDATED_LIST>\n";
    }
}
