package org.exportguard.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.core.screen.evidence.EvidenceScreening;
import org.exportguard.core.screen.evidence.QueryFields;
import org.exportguard.json.ResultJson;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.JsonRequest;
import org.exportguard.server.ListService;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code POST /api/screen}: one name against the lists in service; the hits in the CLI's JSON shape, and the
 * list sources screened. */
public final class ScreenApi {
    private static final Set<String> FIELDS = Set.of("name", "type", "country", "dob", "identifiers");

    private final ListService lists;
    private final double threshold;
    private final int limit;

    public ScreenApi(ListService lists, double threshold, int limit) {
        this.lists = lists;
        this.threshold = threshold;
        this.limit = limit;
    }

    public Route route(long maxBody) {
        return new Route("POST", "/api/screen", Role.VIEWER, maxBody,
                "Screen one name against the lists in service: ranked hits with explanations",
                Schemas.parse("""
                        {"type":"object","required":["name"],"additionalProperties":false,"properties":{
                          "name":%s,
                          "type":%s,
                          "country":{"type":"string","description":"secondary evidence: where the party is, an ISO 3166-1 code or English name, compared with the listed addresses and nationalities"},
                          "dob":{"type":"string","description":"secondary evidence: date of birth, YYYY-MM-DD, YYYY-MM, YYYY or a range FROM..TO"},
                          "identifiers":{"type":"array","description":"secondary evidence: documents and numbers; an exact match is strong evidence even with a weaker name","items":{"type":"object","required":["type","number"],"additionalProperties":false,"properties":{
                            "type":{"type":"string","enum":["passport","national-id","registration","imo","swift-bic","other"]},
                            "number":{"type":"string","minLength":1}}}}}}"""
                        .formatted(NameField.SCHEMA, Schemas.PARTY_TYPE)),
                Schemas.parse("""
                        {"type":"object","properties":{
                          "query":{"type":"string"},
                          "hits":{"type":"array","items":%s},
                          "lists":%s}}""".formatted(Schemas.HIT, Schemas.LISTS)),
                this::handle);
    }

    private ApiResponse handle(Request r) throws Exception {
        JsonRequest body = r.json().only(FIELDS);
        String name = NameField.within("name", body.requiredText("name"));
        PartyType type = PartyTypeField.parse("type", body.optionalText("type"));
        ScreeningQuery q = new ScreeningQuery(name, type, checked("country", body.optionalText("country"),
                QueryFields::country), checked("dob", body.optionalText("dob"), QueryFields::dateOfBirth),
                identifiers(body.optionalNode("identifiers")));
        ListService.Snapshot served = lists.current();
        if (served.inForce().isEmpty()) { // no hits against no lists is not a clear answer: fail closed
            throw new ApiException(503, "no lists are in force: an administrator must import the lists first "
                    + "(POST /api/lists or 'exportguard lists import')");
        }
        List<ScreeningHit> hits = EvidenceScreening.of(served.index()).screen(q, threshold, limit);
        return ApiResponse.ok(ResultJson.screenResult(null, name, hits,
                served.inForce().screener().coverage().toJson()));
    }

    private static String checked(String field, String value, UnaryOperator<String> check) throws ApiException {
        try {
            return check.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, "'" + field + "': " + e.getMessage());
        }
    }

    /** {@code [{"type","number"}...]}, each checked; absent is none. */
    private static List<Identifier> identifiers(JsonNode n) throws ApiException {
        List<Identifier> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            throw ApiException.badField("identifiers", "'identifiers' must be an array of {\"type\",\"number\"}");
        }
        for (int i = 0; i < n.size(); i++) {
            String field = "identifiers[" + i + "]";
            JsonNode item = n.get(i);
            if (!item.isObject() || !item.path("type").isTextual() || !item.path("number").isTextual()
                    || item.size() != 2) {
                throw ApiException.badField(field, "'" + field + "' must be {\"type\",\"number\"}, both strings");
            }
            try {
                out.add(QueryFields.identifier(item.get("type").textValue(), item.get("number").textValue()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(field, "'" + field + "': " + e.getMessage());
            }
        }
        return out;
    }
}
