package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.AuditTrail;
import org.exportguard.server.ListService;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.Role;

import java.util.List;

/** {@code GET /api/lists} (what is in service) and {@code POST /api/lists/reload} (load the lists again, admin). */
public final class ListsApi {
    private static final String SHAPE = """
            {"type":"object","properties":{
              "version":{"type":"integer","description":"counts loads since the server started, from 1"},
              "loadedAt":{"type":"string","format":"date-time"},
              "parties":{"type":"integer"},
              "lists":{"type":"array","items":{"type":"object","properties":{
                "id":{"type":"string"},"format":{"type":"string"},
                "parties":{"type":"integer"},"warnings":{"type":"integer"}}}}}}""";

    private final ListService lists;
    private final AuditTrail audit;

    public ListsApi(ListService lists, AuditTrail audit) {
        this.lists = lists;
        this.audit = audit;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/api/lists", Role.VIEWER, 0, "The lists in service: ids, formats, party counts",
                        null, Schemas.parse(SHAPE), r -> ApiResponse.ok(describe(lists.current()))),
                new Route("POST", "/api/lists/reload", Role.ADMIN, 0,
                        "Load the server's lists again from their files and swap them in at once (all or nothing)",
                        null, Schemas.parse(SHAPE), this::reload));
    }

    private ApiResponse reload(Request r) throws Exception {
        ListService.Snapshot s;
        try {
            s = lists.reload();
        } catch (ApiException e) {
            throw e; // a reload already running
        } catch (Exception e) { // a list problem (file, line, field), said to the admin who asked
            audit.record(r.caller(), "lists.reload.failed", "lists", oneLine(e.getMessage()));
            throw new ApiException(500, "reload failed; the lists in service are unchanged: " + oneLine(e.getMessage()));
        }
        audit.record(r.caller(), "lists.reload", "lists", "version " + s.version() + ", "
                + s.index().partyCount() + " parties");
        return ApiResponse.ok(describe(s));
    }

    static ObjectNode describe(ListService.Snapshot s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("version", s.version());
        o.put("loadedAt", s.loadedAt().toString());
        o.put("parties", s.index().partyCount());
        ArrayNode a = o.putArray("lists");
        for (ListService.ListInfo l : s.lists()) {
            ObjectNode e = a.addObject();
            e.put("id", l.id());
            e.put("format", l.format());
            e.put("parties", l.parties());
            e.put("warnings", l.warnings());
        }
        return o;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
