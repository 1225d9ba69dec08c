package org.exportguard.server.api;

import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.JsonRequest;
import org.exportguard.server.ListService;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.json.ResultJson;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.Role;

import java.util.List;
import java.util.Set;

/** {@code POST /api/screen}: one name against the lists in service; the hits in the CLI's JSON shape, and the
 * list sources screened. */
public final class ScreenApi {
    private static final Set<String> FIELDS = Set.of("name", "type", "country");

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
                          "country":{"type":"string","description":"carried for the analyst; not scored"}}}"""
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
        String country = body.optionalText("country");
        ScreeningQuery q = new ScreeningQuery(name, type, country == null || country.isBlank() ? null
                : country.strip(), null);
        ListService.Snapshot served = lists.current();
        List<ScreeningHit> hits = served.index().screen(q, threshold, limit);
        return ApiResponse.ok(ResultJson.screenResult(null, name, hits,
                served.inForce().screener().coverage().toJson()));
    }
}
