package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.store.PostgresSchemas;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.Poll;
import org.exportguard.testkit.Prerequisite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several {@code serve} processes over one PostgreSQL behave as one service: what one stores the other reads, a
 * duplicate id is refused whichever process gets it, a user added from the CLI is accepted by both, a list imported
 * through one is screened by the other, and concurrent writes through both all land with an intact audit chain.
 * Runs against 127.0.0.1:5432 database {@code test} (or {@code EXPORTGUARD_TEST_PG_URL}) in a fresh schema; skips
 * when PostgreSQL is not there, except under CI (environment variable {@code CI} set), where it fails (the testkit's
 * rule).
 */
class TwoServeProcessesPostgresIT {
    static final String URL = System.getenv().getOrDefault("EXPORTGUARD_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path dir;

    private static void requirePostgres() {
        String why = null;
        try (Connection c = DriverManager.getConnection(URL + "&connectTimeout=5")) {
            c.isValid(5);
        } catch (SQLException e) {
            why = "PostgreSQL not reachable at " + URL + " (" + e.getMessage() + "); start it or set "
                    + "EXPORTGUARD_TEST_PG_URL";
        }
        if (why != null) {
            Prerequisite.unavailable(why);
        }
    }

    @Test
    void twoServersOverOnePostgresAreOneService() throws Exception {
        long started = System.currentTimeMillis();
        ServeProcs.jar();
        requirePostgres();
        String schema = "eg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        PostgresSchemas.create(URL, schema);
        String db = URL + "&currentSchema=" + schema;
        ServeProcs procs = new ServeProcs(dir);
        ServeProcs.Server a = null;
        ServeProcs.Server b = null;
        try {
            ServeProcs.Proc r = procs.exec("users", "add", "ana", "--role", "analyst", "--db", db);
            assertEquals(0, r.code(), r::toString);
            String analyst = r.lastLine();
            r = procs.exec("users", "add", "root", "--role", "admin", "--db", db);
            assertEquals(0, r.code(), r::toString);
            String admin = r.lastLine();
            r = procs.exec("users", "add", "appr", "--role", "approver", "--db", db);
            assertEquals(0, r.code(), r::toString);
            String approver = r.lastLine();

            a = procs.serve("--db", db);
            b = procs.serve("--db", db);
            String baseA = a.base();
            String baseB = b.base();
            HttpClient client = ServeProcs.client();

            // A deal stored through A is read through B; the same id through B is a duplicate.
            ServeProcs.Res res = ServeProcs.call(client, baseA, "POST", "/api/deals", analyst,
                    ServeProcs.deal("two-1", "Harbor Analytics Ltd", "GB"));
            assertEquals(201, res.status(), res.body());
            res = ServeProcs.call(client, baseB, "GET", "/api/deals/two-1", analyst, null);
            assertEquals(200, res.status(), res.body());
            assertEquals("two-1", Cli.json(res.body()).get("id").asText(), res.body());
            assertEquals(1, Cli.json(res.body()).get("decisions").size(), res.body());
            res = ServeProcs.call(client, baseB, "POST", "/api/deals", analyst,
                    ServeProcs.deal("two-1", "Harbor Analytics Ltd", "GB"));
            assertEquals(409, res.status(), res.body());

            // A user added from the CLI while both run is accepted by both (tokens are cached 2 s).
            r = procs.exec("users", "add", "late", "--role", "viewer", "--db", db);
            assertEquals(0, r.code(), r::toString);
            String late = r.lastLine();
            for (String base : List.of(baseA, baseB)) {
                int status = pollStatus(client, base, "GET", "/api/deals/two-1", late, null, 200, 5_000);
                assertEquals(200, status, "the new user's token on " + base);
            }

            // A list imported through A is screened by B (B watches the store every 2 s).
            String name = "Qorvantis Hydrophonic Consortium";
            String screen = "{\"name\":\"" + name + "\"}";
            res = ServeProcs.call(client, baseB, "POST", "/api/screen", analyst, screen);
            assertEquals(503, res.status(), "no lists in force yet: screening refuses: " + res.body());
            res = ServeProcs.call(client, baseA, "POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                    CslCsv.text(CslCsv.entity("el-77", name), CslCsv.entity("el-1", "NSO Group")), "text/csv");
            assertEquals(200, res.status(), res.body());
            assertTrue(Cli.json(res.body()).get("imported").asBoolean(), res.body());
            res = ServeProcs.call(client, baseA, "POST", "/api/screen", analyst, screen);
            assertTrue(Cli.json(res.body()).get("hits").size() > 0, "A screens its own import: " + res.body());
            // B checks the store every 2 s on its own clock, in its own process: poll it, with a deadline
            long t0 = System.currentTimeMillis();
            res = Poll.until(Duration.ofSeconds(10), Duration.ofMillis(200),
                    () -> ServeProcs.call(client, baseB, "POST", "/api/screen", analyst, screen),
                    x -> x.status() == 200 && Cli.json(x.body()).get("hits").size() > 0);
            long seenAfter = System.currentTimeMillis() - t0;
            assertEquals(200, res.status(), res.body());
            JsonNode hits = Cli.json(res.body()).get("hits");
            assertTrue(hits.size() > 0, "B did not pick up A's import within 10 s");
            assertTrue(res.body().contains(name), res.body());

            // Concurrent writes through both: all acknowledged, all present, readable from the other side.
            int perServer = 100;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Set<String> acked = ConcurrentHashMap.newKeySet();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Future<?>> futures = new ArrayList<>();
            long w0 = System.currentTimeMillis();
            try {
                for (String base : List.of(baseA, baseB)) {
                    String tag = base.equals(baseA) ? "a" : "b";
                    for (int i = 0; i < perServer; i++) {
                        String id = "cw-" + tag + "-" + i;
                        futures.add(pool.submit(() -> {
                            try {
                                ServeProcs.Res x = ServeProcs.call(client, base, "POST", "/api/deals", analyst,
                                        ServeProcs.deal(id, "Northwind Trading " + id, "DE"));
                                if (x.status() == 201) {
                                    acked.add(id);
                                } else {
                                    failures.add(id + " -> " + x.status() + " " + x.body());
                                }
                            } catch (Exception e) {
                                failures.add(id + " -> " + e);
                            }
                        }));
                    }
                }
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            long writeMs = System.currentTimeMillis() - w0;

            // The same new id sent to both at once: one 201, one 409, never a 500 or two deals.
            ExecutorService racers = Executors.newFixedThreadPool(2);
            int races = 20;
            try {
                for (int i = 0; i < races; i++) {
                    String id = "race-" + i;
                    String body = ServeProcs.deal(id, "Contoso Robotics " + i, "FR");
                    Future<ServeProcs.Res> fa = racers.submit(() -> ServeProcs.call(client, baseA, "POST",
                            "/api/deals", analyst, body));
                    Future<ServeProcs.Res> fb = racers.submit(() -> ServeProcs.call(client, baseB, "POST",
                            "/api/deals", analyst, body));
                    ServeProcs.Res ra = fa.get(60, TimeUnit.SECONDS);
                    ServeProcs.Res rb = fb.get(60, TimeUnit.SECONDS);
                    List<Integer> got = new ArrayList<>(List.of(ra.status(), rb.status()));
                    got.sort(null);
                    assertEquals(List.of(201, 409), got, id + ": A " + ra.status() + " " + ra.body() + " / B "
                            + rb.status() + " " + rb.body());
                    ServeProcs.Res x = ServeProcs.call(client, baseA, "GET", "/api/deals/" + id, analyst, null);
                    assertEquals(1, Cli.json(x.body()).get("decisions").size(), x.body());
                }
            } finally {
                racers.shutdownNow();
            }
            assertTrue(failures.isEmpty(), () -> failures.size() + " writes failed, e.g. "
                    + failures.subList(0, Math.min(5, failures.size())));
            assertEquals(2 * perServer, acked.size());
            int present = 0;
            for (String id : acked) {
                String other = id.startsWith("cw-a-") ? baseB : baseA;
                ServeProcs.Res x = ServeProcs.call(client, other, "GET", "/api/deals/" + id, analyst, null);
                assertEquals(200, x.status(), id + ": " + x.body());
                assertEquals(1, Cli.json(x.body()).get("decisions").size(), x.body());
                present++;
            }
            JsonNode verifyA = Cli.json(ServeProcs.call(client, baseA, "GET", "/api/audit/verify", approver, null)
                    .body());
            JsonNode verifyB = Cli.json(ServeProcs.call(client, baseB, "GET", "/api/audit/verify", approver, null)
                    .body());
            assertTrue(verifyA.get("intact").asBoolean(), verifyA::toString);
            assertTrue(verifyB.get("intact").asBoolean(), verifyB::toString);
            r = procs.exec("audit", "verify", "--db", db);
            assertEquals(0, r.code(), r::toString);
            for (ServeProcs.Server s : List.of(a, b)) {
                String err = s.errText();
                assertTrue(!err.contains("\tat ") && !err.contains("internal error")
                        && !err.contains("list check failed"), "server log: " + err);
            }
            System.out.println("TwoServeProcessesPostgresIT: B screened A's import after " + seenAfter
                    + " ms; concurrent writes " + acked.size() + " acknowledged, " + present + " present, in "
                    + writeMs + " ms; " + races + " same-id races each one 201 + one 409; audit A " + verifyA + "; CLI: " + r.out().strip() + "; "
                    + (System.currentTimeMillis() - started) / 1000 + " s");
        } finally {
            ServeProcs.kill(a);
            ServeProcs.kill(b);
            PostgresSchemas.drop(URL, schema);
        }
    }

    /** Another process's token cache (2 s) has to expire: ask until the answer is {@code want} or time is up. */
    private static int pollStatus(HttpClient client, String base, String method, String path, String token,
                                  String body, int want, long ms) throws Exception {
        return Poll.until(Duration.ofMillis(ms), Duration.ofMillis(200),
                () -> ServeProcs.call(client, base, method, path, token, body).status(), s -> s == want);
    }
}
