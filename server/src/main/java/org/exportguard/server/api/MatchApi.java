package org.exportguard.server.api;

import org.exportguard.core.match.MatchResult;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyType;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.JsonRequest;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.json.ResultJson;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.Role;

import java.util.Set;

/** {@code POST /api/match}: the score of one name against another, as {@code exportguard match --json}. */
public final class MatchApi {
    private static final Set<String> FIELDS = Set.of("name1", "name2", "type");

    private final NameMatcher matcher = new NameMatcher();
    private final double threshold;

    public MatchApi(double threshold) {
        this.threshold = threshold;
    }

    public Route route(long maxBody) {
        return new Route("POST", "/api/match", Role.VIEWER, maxBody,
                "Score one name against another, with the explanation",
                Schemas.parse("""
                        {"type":"object","required":["name1","name2"],"additionalProperties":false,"properties":{
                          "name1":%s,
                          "name2":%s,
                          "type":%s}}""".formatted(NameField.SCHEMA, NameField.SCHEMA, Schemas.PARTY_TYPE)),
                Schemas.parse("""
                        {"type":"object","properties":{
                          "name1":{"type":"string"},"name2":{"type":"string"},"type":{"type":"string"},
                          "score":{"type":"number"},"threshold":{"type":"number"},"match":{"type":"boolean"},
                          "explanation":{"type":"string"},
                          "details":{"type":"object","description":"the explanation as structure"}}}"""),
                this::handle);
    }

    private ApiResponse handle(Request r) throws Exception {
        JsonRequest body = r.json().only(FIELDS);
        String name1 = NameField.within("name1", body.requiredText("name1"));
        String name2 = NameField.within("name2", body.requiredText("name2"));
        PartyType type = PartyTypeField.parse("type", body.optionalText("type"));
        MatchResult m = matcher.match(name1, name2, type);
        return ApiResponse.ok(ResultJson.matchResult(name1, name2, type, m, threshold));
    }
}
