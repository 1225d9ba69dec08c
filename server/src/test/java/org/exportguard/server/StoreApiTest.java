package org.exportguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;
import org.exportguard.policy.eval.DecisionHits;
import org.exportguard.policy.eval.ListMatch;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.exportguard.server.CslFixtures.BLOCKED;
import static org.exportguard.server.CslFixtures.DENIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store-backed API over real HTTP on a real SQLite store: tokens from the users table, deals stored and decided,
 * a list import with its change impact, and every change in the audit chain under the caller's name. Each test has
 * a store and a server of its own, so none depends on what another did before it; the token cache runs on a clock
 * the test moves.
 */
class StoreApiTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final long MAX_IMPORT = 64 * 1024;

    @TempDir
    Path dir;
    Store store;
    StoreServer server;
    final TestClock clock = new TestClock();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    String admin, analyst, approver, approver2, viewer;

    @BeforeEach
    void up() throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        admin = store.users().add("ada", Role.ADMIN, "test");
        analyst = store.users().add("ann", Role.ANALYST, "test");
        approver = store.users().add("abe", Role.APPROVER, "test");
        approver2 = store.users().add("amy", Role.APPROVER, "test");
        viewer = store.users().add("vic", Role.VIEWER, "test");
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000)
                        .withTicker(clock.ticker()), store, MAX_IMPORT, "test",
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void down() {
        server.close();
        store.close();
    }

    record Res(int status, String body) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(body);
        }
    }

    Res call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.api().uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), r.body());
        return new Res(r.statusCode(), r.body());
    }

    /** A US exporter's EAR99 software to one end user in 2027: an open deal. */
    static String deal(String id, String endUser, String country) {
        return DealJson.usSoftware(id, endUser, country).json();
    }

    static String csl(CslCsv.Entry... entries) {
        return CslCsv.text(entries);
    }

    static final CslCsv.Entry CANDIRU = CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd.");
    static final CslCsv.Entry NSO = CslCsv.entity("el-1", "NSO Group");
    /** Rows of the other sub-lists US-EAR needs, so that a CSL file with them screens all of its lists. */

    @Test
    void tokensComeFromTheUsersTableAndRolesAreEnforced() throws Exception {
        assertEquals(401, call("GET", "/api/lists", null, null).status());
        assertEquals(401, call("GET", "/api/lists", "eg_not-a-token", null).status());
        assertEquals(200, call("GET", "/api/lists", viewer, null).status());
        assertEquals(403, call("POST", "/api/deals", viewer, deal("d-v", "Someone Ltd", "DE")).status());
        assertEquals(403, call("POST", "/api/lists", analyst, csl(NSO)).status());
        assertEquals(403, call("GET", "/api/audit", analyst, null).status());

        String temp = store.users().add("tess", Role.VIEWER, "test");
        assertEquals(200, call("GET", "/api/lists", temp, null).status());
        store.users().revoke("tess", "test");
        assertEquals(200, call("GET", "/api/lists", temp, null).status(), "the answer is cached for 2 s");
        clock.advance(Duration.ofMillis(StoreServer.TOKEN_CACHE_MILLIS));
        assertEquals(401, call("GET", "/api/lists", temp, null).status(), "a revoked token stops working");
    }

    /**
     * Fail closed (issue 13): a store without lists is not screened against the shipped samples. Screening refuses
     * (503, saying what to do) rather than answer "no hits"; a deal is decided REVIEW naming the missing lists.
     */
    @Test
    void aStoreWithoutListsRefusesScreeningAndDecidesDealsReview() throws Exception {
        Res r = call("POST", "/api/screen", viewer, "{\"name\":\"Banco Nacional de Cuba\"}");
        assertEquals(503, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("no lists are in force"), r.body());
        r = call("POST", "/api/deals", analyst,
                DealJson.usSoftware("d-empty", "Harmless Widgets GmbH", "DE").json());
        assertEquals(201, r.status(), r.body());
        assertEquals("REVIEW", r.json().get("outcome").asText(), r.body());
        assertTrue(r.body().contains("was not among the loaded lists"), r.body());
    }

    /** Admins manage users over HTTP: the new token works at once, a revoked one stops within the cache time. */
    @Test
    void adminsAddAndRevokeUsersAndTheirTokensWorkAtOnce() throws Exception {
        assertEquals(403, call("POST", "/api/users", approver, "{\"name\":\"zed\",\"role\":\"viewer\"}").status());
        Res r = call("POST", "/api/users", admin, "{\"name\":\"zed\",\"role\":\"chief\"}");
        assertEquals(400, r.status(), r.body());
        assertEquals("role", r.json().get("field").asText(), r.body());
        r = call("POST", "/api/users", admin, "{\"name\":\"zed\",\"role\":\"viewer\"}");
        assertEquals(201, r.status(), r.body());
        String token = r.json().get("token").asText();
        assertEquals(200, call("GET", "/api/lists", token, null).status());
        assertEquals(409, call("POST", "/api/users", admin, "{\"name\":\"zed\",\"role\":\"admin\"}").status());
        r = call("GET", "/api/users", admin, null);
        assertTrue(r.body().contains("\"zed\"") && !r.body().contains(token), "listed, never its token: " + r.body());
        assertEquals(200, call("POST", "/api/users/zed/revoke", admin, null).status());
        assertEquals(409, call("POST", "/api/users/zed/revoke", admin, null).status());
        assertEquals(404, call("POST", "/api/users/nobody/revoke", admin, null).status());
        clock.advance(Duration.ofMillis(StoreServer.TOKEN_CACHE_MILLIS));
        assertEquals(401, call("POST", "/api/screen", token, "{\"name\":\"x\"}").status());
        List<String> seen = new ArrayList<>();
        call("GET", "/api/audit?limit=1000", admin, null).json().get("records")
                .forEach(x -> seen.add(x.get("actor").asText() + " " + x.get("action").asText() + " "
                        + x.get("subject").asText()));
        assertTrue(seen.contains("api:ada users.add zed") && seen.contains("api:ada users.revoke zed"),
                seen.toString());
    }

    /**
     * Every screen answer and decision names the sources screened, over the store: the stored version, its hash
     * and import time, its age, and the CSL's sub-lists; a name without hits too. The OpenAPI document says so.
     */
    @Test
    void screenAnswersAndDecisionsNameTheListSourcesScreened() throws Exception {
        Res r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl(CANDIRU, NSO));
        assertEquals(200, r.status(), r.body());
        JsonNode version = r.json().get("version");
        for (String name : List.of("NSO Group", "Nobody In Particular")) {
            r = call("POST", "/api/screen", viewer, "{\"name\":\"" + name + "\"}");
            assertEquals(200, r.status(), r.body());
            JsonNode lists = r.json().get("lists");
            assertEquals(1, lists.size(), r.body());
            JsonNode csl = lists.get(0);
            assertEquals("US-CSL", csl.get("source").asText(), r.body());
            assertEquals(version.get("id").asLong(), csl.get("version").asLong(), r.body());
            assertEquals(version.get("sha256").asText(), csl.get("sha256").asText(), r.body());
            assertEquals(version.get("importedAt").asText(), csl.get("importedAt").asText(), r.body());
            assertTrue(csl.get("effective").isNull(), r.body());
            assertTrue(csl.get("ageDays").asDouble() < 0.01, r.body());
            assertEquals("[\"" + CslCsv.ENTITY_LIST + "\"]", csl.get("subLists").toString(), r.body());
        }
        r = call("POST", "/api/deals", analyst, deal("d-cov", "Kyoto Data Systems KK", "JP"));
        assertEquals(201, r.status(), r.body());
        JsonNode decided = r.json().get("decision").get("lists");
        assertEquals("US-CSL", decided.get(0).get("source").asText(), r.body());
        assertEquals(version.get("sha256").asText(), decided.get(0).get("sha256").asText(), r.body());
        assertTrue(r.body().contains("the Denied Persons List was not screened"), "an Entity List file alone "
                + "screens no DPL: " + r.body());

        JsonNode paths = call("GET", "/openapi.json", null, null).json().get("paths");
        JsonNode screened = paths.at("/~1api~1screen/post/responses/200/content/application~1json/schema/properties"
                + "/lists/items/properties");
        for (String key : List.of("source", "version", "sha256", "effective", "importedAt", "ageDays", "subLists")) {
            assertTrue(screened.has(key), key + " undocumented: " + screened);
        }
        assertTrue(paths.at("/~1api~1deals/post/responses/200/content/application~1json/schema/properties/decision"
                + "/properties/lists/items/properties").has("ageDays"), paths.at("/~1api~1deals/post").toString());
    }

    @Test
    void theOpenApiDocumentListsTheStoreRoutesWithTheirRoles() throws Exception {
        JsonNode paths = call("GET", "/openapi.json", null, null).json().get("paths");
        assertEquals("analyst", paths.at("/~1api~1deals/post/x-min-role").asText(), paths.toString());
        assertEquals("viewer", paths.at("/~1api~1deals~1{id}/get/x-min-role").asText());
        assertEquals("admin", paths.at("/~1api~1lists/post/x-min-role").asText());
        assertTrue(paths.at("/~1api~1lists/post/requestBody/content").has("application/octet-stream"));
        assertEquals("approver", paths.at("/~1api~1audit/get/x-min-role").asText());
        assertTrue(paths.has("/api/impact"));
        assertTrue(paths.at("/~1api~1deals/post/responses").has("409"), "handler answers are documented too");
        assertTrue(paths.at("/~1api~1deals~1{id}~1dispositions~1{dispositionId}~1confirm/post/responses/403/description")
                .asText().contains("four eyes"));
    }

    /**
     * The queue over HTTP: the regime filter takes the policy's regimes (in any case), sorts go both ways and page by
     * cursor, and every bad filter or sort is a 400 naming its field.
     */
    @Test
    void theDealQueueFiltersByRegimeSortsBothWaysAndRefusesBadParameters() throws Exception {
        assertEquals(201, call("POST", "/api/deals", analyst, deal("d-us", "Harbor Analytics Ltd", "GB")).status());
        assertEquals(201, call("POST", "/api/deals", analyst, org.exportguard.testkit.DealJson.intrusionSoftware(
                "d-il", "DE", "Bundeskriminalamt", "2027-01-10").json()).status());
        assertEquals(201, call("POST", "/api/deals", analyst, org.exportguard.testkit.DealJson.intrusionSoftware(
                "d-il2", "FR", "Gendarmerie", "2027-02-10").json()).status());

        JsonNode q = call("GET", "/api/deals?regime=il-deca&sort=date&direction=desc", viewer, null).json();
        assertEquals(List.of("d-il2", "d-il"), ids(q), q.toString());
        assertTrue(q.get("regimes").toString().contains("IL-DECA") && q.get("regimes").toString().contains("US-EAR"),
                q.toString());
        JsonNode us = call("GET", "/api/deals?regime=US-EAR", viewer, null).json();
        assertEquals(List.of("d-us"), ids(us), us.toString());

        JsonNode p1 = call("GET", "/api/deals?sort=destination&limit=2", viewer, null).json();
        assertEquals(List.of("d-il", "d-il2"), ids(p1), p1.toString());
        JsonNode p2 = call("GET", "/api/deals?sort=destination&limit=2&after=" + p1.get("next").asText(), viewer,
                null).json();
        assertEquals(List.of("d-us"), ids(p2), p2.toString());
        assertTrue(p2.get("next").isNull());

        for (String[] bad : new String[][] {{"sort=price", "sort"}, {"direction=up", "direction"},
                {"regime=NOPE", "regime"}, {"from=2027-02-01&to=2027-01-01", "to"}, {"from=2027-02-30", "from"},
                {"sort=date&after=" + p1.get("next").asText(), "after"}, {"after=xyz", "after"}}) {
            Res r = call("GET", "/api/deals?" + bad[0], viewer, null);
            assertEquals(400, r.status(), bad[0] + ": " + r.body());
            assertEquals(bad[1], r.json().path("field").asText(), bad[0] + ": " + r.body());
        }
        assertTrue(call("GET", "/api/deals?regime=NOPE", viewer, null).json().get("error").asText()
                .contains("IL-DECA"), "the error names the regimes there are");
    }

    private static List<String> ids(JsonNode queue) {
        List<String> out = new java.util.ArrayList<>();
        queue.get("deals").forEach(d -> out.add(d.get("id").asText()));
        return out;
    }

    @Test
    void badDealsAre400NamingTheProblemAndDuplicatesAre409() throws Exception {
        Res r = call("POST", "/api/deals", analyst, "{\"id\":\"d-bad\",");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("error").asText().startsWith("malformed JSON"), r.body());
        r = call("POST", "/api/deals", analyst, deal("d-bad", "Someone Ltd", "DE").replace("2027-03-01", "2027-13-01"));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("date"), r.body());
        assertEquals(404, call("GET", "/api/deals/d-bad", viewer, null).status(), "a refused deal is not stored");

        assertEquals(201, call("POST", "/api/deals", analyst, deal("d-dup", "Harbor Analytics Ltd", "GB")).status());
        r = call("POST", "/api/deals", analyst, deal("d-dup", "Harbor Analytics Ltd", "GB"));
        assertEquals(409, r.status(), r.body());
        assertEquals(404, call("GET", "/api/deals/nope", viewer, null).status());
    }

    @Test
    void anImportOverTheLimitIs413AndStoresNothing() throws Exception {
        int before = store.lists().versions().history().size();
        String big = csl() + "x".repeat((int) MAX_IMPORT);
        Res r = call("POST", "/api/lists?source=BIG", admin, big);
        assertEquals(413, r.status(), r.body());
        assertEquals(before, store.lists().versions().history().size());
        r = call("POST", "/api/lists?effective=yesterday", admin, csl(NSO));
        assertEquals(400, r.status(), r.body());
        r = call("POST", "/api/lists?source=BROKEN&filename=bad.csv", admin, "this is not a list file\n");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("error").asText().startsWith("bad.csv"), "names the file as sent: " + r.body());
        assertFalse(r.body().contains("exportguard-upload-"), "the temporary path stays inside: " + r.body());
        assertEquals(before, store.lists().versions().history().size());
    }

    /** The overnight story over HTTP: deals stored, a list version names NSO, and exactly that deal is BLOCKED. */
    @Test
    void aListImportReDecidesTheDealsItTouchesAndEveryChangeIsAudited() throws Exception {
        Res r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl(CANDIRU));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("imported").asBoolean(), r.body());
        r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl(CANDIRU));
        assertFalse(r.json().get("imported").asBoolean(), "identical content again is a no-op: " + r.body());

        r = call("POST", "/api/deals", analyst, deal("d-nso", "NSO Group", "IL"));
        assertEquals(201, r.status(), r.body());
        String before = r.json().get("outcome").asText();
        assertFalse(before.equals("BLOCKED"), r.body());
        r = call("POST", "/api/deals", analyst, deal("d-kyoto", "Kyoto Data Systems KK", "JP"));
        assertEquals(201, r.status(), r.body());
        String kyoto = r.json().get("outcome").asText();

        r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl(CANDIRU, NSO));
        assertEquals(200, r.status(), r.body());
        JsonNode impact = r.json().get("impact");
        assertTrue(impact.get("incremental").asBoolean(), r.body());
        List<String> changed = new ArrayList<>();
        impact.get("changed").forEach(c -> changed.add(c.get("dealId").asText() + ":" + c.get("after").asText()));
        assertEquals(List.of("d-nso:BLOCKED"), changed, r.body());

        r = call("GET", "/api/impact", viewer, null);
        assertEquals(200, r.status(), r.body());
        assertEquals("d-nso", r.json().get("changed").get(0).get("dealId").asText(), r.body());
        r = call("GET", "/api/deals/d-nso", viewer, null);
        assertEquals("BLOCKED", r.json().get("outcome").asText(), r.body());
        assertEquals(2, r.json().get("decisions").size(), r.body());
        assertEquals(kyoto, call("GET", "/api/deals/d-kyoto", viewer, null).json().get("outcome").asText());

        // one index over the lists in force: the one decisions use is the one /api/screen and /api/lists use
        assertSame(server.desk().lists(), server.lists().inForce());
        assertSame(server.desk().current().evaluator().screener().index(), server.lists().index());
        r = call("POST", "/api/screen", viewer, "{\"name\":\"NSO Group\"}");
        assertEquals("el-1", r.json().get("hits").get(0).get("sourceId").asText(), "screening serves the import: "
                + r.body());

        r = call("GET", "/api/audit?limit=1000", approver, null);
        assertEquals(200, r.status(), r.body());
        List<String> seen = new ArrayList<>();
        r.json().get("records").forEach(x -> seen.add(x.get("actor").asText() + " " + x.get("action").asText()
                + " " + x.get("subject").asText()));
        assertTrue(seen.contains("api:ann deals.add d-nso"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("api:ada lists.import")), seen.toString());
        r = call("GET", "/api/audit/verify", approver, null);
        assertTrue(r.json().get("intact").asBoolean(), r.body());
        assertEquals(400, call("GET", "/api/audit?limit=-1", approver, null).status());
    }

    /**
     * Four eyes over HTTP (after the NSO entry is listed): a near miss asks for review; the analyst's proposal alone
     * changes nothing; its proposer, even an approver, may not confirm it; another approver's confirmation decides
     * the deal again and the US regime clears, saying who decided. (The deal as a whole stays REVIEW for another,
     * honest reason: this store holds no UN list, so nobody was screened against it. The CSL file holds Denied
     * Persons and SDN rows too, so the US regime's lists are all screened.)
     */
    @Test
    void aFalsePositiveNeedsASecondPairOfEyesAndThenClearsTheDeal() throws Exception {
        Res r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin, csl(CANDIRU, NSO, DENIED, BLOCKED));
        assertEquals(200, r.status(), r.body());
        r = call("POST", "/api/deals", analyst, deal("d-near", "NSO Group Technologies Ltd", "IL"));
        assertEquals(201, r.status(), r.body());
        assertEquals("REVIEW", usRegime(r.json().get("decision")), r.body());
        List<ListMatch> hits = DecisionHits.of(r.json().get("decision"));
        assertFalse(hits.isEmpty(), "the REVIEW comes from a screening hit: " + r.body());
        ListMatch hit = hits.get(hits.size() - 1);
        assertEquals("NSO Group Technologies Ltd", hit.partyName(), r.body());
        String proposal = "{\"party\":\"" + hit.partyName() + "\",\"list\":\"" + hit.source() + "\",\"entryId\":\""
                + hit.entryId() + "\",\"verdict\":\"FALSE_POSITIVE\","
                + "\"reason\":\"different company: registry number checked\"}";

        assertEquals(403, call("POST", "/api/deals/d-near/dispositions", viewer, proposal).status());
        r = call("POST", "/api/deals/d-near/dispositions", analyst, proposal.replace("FALSE_POSITIVE", "MAYBE"));
        assertEquals(400, r.status(), r.body());
        assertEquals("verdict", r.json().get("field").asText(), r.body());
        r = call("POST", "/api/deals/d-near/dispositions", analyst, proposal.replace(hit.entryId(),
                "no-such-entry"));
        assertEquals(400, r.status(), "a hit the decision does not have: " + r.body());

        // An approver proposes; the same approver confirming is refused, and nothing changes.
        r = call("POST", "/api/deals/d-near/dispositions", approver, proposal);
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        assertEquals("proposed", r.json().get("status").asText());
        assertEquals(409, call("POST", "/api/deals/d-near/dispositions", analyst, proposal).status(),
                "one pending proposal per hit");
        assertEquals(1, call("GET", "/api/deals/d-near", viewer, null).json().get("decisions").size());
        r = call("POST", "/api/deals/d-near/dispositions/" + id + "/confirm", approver, null);
        assertEquals(403, r.status(), r.body());
        assertTrue(r.json().get("error").asText().contains("four-eyes"), r.body());
        assertEquals(403, call("POST", "/api/deals/d-near/dispositions/" + id + "/confirm", analyst, null).status(),
                "an analyst may not confirm");
        assertEquals(1, call("GET", "/api/deals/d-near", viewer, null).json().get("decisions").size());

        r = call("POST", "/api/deals/d-near/dispositions/" + id + "/confirm", approver2, null);
        assertEquals(200, r.status(), r.body());
        assertEquals("CLEARED", usRegime(r.json().get("decision")), r.body());
        assertTrue(r.body().contains("dismissed as a false positive"), r.body());
        assertEquals("api:amy", r.json().at("/disposition/confirmedBy").asText(), r.body());
        assertTrue(r.body().contains("api:amy"), "the decision names who confirmed: " + r.body());
        assertEquals(409, call("POST", "/api/deals/d-near/dispositions/" + id + "/confirm", admin, null).status(),
                "confirmed once");
        assertEquals(404, call("POST", "/api/deals/d-near/dispositions/999/confirm", approver2, null).status());

        r = call("GET", "/api/deals/d-near", viewer, null);
        JsonNode decisions = r.json().get("decisions");
        assertEquals(2, decisions.size(), r.body());
        assertEquals("CLEARED", usRegime(decisions.get(1).get("decision")), r.body());
        assertTrue(decisions.get(decisions.size() - 1).get("reason").asText().contains("confirmed by api:amy"),
                r.body());
        r = call("GET", "/api/deals/d-near/dispositions", viewer, null);
        assertEquals("confirmed", r.json().at("/dispositions/0/status").asText(), r.body());

        r = call("GET", "/api/audit?limit=1000", approver, null);
        List<String> seen = new ArrayList<>();
        r.json().get("records").forEach(x -> seen.add(x.get("actor").asText() + " " + x.get("action").asText()));
        assertTrue(seen.contains("api:abe dispositions.propose"), seen.toString());
        assertTrue(seen.contains("api:amy dispositions.confirm"), seen.toString());
        assertTrue(call("GET", "/api/audit/verify", approver, null).json().get("intact").asBoolean());
    }

    static String usRegime(JsonNode decision) {
        for (JsonNode regime : decision.get("regimes")) {
            if (regime.get("regime").asText().equals("US-EAR")) {
                return regime.get("outcome").asText();
            }
        }
        return "none";
    }

    static final Path SAMPLES = Path.of("..", "cli", "src", "main", "resources", "sample-lists");

    /** A zip of these entries (name, bytes). */
    static byte[] zip(java.util.Map<String, byte[]> entries) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A zip of these entries as a streaming writer makes it: STORED entries with data descriptors after them. */
    static byte[] streamedZip(java.util.Map<String, byte[]> entries) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(out);
        List<int[]> central = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            int offset = out.size();
            le(d, 0x04034b50, 4); le(d, 10, 2); le(d, 0x08, 2); le(d, 0, 2); le(d, 0, 2); le(d, 0, 2);
            le(d, 0, 4); le(d, 0, 4); le(d, 0, 4); le(d, name.length, 2); le(d, 0, 2);
            d.write(name);
            d.write(data);
            le(d, 0x08074b50, 4); le(d, (int) crc.getValue(), 4); le(d, data.length, 4); le(d, data.length, 4);
            central.add(new int[] {(int) crc.getValue(), data.length, offset});
            names.add(e.getKey());
        }
        int cdStart = out.size();
        for (int i = 0; i < central.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            int[] c = central.get(i);
            le(d, 0x02014b50, 4); le(d, 20, 2); le(d, 10, 2); le(d, 0x08, 2); le(d, 0, 2); le(d, 0, 2); le(d, 0, 2);
            le(d, c[0], 4); le(d, c[1], 4); le(d, c[1], 4); le(d, name.length, 2); le(d, 0, 2); le(d, 0, 2);
            le(d, 0, 2); le(d, 0, 2); le(d, 0, 4); le(d, c[2], 4);
            d.write(name);
        }
        int cdSize = out.size() - cdStart;
        le(d, 0x06054b50, 4); le(d, 0, 2); le(d, 0, 2); le(d, central.size(), 2); le(d, central.size(), 2);
        le(d, cdSize, 4); le(d, cdStart, 4); le(d, 0, 2);
        d.flush();
        return out.toByteArray();
    }

    private static void le(java.io.DataOutputStream d, int v, int bytes) throws java.io.IOException {
        for (int i = 0; i < bytes; i++) {
            d.write((v >>> (8 * i)) & 0xff);
        }
    }

    Res postZip(String query, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.api().uri() + "/api/lists" + query))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> res = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        assertFalse(res.body().contains("\tat ") || res.body().contains("Exception"), res.body());
        return new Res(res.statusCode(), res.body());
    }

    @Test
    void anOfacSetIsOneZipBodyAndSdnCsvAloneIsRefusedNamingTheMissingFiles() throws Exception {
        java.util.Map<String, byte[]> set = new java.util.TreeMap<>();
        for (String f : List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")) {
            set.put(f, java.nio.file.Files.readAllBytes(SAMPLES.resolve("ofac-sdn").resolve(f)));
        }
        Res alone = call("POST", "/api/lists?filename=sdn.csv", admin,
                new String(set.get("sdn.csv"), StandardCharsets.ISO_8859_1));
        assertEquals(400, alone.status(), alone.body());
        assertTrue(alone.body().contains("missing add.csv, alt.csv, sdn_comments.csv"), alone.body());
        assertFalse(alone.body().contains(dir.toString()) || alone.body().contains("/tmp/"), alone.body());

        Res partial = postZip("", zip(java.util.Map.of("sdn.csv", set.get("sdn.csv"), "alt.csv", set.get("alt.csv"))));
        assertEquals(400, partial.status(), partial.body());
        assertTrue(partial.body().contains("missing add.csv, sdn_comments.csv"), partial.body());
        assertTrue(store.lists().versions().history().isEmpty());

        // as zip -q - writes it to a pipe: every entry followed by a data descriptor, small ones stored
        Res ok = postZip("?source=OFAC-SDN", streamedZip(set));
        assertEquals(200, ok.status(), ok.body());
        JsonNode j = ok.json();
        assertEquals("OFAC-SDN", j.at("/version/source").asText());
        assertEquals(4, j.at("/version/files").asInt(), "the set's four files in one version");
        assertEquals(1, j.get("sources").size());

        Res escape = postZip("", zip(java.util.Map.of("../evil.csv", set.get("sdn.csv"))));
        assertEquals(400, escape.status(), escape.body());
        assertTrue(escape.body().contains("would leave the upload's folder"), escape.body());
        Res wrong = call("POST", "/api/lists?source=..%2Fx&filename=us-csl.csv", admin, csl(NSO));
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("is not a list source"), wrong.body());
        assertEquals(1, store.lists().versions().history().size());
    }
}
