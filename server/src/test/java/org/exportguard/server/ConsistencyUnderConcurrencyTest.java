package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.DecisionHits;
import org.exportguard.service.ConfirmedDispositions;
import org.exportguard.service.DecisionDay;
import org.exportguard.service.InForce;
import org.exportguard.service.InForceCache;
import org.exportguard.store.ListEvent;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.StoredDecision;
import org.exportguard.store.VersionInfo;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.PostgresSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.exportguard.server.CslFixtures.BLOCKED;
import static org.exportguard.server.CslFixtures.DENIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One transaction per change (issue 13, part 3), over real HTTP: two servers over one store (one SQLite file, or one
 * PostgreSQL schema), many threads replacing a handful of deals through both while list versions of ONE source are
 * imported through both at once. Afterwards every open deal's current decision must be the decision of its stored
 * JSON (its hits name the parties it holds now) against the list versions in force (no deal decided against a
 * superseded version), and every list version's impact report must name the version its event really superseded.
 * Before, a deal update and its decision were two transactions, and two imports could both diff against one version.
 */
class ConsistencyUnderConcurrencyTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final int DEALS = 4;
    static final int THREADS = 8;
    static final int PUTS_PER_THREAD = 15;
    static final int IMPORTS_PER_SERVER = 4;
    /** Names a deal's end user takes: listed in some list versions and not in others. */
    static final List<String> NAMES = List.of("Quillon Vantablack Systems", "Marrowgate Cyber Holdings",
            "Oxbridge Tessellate Labs", "Pellucid Harrowmere Ltd", "Saxifrage Ironbark Trading",
            "Wexford Lanternfish Group");

    @TempDir
    Path dir;

    @AfterAll
    static void dropSchemas() {
        PostgresSchemas.dropSchemas();
    }

    @Test
    void sqliteTwoServersConcurrentPutsAndImports() throws Exception {
        run(StoreLocation.sqlite(dir.resolve("data")));
    }

    @Test
    void postgresTwoServersConcurrentPutsAndImports() throws Exception {
        run(StoreLocation.postgres(PostgresSchemas.freshSchemaUrl("eg_tx_")));
    }

    /** A CSL version listing the names of {@code mask}'s set bits (and always the DPL and SDN rows). */
    static String csl(int mask, int serial) {
        List<CslCsv.Entry> rows = new ArrayList<>(List.of(DENIED, BLOCKED,
                CslCsv.entity("serial-" + serial, "Version Marker " + serial + " Kestrelwood")));
        for (int i = 0; i < NAMES.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                rows.add(CslCsv.entity("el-" + i, NAMES.get(i)));
            }
        }
        return CslCsv.text(rows);
    }

    static String deal(String id, String endUser) {
        return DealJson.usSoftware(id, endUser, "IL").json();
    }

    void run(StoreLocation location) throws Exception {
        Store storeA = Store.open(location);
        Store storeB = Store.open(location);
        String admin = storeA.users().add("ada", Role.ADMIN, "test");
        String analyst = storeA.users().add("ann", Role.ANALYST, "test");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ServerConfig cfg = ServerConfig.defaults().withPort(0).withRate(100_000, 100_000);
        StoreServer a = StoreServer.start(cfg, storeA, 1 << 20, "test", quiet);
        StoreServer b = StoreServer.start(cfg, storeB, 1 << 20, "test", quiet);
        try {
            List<StoreServer> servers = List.of(a, b);
            assertEquals(200, call(a, "POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                    csl(0b000111, 0)).status());
            for (int d = 0; d < DEALS; d++) {
                Res r = call(servers.get(d % 2), "POST", "/api/deals", analyst, deal("d-" + d, NAMES.get(d)));
                assertEquals(201, r.status(), r.body());
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    Random rnd = new Random(thread);
                    for (int i = 0; i < PUTS_PER_THREAD; i++) {
                        String id = "d-" + rnd.nextInt(DEALS);
                        String name = NAMES.get(rnd.nextInt(NAMES.size()));
                        Res r = call(servers.get(rnd.nextInt(2)), "PUT", "/api/deals/" + id, analyst, deal(id, name));
                        if (r.status() != 200) {
                            failures.add("PUT " + id + ": " + r.status() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (int s = 0; s < 2; s++) {
                StoreServer server = servers.get(s);
                int side = s;
                work.add(pool.submit(() -> {
                    Random rnd = new Random(100 + side);
                    for (int i = 0; i < IMPORTS_PER_SERVER; i++) {
                        int serial = 1 + side * 100 + i;
                        Res r = call(server, "POST", "/api/lists?source=US-CSL&filename=csl.csv&allowShrink=true",
                                admin, csl(rnd.nextInt(1 << NAMES.size()), serial));
                        if (r.status() != 200) {
                            failures.add("import " + serial + ": " + r.status() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertTrue(failures.isEmpty(), failures.toString());
            assertTrue(a.desk().unfinishedImpacts().isEmpty(), a.desk().unfinishedImpacts().toString());
            assertConsistent(storeA);
            assertEachImportDiffedAgainstItsPredecessor(storeA, location);
            assertTrue(storeA.audit().verify().intact());
        } finally {
            a.close();
            b.close();
            storeA.close();
            storeB.close();
        }
    }

    /** Every open deal's latest decision is its stored JSON's, against the versions in force. */
    static void assertConsistent(Store store) throws Exception {
        InForce fresh = new InForceCache(store).current(); // loaded anew: nothing shared with the servers
        List<Long> inForce = fresh.listVersionIds();
        DealParser parser = new DealParser(fresh.pack());
        List<String> bad = new ArrayList<>();
        for (int d = 0; d < DEALS; d++) {
            StoredDeal s = store.deals().get("d-" + d).orElseThrow();
            StoredDecision last = s.decisions().get(s.decisions().size() - 1);
            Deal deal = parser.parse(s.deal().json());
            Decision expected = DecisionDay.decide(fresh.evaluator(), deal,
                    ConfirmedDispositions.of(store.dispositions().forDeal(s.deal().id()), s.revision()));
            String party = s.deal().partyNames().get(s.deal().partyNames().size() - 1);
            if (!last.listVersionIds().equals(inForce)) {
                bad.add(s.deal().id() + " decided against list versions " + last.listVersionIds() + ", in force: "
                        + inForce + " (" + last.reason() + ")");
            }
            if (!expected.outcome().name().equals(s.outcome())
                    || !DecisionHits.of(expected.toJson()).equals(DecisionHits.of(last.decisionJson()))) {
                bad.add(s.deal().id() + " holds end user '" + party + "' but its decision (" + last.reason()
                        + ", " + s.outcome() + ") has hits " + DecisionHits.of(last.decisionJson()) + "; its own: "
                        + expected.outcome() + " " + DecisionHits.of(expected.toJson()));
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    /**
     * Each list event with a report: the report's previous version is that of the event before it (in the order
     * they took effect), the version it really superseded; and the event in force has its report.
     */
    static void assertEachImportDiffedAgainstItsPredecessor(Store store, StoreLocation location) throws Exception {
        List<ListEvent> events = new ArrayList<>(store.lists().events());
        events.sort((x, y) -> x.effectiveDate().equals(y.effectiveDate()) ? Long.compare(x.id(), y.id())
                : x.effectiveDate().compareTo(y.effectiveDate()));
        Map<Long, JsonNode> reports = new HashMap<>();
        try (Connection c = DriverManager.getConnection(location.jdbcUrl());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT list_event_id, report_json FROM change_report WHERE list_event_id IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reports.put(rs.getLong(1), Json.MAPPER.readTree(rs.getString(2)));
            }
        }
        Map<String, VersionInfo> inForce = new TreeMap<>(store.lists().inForce());
        ListEvent current = store.lists().inForceEvents(store.lists().today()).get("US-CSL");
        assertTrue(reports.containsKey(current.id()), "the event in force has its report: " + reports.keySet());
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < events.size(); i++) {
            JsonNode report = reports.get(events.get(i).id());
            if (report == null) {
                continue; // overtaken before its impact ran: the next event's impact covers what it changed
            }
            long previous = report.at("/change/previousVersion").asLong(-1);
            if (previous != events.get(i - 1).versionId()) {
                bad.add("event " + events.get(i).id() + " (version " + events.get(i).versionId() + ") diffed against "
                        + "version " + previous + ", but it superseded version " + events.get(i - 1).versionId());
            }
        }
        assertTrue(bad.isEmpty(), bad + " in force " + inForce);
    }

    record Res(int status, String body) {
    }

    static Res call(StoreServer server, String method, String path, String token, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.api().uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<String> res = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        return new Res(res.statusCode(), res.body());
    }
}
