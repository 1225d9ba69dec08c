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
import java.util.List;

import static org.exportguard.server.CslFixtures.BLOCKED;
import static org.exportguard.server.CslFixtures.DENIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four eyes bound to what was reviewed (issue 13, part 2), over real HTTP on a real SQLite store: a false positive
 * confirmed by a second person stops counting as soon as the analyst changes the deal (PUT) or the list changes the
 * entry it was confirmed on; the new decision says so and is REVIEW, never the CLEARED the confirmation gave.
 */
class FourEyesBindingTest {
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String PARTY = "NSO Group Technologies Ltd";
    static final CslCsv.Entry NSO = CslCsv.entity("el-1", "NSO Group");

    @TempDir
    Path dir;
    Store store;
    StoreServer server;
    String admin, analyst, approver;

    @BeforeEach
    void up() throws Exception {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        admin = store.users().add("ada", Role.ADMIN, "test");
        analyst = store.users().add("ann", Role.ANALYST, "test");
        approver = store.users().add("abe", Role.APPROVER, "test");
        server = StoreServer.start(ServerConfig.defaults().withPort(0).withRate(1000, 1000), store,
                64 * 1024, "test", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(200, call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                CslCsv.text(NSO, DENIED, BLOCKED)).status());
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
        b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body());
    }

    /** The US-EAR regime's outcome in the deal's current decision (the UN list is not loaded: that is REVIEW). */
    String usNow() throws Exception {
        JsonNode d = call("GET", "/api/deals/d-1", analyst, null).json().get("decisions");
        return StoreApiTest.usRegime(d.get(d.size() - 1).get("decision"));
    }

    static DealJson deal() {
        return DealJson.usSoftware("d-1", PARTY, "IL");
    }

    /** Adds the deal (REVIEW on its NSO Group hit), proposes that hit a false positive; returns the proposal's id. */
    long addAndPropose() throws Exception {
        Res r = call("POST", "/api/deals", analyst, deal().json());
        assertEquals(201, r.status(), r.body());
        assertEquals("REVIEW", StoreApiTest.usRegime(r.json().get("decision")), r.body());
        ListMatch hit = DecisionHits.of(r.json().get("decision")).stream()
                .filter(m -> m.entryId().equals("el-1")).findFirst().orElseThrow();
        r = call("POST", "/api/deals/d-1/dispositions", analyst, "{\"party\":\"" + hit.partyName()
                + "\",\"list\":\"" + hit.source() + "\",\"entryId\":\"el-1\",\"verdict\":\"FALSE_POSITIVE\","
                + "\"reason\":\"a different company: registry number checked\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals(1, r.json().get("dealRevision").asLong(), r.body());
        assertEquals(64, r.json().get("entrySha256").asText().length(), "bound to the entry as reviewed: " + r.body());
        return r.json().get("id").asLong();
    }

    long addProposeAndConfirm() throws Exception {
        long id = addAndPropose();
        Res r = call("POST", "/api/deals/d-1/dispositions/" + id + "/confirm", approver, null);
        assertEquals(200, r.status(), r.body());
        assertEquals("CLEARED", StoreApiTest.usRegime(r.json().get("decision")), r.body());
        return id;
    }

    @Test
    void aPutAfterTheConfirmationReOpensTheHitForReview() throws Exception {
        long id = addProposeAndConfirm();

        // the analyst alone changes the deal: another destination and end use
        Res r = call("PUT", "/api/deals/d-1", analyst, deal().destination("AE").endUse("telecom operations")
                .json());
        assertEquals(200, r.status(), r.body());
        assertEquals("REVIEW", StoreApiTest.usRegime(r.json().get("decision")), "a changed deal is not cleared by "
                + "a review of another one: " + r.body());
        assertTrue(r.body().contains("disposition " + id + " of '" + PARTY + "' US-CSL entry el-1 was confirmed for "
                + "revision 1; deal changed (now revision 2): re-review needed"), r.body());

        r = call("GET", "/api/deals/d-1", analyst, null);
        assertEquals(2, r.json().get("revision").asLong(), r.body());
        assertEquals("REVIEW", usNow(), r.body());
    }

    @Test
    void theSameDealPutAgainKeepsItsRevisionAndItsConfirmation() throws Exception {
        addProposeAndConfirm();
        Res r = call("PUT", "/api/deals/d-1", analyst, deal().json());
        assertEquals(200, r.status(), r.body());
        assertEquals("CLEARED", StoreApiTest.usRegime(r.json().get("decision")), "nothing changed: " + r.body());
        assertEquals(1, call("GET", "/api/deals/d-1", analyst, null).json().get("revision").asLong());
    }

    @Test
    void aProposalOnAnEarlierRevisionCannotBeConfirmed() throws Exception {
        long id = addAndPropose();
        assertEquals(200, call("PUT", "/api/deals/d-1", analyst, deal().destination("AE").json()).status());
        Res r = call("POST", "/api/deals/d-1/dispositions/" + id + "/confirm", approver, null);
        assertEquals(409, r.status(), r.body());
        assertTrue(r.body().contains("was proposed for revision 1 of deal d-1, which has changed since"), r.body());
        assertEquals("REVIEW", usNow());
    }

    @Test
    void aListVersionThatChangesTheEntryReOpensTheHit() throws Exception {
        addProposeAndConfirm();
        // the entry the false positive was confirmed on gains an address: the review was of another entry
        Res r = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                CslCsv.text(NSO.addresses("Herzliya, IL"), DENIED, BLOCKED));
        assertEquals(200, r.status(), r.body());
        r = call("GET", "/api/deals/d-1", analyst, null);
        assertEquals("REVIEW", usNow(), r.body());
        JsonNode last = r.json().get("decisions").get(r.json().get("decisions").size() - 1);
        assertTrue(last.toString().contains("no longer holds: the entry changed in list version"), last.toString());

        // the entry back exactly as it was reviewed: the confirmation is about that entry, and applies again
        Res again = call("POST", "/api/lists?source=US-CSL&filename=csl.csv", admin,
                CslCsv.text(NSO, DENIED, BLOCKED, CslCsv.entity("el-9", "Quillon Vantablack Systems")));
        assertEquals(200, again.status(), again.body());
        assertEquals("CLEARED", usNow());
    }
}
