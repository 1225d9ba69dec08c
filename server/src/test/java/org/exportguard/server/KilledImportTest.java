package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.service.impact.ChangeImpact;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.Poll;
import org.exportguard.testkit.PostgresSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.exportguard.server.CslFixtures.BLOCKED;
import static org.exportguard.server.CslFixtures.DENIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list import killed with SIGKILL after it stored its version and before it ran its impact (a real child process,
 * stopped there by the import's crash-test pause, then {@code kill -9}) is finished by a server that was running all
 * along, without a restart: its watch sees the version in force without a report and re-decides the open deals it
 * touches. Before, every server stayed stale until a restart or the next import.
 */
class KilledImportTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @AfterAll
    static void dropSchemas() {
        PostgresSchemas.dropSchemas();
    }

    @Test
    void sqlite() throws Exception {
        run(StoreLocation.sqlite(dir.resolve("data")), "sqlite:" + dir.resolve("data"));
    }

    @Test
    void postgres() throws Exception {
        String url = PostgresSchemas.freshSchemaUrl("eg_kill_");
        run(StoreLocation.postgres(url), "postgres:" + url);
    }

    void run(StoreLocation location, String childArg) throws Exception {
        long t0 = System.nanoTime();
        Store store = Store.open(location);
        String admin = store.users().add("ada", Role.ADMIN, "test");
        String analyst = store.users().add("ann", Role.ANALYST, "test");
        StoreServer server = StoreServer.start(ServerConfig.defaults().withPort(0), store, 1 << 20, "test",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(200, call(server, "POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                    CslCsv.text(DENIED, BLOCKED, CslCsv.entity("el-1", "NSO Group"))).statusCode());
            String deal = DealJson.usSoftware("d-1", "Quillon Vantablack Systems", "IL").json();
            assertEquals(201, call(server, "POST", "/api/deals", analyst, deal).statusCode());
            assertEquals("CLEARED", outcome(server, analyst));

            // another process imports a version listing the deal's end user, and is killed before its impact
            Path file = CslCsv.write(dir.resolve("v2.csv"), DENIED, BLOCKED, CslCsv.entity("el-1", "NSO Group"),
                    CslCsv.entity("el-2", "Quillon Vantablack Systems"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-D" + ChangeImpact.PAUSE_PROPERTY + "=600000", "-cp", classPath(),
                    KilledImportChild.class.getName(), childArg, file.toString()));
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        out.append(line).append('\n');
                        if (line.contains("test hook: list versions stored")) {
                            return true;
                        }
                    }
                } catch (java.io.IOException e) {
                    out.append(e);
                }
                return false;
            });
            boolean reached;
            try {
                reached = paused.get(120, TimeUnit.SECONDS);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally of the child runs
                child.waitFor(30, TimeUnit.SECONDS);
            }
            assertTrue(reached, "the child reached the pause after storing its version: " + out);
            assertEquals(137, child.exitValue(), "killed by SIGKILL: " + out);
            assertEquals(2, store.lists().versions().history().size(), "the version was stored");

            // the running server finishes the impact on its own (within its grace period and a few checks)
            String after = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250), () -> outcome(server, analyst),
                    o -> !o.equals("CLEARED"));
            assertTrue(!after.equals("CLEARED"), "re-decided against the new version by the running server");
            JsonNode shown = Json.MAPPER.readTree(call(server, "GET", "/api/deals/d-1", analyst, null).body());
            JsonNode last = shown.get("decisions").get(shown.get("decisions").size() - 1);
            assertTrue(last.get("reason").asText().startsWith("list US-CSL version 2"), last.toString());
            assertTrue(server.desk().unfinishedImpacts().isEmpty(), server.desk().unfinishedImpacts().toString());
            JsonNode impact = Json.MAPPER.readTree(call(server, "GET", "/api/impact", analyst, null).body());
            assertEquals(2, impact.at("/change/version").asLong(), impact.toString());
            assertEquals(1, impact.at("/change/previousVersion").asLong(), impact.toString());
            assertTrue(store.audit().verify().intact());
            System.out.println("KilledImportTest " + location.kind() + ": finished by the running server in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms in all");
        } finally {
            server.close();
            store.close();
        }
    }

    /** The US-EAR regime's outcome in the deal's current decision (no UN list is loaded: that regime is REVIEW). */
    static String outcome(StoreServer server, String token) throws Exception {
        JsonNode d = Json.MAPPER.readTree(call(server, "GET", "/api/deals/d-1", token, null).body()).get("decisions");
        return StoreApiTest.usRegime(d.get(d.size() - 1).get("decision"));
    }

    static HttpResponse<String> call(StoreServer server, String method, String path, String token, String body)
            throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.api().uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).build();
        return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
