package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.store.Role;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.StoredDecision;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Deals over HTTP: store and decide one ({@code POST /api/deals}), read it with its decision history, replace and
 * close it. A deal's body is the same JSON object as one line of {@code deals add --input} (docs/deal.schema.json).
 * Every change is written, with its decision and audit record, before the answer goes out.
 */
public final class DealsApi {
    private static final String DEAL = """
            {"type":"object","description":"a deal as in docs/deal.schema.json: id, date, destination, parties, items...",
             "required":["id"],"properties":{"id":{"type":"string"}}}""";
    private static final String DECIDED = """
            {"type":"object","properties":{
              "dealId":{"type":"string"},
              "outcome":{"type":"string","enum":["CLEARED","LICENCE_REQUIRED","REVIEW","BLOCKED"]},
              "decision":{"type":"object","description":"every regime's findings with reasons and citations, and the list sources screened","properties":{
                "lists":%s}}}}""".formatted(Schemas.LISTS);
    private static final String STORED = """
            {"type":"object","properties":{
              "id":{"type":"string"},"status":{"type":"string","enum":["open","closed"]},
              "revision":{"type":"integer","description":"1 when added, one more each time its JSON changes"},
              "outcome":{"type":"string"},"deal":{"type":"object"},
              "decisions":{"type":"array","items":{"type":"object","properties":{
                "seq":{"type":"integer"},"decidedAt":{"type":"string"},"asOf":{"type":"string"},
                "reason":{"type":"string"},"outcome":{"type":"string"},
                "listVersionIds":{"type":"array","items":{"type":"integer"}},"policyVersionId":{"type":"integer"},
                "decision":{"type":"object","properties":{"lists":%s}}}}}}}""".formatted(Schemas.LISTS);

    private final Desk desk;

    public DealsApi(Desk desk) {
        this.desk = desk;
    }

    public List<Route> routes(long maxBody) {
        return List.of(
                new Route("POST", "/api/deals", Role.ANALYST, maxBody,
                        "Store a deal and decide it as of its export date (201 with the decision; 409 if the id exists)",
                        Schemas.parse(DEAL), Schemas.parse(DECIDED), this::add)
                        .withErrors(Map.of(409, "a deal with this id is already stored")),
                new Route("GET", "/api/deals/{id}", Role.VIEWER, 0,
                        "A stored deal: status, current outcome and every decision taken on it, with why",
                        null, Schemas.parse(STORED), this::show).withErrors(Map.of(404, "no such deal")),
                new Route("PUT", "/api/deals/{id}", Role.ANALYST, maxBody,
                        "Replace an open deal (same id) and decide it again; the history keeps earlier decisions",
                        Schemas.parse(DEAL), Schemas.parse(DECIDED), this::update)
                        .withErrors(Map.of(404, "no such deal", 409, "the deal is closed")),
                new Route("POST", "/api/deals/{id}/close", Role.ANALYST, 0,
                        "Close a deal: it is no longer re-decided when lists or policy change",
                        null, Schemas.parse(STORED), this::close)
                        .withErrors(Map.of(404, "no such deal", 409, "the deal is already closed")));
    }

    static String actor(Request r) {
        return "api:" + r.caller().name();
    }

    private ApiResponse add(Request r) throws ApiException {
        r.json(); // one JSON object, or a 400 naming what is wrong, before the deal parser reads it
        try {
            Desk.DealOutcome o = desk.addDeals(List.of(new String(r.body(), StandardCharsets.UTF_8)), actor(r)).get(0);
            return ApiResponse.json(201, decided(o));
        } catch (ServiceException e) {
            throw ServiceErrors.of(e);
        }
    }

    private ApiResponse update(Request r) throws ApiException {
        r.json();
        try {
            return ApiResponse.ok(decided(desk.updateDeal(r.pathParams().get("id"),
                    new String(r.body(), StandardCharsets.UTF_8), actor(r))));
        } catch (ServiceException e) {
            throw ServiceErrors.of(e);
        }
    }

    private ApiResponse close(Request r) throws ApiException {
        String id = r.pathParams().get("id");
        try {
            desk.closeDeal(id, actor(r));
        } catch (ServiceException e) {
            throw ServiceErrors.of(e);
        }
        return show(r);
    }

    private ApiResponse show(Request r) throws ApiException {
        String id = r.pathParams().get("id");
        StoredDeal d = desk.show(id).orElseThrow(() -> new ApiException(404, "no deal " + id));
        return ApiResponse.ok(stored(d));
    }

    static ObjectNode decided(Desk.DealOutcome o) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("dealId", o.dealId());
        n.put("outcome", o.decision().outcome().name());
        n.set("decision", o.decision().toJsonNode());
        return n;
    }

    static ObjectNode stored(StoredDeal d) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", d.deal().id());
        o.put("status", d.status());
        o.put("revision", d.revision());
        o.put("outcome", d.outcome());
        o.set("deal", Json.readTree(d.deal().json()));
        ArrayNode h = o.putArray("decisions");
        for (StoredDecision x : d.decisions()) {
            ObjectNode e = h.addObject();
            e.put("seq", x.seq());
            e.put("decidedAt", x.createdAt());
            e.put("asOf", x.asOf() == null ? null : x.asOf().toString());
            e.put("reason", x.reason());
            e.put("outcome", x.outcome());
            ArrayNode lv = e.putArray("listVersionIds");
            x.listVersionIds().forEach(lv::add);
            if (x.policyVersionId() != null) {
                e.put("policyVersionId", x.policyVersionId());
            }
            e.set("decision", Json.readTree(x.decisionJson()));
        }
        return o;
    }
}
