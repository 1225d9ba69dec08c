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

    /** A stored report as shown: its id and time, then the report. */
    private static ObjectNode shown(ChangeReport c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("reportId", c.id());
        o.put("createdAt", c.createdAt());
        o.setAll((ObjectNode) Json.readTree(c.reportJson()));
        return o;
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
                            "reasons":{"type":"array","items":{"type":"string"}}}}},
                          "sameImport":{"type":"array","description":"the other reports of the same import (a                         folder or zip of several list sources gives one report per source), each as this object                         without sameImport","items":{"type":"object"}}}}"""),
                r -> {
                    ChangeReport c = store.changeReports().latestChangeReport()
                            .orElseThrow(() -> new ApiException(404, "no list or policy change has been imported yet"));
                    ObjectNode o = shown(c);
                    // a multi-source import wrote one report per source: all of them are this change
                    com.fasterxml.jackson.databind.node.ArrayNode same = o.putArray("sameImport");
                    for (ChangeReport other : store.changeReports().othersOfSameImport(c.id())) {
                        same.add(shown(other));
                    }
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
