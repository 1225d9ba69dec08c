package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.ChangeReport;
import org.exportguard.store.Role;
import org.exportguard.store.Store;

import java.util.List;

/** {@code GET /api/impact}: the latest change's report, as {@code exportguard impact --json} prints it. */
public final class ImpactApi {
    private final Store store;

    public ImpactApi(Store store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/impact", Role.VIEWER, 0,
                "The latest list or policy change: what changed, how many open deals were re-decided "
                        + "(incrementally), and which changed outcome and why (404 before the first change)",
                null, Schemas.parse("""
                        {"type":"object","properties":{
                          "reportId":{"type":"integer"},"createdAt":{"type":"string"},
                          "change":{"type":"object"},"reevaluated":{"type":"integer"},
                          "incremental":{"type":"boolean"},
                          "changed":{"type":"array","items":{"type":"object","properties":{
                            "dealId":{"type":"string"},"before":{"type":"string"},"after":{"type":"string"},
                            "reasons":{"type":"array","items":{"type":"string"}}}}}}}"""),
                r -> {
                    ChangeReport c = store.changeReports().latestChangeReport()
                            .orElseThrow(() -> new ApiException(404, "no list or policy change has been imported yet"));
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("reportId", c.id());
                    o.put("createdAt", c.createdAt());
                    o.setAll((ObjectNode) Json.readTree(c.reportJson()));
                    return ApiResponse.ok(o);
                }).withErrors(java.util.Map.of(404, "no list or policy change imported yet")),
                new Route("GET", "/api/impact/reports", Role.VIEWER, 0,
                        "The latest change reports, newest first (at most 'limit', default 20, at most 100), each "
                                + "as GET /api/impact answers",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"reports":{"type":"array","items":{"type":"object"}}}}"""),
                        this::reports));
    }

    private ApiResponse reports(org.exportguard.server.Request r) throws ApiException {
        int limit = 20;
        String s = r.query("limit");
        if (s != null) {
            try {
                limit = Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                throw ApiException.badField("limit", "'limit' must be a whole number from 1 to 100, not '" + s + "'");
            }
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("reports");
        for (ChangeReport c : store.changeReports().recent(limit)) {
            ObjectNode e = a.addObject();
            e.put("reportId", c.id());
            e.put("createdAt", c.createdAt());
            e.setAll((ObjectNode) Json.readTree(c.reportJson()));
        }
        return ApiResponse.ok(o);
    }
}
