package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.JsonRequest;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.store.Disposition;
import org.exportguard.store.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Four-eyes dispositions of a deal's screening hits: an analyst proposes that a hit is a true match or a false
 * positive, with a reason; an approver other than the proposer confirms it, and the deal is decided again with it
 * in the same transaction (the answer carries the new decision).
 */
public final class DispositionsApi {
    private static final Set<String> FIELDS = Set.of("party", "list", "entryId", "verdict", "reason");
    private static final String DISPOSITION = """
            {"type":"object","properties":{
              "id":{"type":"integer"},"dealId":{"type":"string"},"party":{"type":"string"},
              "list":{"type":"string"},"entryId":{"type":"string"},
              "verdict":{"type":"string","enum":["TRUE_MATCH","FALSE_POSITIVE"]},"reason":{"type":"string"},
              "proposedBy":{"type":"string"},"proposedAt":{"type":"string"},
              "confirmedBy":{"type":"string"},"confirmedAt":{"type":"string"},
              "status":{"type":"string","enum":["proposed","confirmed"]},
              "dealRevision":{"type":"integer","description":"the deal revision reviewed"},
              "listVersion":{"type":"string","description":"the hit's list version as reviewed (null: before schema 6)"},
              "entrySha256":{"type":"string","description":"the listed entry's fingerprint as reviewed (null: unknown)"}}}""";

    private final Desk desk;

    public DispositionsApi(Desk desk) {
        this.desk = desk;
    }

    public List<Route> routes(long maxBody) {
        return List.of(
                new Route("POST", "/api/deals/{id}/dispositions", Role.ANALYST, maxBody,
                        "Propose that a screening hit of the deal's current decision is a true match or a false "
                                + "positive (201); another user with the approver role must confirm it",
                        Schemas.parse("""
                                {"type":"object","required":["party","list","entryId","verdict","reason"],
                                 "additionalProperties":false,"properties":{
                                  "party":{"type":"string","description":"the party's name as given in the deal"},
                                  "list":{"type":"string","description":"the hit's list, e.g. US-CSL"},
                                  "entryId":{"type":"string","description":"the listed entry's id (sourceId)"},
                                  "verdict":{"type":"string","enum":["TRUE_MATCH","FALSE_POSITIVE"]},
                                  "reason":{"type":"string","minLength":1}}}"""),
                        Schemas.parse(DISPOSITION), this::propose)
                        .withErrors(Map.of(404, "no such deal", 409, "the deal is closed, or the hit already has a "
                                + "pending proposal, or the lists changed while it was decided")),
                new Route("POST", "/api/deals/{id}/dispositions/{dispositionId}/confirm", Role.APPROVER, 0,
                        "Confirm another user's proposal (403 for the proposer: four eyes; 409 if already "
                                + "confirmed); the deal is decided again with it",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"disposition":%s,
                                  "dealId":{"type":"string"},"outcome":{"type":"string"},
                                  "decision":{"type":"object"}}}""".formatted(DISPOSITION)),
                        this::confirm)
                        .withErrors(Map.of(403, "the caller's role is below approver, or the caller proposed it "
                                + "(four eyes)", 404, "no such deal or disposition", 409, "already confirmed, the "
                                + "deal is closed, or the deal changed since the proposal (propose again)")),
                new Route("GET", "/api/deals/{id}/dispositions", Role.VIEWER, 0,
                        "The deal's dispositions, proposed and confirmed, oldest first",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"dispositions":{"type":"array","items":%s}}}"""
                                .formatted(DISPOSITION)),
                        this::list).withErrors(Map.of(404, "no such deal")));
    }

    private ApiResponse propose(Request r) throws ApiException {
        JsonRequest body = r.json().only(FIELDS);
        String party = body.requiredText("party");
        String list = body.requiredText("list");
        String entryId = body.requiredText("entryId");
        String verdict = body.requiredText("verdict");
        String reason = body.requiredText("reason");
        boolean trueMatch;
        if (verdict.equals(Disposition.TRUE_MATCH)) {
            trueMatch = true;
        } else if (verdict.equals(Disposition.FALSE_POSITIVE)) {
            trueMatch = false;
        } else {
            throw ApiException.badField("verdict", "'verdict' must be TRUE_MATCH or FALSE_POSITIVE, not '"
                    + verdict + "'");
        }
        try {
            Disposition d = desk.proposeDisposition(r.pathParams().get("id"), party, list, entryId, trueMatch,
                    reason, DealsApi.actor(r));
            return ApiResponse.json(201, json(d));
        } catch (ServiceException e) {
            throw ServiceErrors.of(e);
        }
    }

    private ApiResponse confirm(Request r) throws ApiException {
        long id;
        try {
            id = Long.parseLong(r.pathParams().get("dispositionId"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "no disposition " + r.pathParams().get("dispositionId"));
        }
        try {
            Desk.DispositionOutcome o = desk.confirmDisposition(r.pathParams().get("id"), id, DealsApi.actor(r));
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.set("disposition", json(o.disposition()));
            n.setAll(DealsApi.decided(new Desk.DealOutcome(o.disposition().dealId(), o.decision())));
            return ApiResponse.ok(n);
        } catch (ServiceException e) {
            throw ServiceErrors.of(e);
        }
    }

    private ApiResponse list(Request r) throws ApiException {
        String dealId = r.pathParams().get("id");
        if (desk.show(dealId).isEmpty()) {
            throw new ApiException(404, "no deal " + dealId);
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode a = n.putArray("dispositions");
        desk.dispositions(dealId).forEach(d -> a.add(json(d)));
        return ApiResponse.ok(n);
    }

    static ObjectNode json(Disposition d) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("dealId", d.dealId());
        o.put("party", d.partyName());
        o.put("list", d.list());
        o.put("entryId", d.entryId());
        o.put("verdict", d.verdict());
        o.put("reason", d.reason());
        o.put("proposedBy", d.proposedBy());
        o.put("proposedAt", d.proposedAt());
        if (d.confirmed()) {
            o.put("confirmedBy", d.confirmedBy());
            o.put("confirmedAt", d.confirmedAt());
        }
        o.put("status", d.confirmed() ? "confirmed" : "proposed");
        o.put("dealRevision", d.dealRevision());
        o.put("listVersion", d.listVersion());
        o.put("entrySha256", d.entrySha256());
        return o;
    }
}
