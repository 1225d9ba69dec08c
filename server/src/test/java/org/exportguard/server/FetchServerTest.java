package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.lists.ListFormat;
import org.exportguard.service.Desk;
import org.exportguard.service.fetch.Downloader;
import org.exportguard.service.fetch.FetchResult;
import org.exportguard.service.fetch.ListFetcher;
import org.exportguard.service.fetch.Refresher;
import org.exportguard.service.fetch.SourceSpec;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.ListPublisher;
import org.exportguard.testkit.Poll;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fetching lists beside a running server over the same store: a failed fetch (timeout, HTTP 500, truncated body,
 * wrong format, a list shrunk to 10 entries) leaves the served version in force, {@code /api/screen} still answers
 * with it, and {@code /health} (still 200) says which source failed and why; the refresher of
 * {@code serve --refresh} picks a changed publisher file up without a restart. The publisher is local
 * ({@link ListPublisher}); the store is SQLite.
 */
class FetchServerTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    Store store;
    StoreServer server;
    ListPublisher publisher;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream logStream;
    String viewer;

    @BeforeEach
    void up() throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        viewer = store.users().add("vic", Role.VIEWER, "test");
        logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000), store,
                1 << 20, "test", logStream);
        publisher = ListPublisher.start();
    }

    @AfterEach
    void down() {
        publisher.close();
        server.close();
        store.close();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.api().uri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /**
     * The sources of the hits {@code /api/screen} gives for {@code name}: none while the store holds no lists yet
     * (the call answers 503 saying so), else the call must answer 200.
     */
    private List<String> screen(String name) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(server.api().uri() + "/api/screen"))
                .header("Authorization", "Bearer " + viewer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 503 && r.body().contains("no lists are in force")) {
            return List.of();
        }
        assertEquals(200, r.statusCode(), r.body());
        List<String> sources = new java.util.ArrayList<>();
        Json.MAPPER.readTree(r.body()).get("hits").forEach(h -> sources.add(h.get("source").asText()));
        return sources;
    }

    private SourceSpec spec(String id, ListFormat format, String path) {
        return new SourceSpec(id, format, List.of(new SourceSpec.SourceUrl(publisher.uri(path),
                path.substring(path.lastIndexOf('/') + 1))), 2, Duration.ofSeconds(20), 64L << 20, true);
    }

    @Test
    void aFailedFetchChangesNothingTheServerStillAnswersAndHealthSaysWhy() throws Exception {
        String path = "/un/consolidated.xml";
        Path real = SharedData.list("un-consolidated-2026-02-27.xml");
        publisher.put(path, real);
        SourceSpec un = spec("UN-SC", ListFormat.UN_XML, path);
        // as `lists fetch` in another process: its own desk over the same store
        ListFetcher fetcher = new ListFetcher(new Desk(store), new Downloader(Duration.ofSeconds(5)));
        FetchResult first = fetcher.fetch(un, false, "test");
        assertEquals(FetchResult.Outcome.FETCHED, first.outcome(), first::line);
        assertEquals(List.of("UN-SC"), Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> screen("Al-Qaida").stream().distinct().toList(), s -> s.contains("UN-SC")),
                "the server picks the fetched version up");
        JsonNode ok = get("/health").get("sources").get("UN-SC");
        assertEquals("ok", ok.get("status").asText());
        assertEquals(1, ok.get("confirmedVersion").asInt());

        String text = Files.readString(real, StandardCharsets.UTF_8);
        Map<String, Runnable> failures = new LinkedHashMap<>();
        failures.put("timeout: no answer from", () -> publisher.put(path, text + " ").mode(path, ListPublisher.Mode.HANG));
        failures.put("HTTP 500 from", () -> publisher.mode(path, ListPublisher.Mode.ERROR_500));
        failures.put("truncated download from", () -> publisher.mode(path, ListPublisher.Mode.TRUNCATE));
        failures.put("wrong format: the file is csl-csv", () -> publisher.mode(path, ListPublisher.Mode.NORMAL)
                .put(path, CslCsv.text(CslCsv.entity("el-1", "NSO Group"))));
        failures.put("refused: UN-SC: 10 entries where the version in force (1) has 1003", () -> publisher.put(path,
                text.substring(0, nthEnd(text, "</INDIVIDUAL>", 10))
                        + "\n  </INDIVIDUALS>\n  <ENTITIES>\n  </ENTITIES>\n</CONSOLIDATED_LIST>\n"));
        // the timeout case waits a second for an answer; the others allow for a busy machine
        SourceSpec impatient = new SourceSpec(un.id(), un.format(), un.urls(), 2, Duration.ofSeconds(1),
                un.maxBytes(), true);
        int n = 0;
        for (Map.Entry<String, Runnable> f : failures.entrySet()) {
            f.getValue().run();
            FetchResult r = fetcher.fetch(f.getKey().startsWith("timeout") ? impatient : un, false, "test");
            n++;
            assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
            assertTrue(r.detail().startsWith(f.getKey()), r::line);
            assertEquals(1, store.lists().versions().history().size(), "nothing imported: " + r.line());
            assertTrue(screen("Al-Qaida").contains("UN-SC"), "the server still screens version 1: " + r.line());
            JsonNode health = get("/health");
            assertEquals("ok", health.get("status").asText(), "health reports, it does not fail");
            JsonNode s = health.get("sources").get("UN-SC");
            assertEquals("failing", s.get("status").asText());
            assertEquals(n, s.get("consecutiveFailures").asInt());
            assertTrue(s.get("lastFailureReason").asText().startsWith(f.getKey()), s::toString);
            assertEquals(ok.get("lastSuccess"), s.get("lastSuccess"), "the last success stays as it was");
            assertEquals(1, s.get("confirmedVersion").asInt());
        }

        // a download that disagrees with the checksum its sources file names, and an HTML page where the list
        // should be: failures like the others, visible in /health
        SourceSpec checked = new SourceSpec(un.id(), un.format(), List.of(new SourceSpec.SourceUrl(
                un.urls().get(0).uri(), un.urls().get(0).file(), new SourceSpec.Checksum(
                org.exportguard.core.hash.Sha256.hex(Files.readAllBytes(real)), null))), 2,
                Duration.ofSeconds(20), un.maxBytes(), true);
        publisher.put(path, text.replace("</CONSOLIDATED_LIST>", "<!-- edited --></CONSOLIDATED_LIST>"));
        Map<String, SourceSpec> more = new LinkedHashMap<>();
        more.put("checksum mismatch: " + publisher.uri(path) + " has sha256 ", checked);
        more.put("wrong format: " + publisher.uri(path) + " served an HTML page", un);
        for (Map.Entry<String, SourceSpec> f : more.entrySet()) {
            if (f.getKey().contains("HTML")) {
                publisher.put(path, "<!DOCTYPE html><html><body>The list has moved</body></html>");
            }
            FetchResult r = fetcher.fetch(f.getValue(), false, "test");
            n++;
            assertEquals(FetchResult.Outcome.FAILED, r.outcome(), r::line);
            assertTrue(r.detail().startsWith(f.getKey()), r::line);
            assertEquals(1, store.lists().versions().history().size(), "nothing imported: " + r.line());
            assertTrue(screen("Al-Qaida").contains("UN-SC"), "the server still screens version 1: " + r.line());
            JsonNode s = get("/health").get("sources").get("UN-SC");
            assertEquals(n, s.get("consecutiveFailures").asInt());
            assertTrue(s.get("lastFailureReason").asText().startsWith(f.getKey()), s::toString);
        }
    }

    @Test
    void theRefresherPicksAChangedFileUpWithoutARestartAndRetriesAFailure() throws Exception {
        String path = "/csl/consolidated.csv";
        publisher.put(path, CslCsv.text(CslCsv.entity("el-1", "NSO Group")));
        SourceSpec csl = spec("US-CSL", ListFormat.CSL_CSV, path);
        ListFetcher fetcher = new ListFetcher(server.desk(), new Downloader(Duration.ofSeconds(5)));
        try (Refresher r = Refresher.start(fetcher, List.of(csl), Duration.ofSeconds(1), "test", logStream)) {
            assertTrue(Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> screen("NSO Group"),
                    s -> s.contains("US-CSL")).contains("US-CSL"), log::toString);
            assertTrue(screen("Saito Tech Ltd.").isEmpty());

            publisher.mode(path, ListPublisher.Mode.ERROR_500);
            Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200), log::toString,
                    l -> l.contains("US-CSL: failed: HTTP 500"));
            assertTrue(log.toString().contains("; retry 1 in 1s"), log::toString);
            assertTrue(screen("NSO Group").contains("US-CSL"), "a failing refresh never stops the server");

            publisher.mode(path, ListPublisher.Mode.NORMAL).put(path, CslCsv.text(CslCsv.entity("el-1", "NSO Group"),
                    CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd.")));
            List<String> hit = Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> screen("Saito Tech Ltd."), s -> s.contains("US-CSL"));
            assertTrue(hit.contains("US-CSL"), log::toString);
        }
        assertEquals(2, store.lists().versions().history().size());
        assertEquals("ok", get("/health").get("sources").get("US-CSL").get("status").asText());
        String l = log.toString();
        assertTrue(l.contains("exportguard: refresh US-CSL: fetched: list version 1 imported"), l);
        assertTrue(l.contains("exportguard: refresh US-CSL: unchanged: not modified since the last fetch (HTTP 304)"),
                l);
        assertTrue(l.contains("exportguard: refresh US-CSL: fetched: list version 2 imported"), l);
        assertTrue(l.contains("; next in 1s"), l);
    }

    private static int nthEnd(String s, String tag, int n) {
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(tag, at) + tag.length();
        }
        return at;
    }
}
