package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.diff.ListDiff;
import org.exportguard.lists.diff.ListDiffJson;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.ListEvent;
import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stored list versions for the workbench's lists page: every version of every source (which are in force, and
 * the events that put them there), and what changed between two versions (added, removed, changed entries).
 */
public final class ListVersionsApi {
    private final Store store;

    public ListVersionsApi(Store store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/api/lists/versions", Role.VIEWER, 0,
                        "Every stored list version, oldest first, each saying whether it is its source's version in "
                                + "force today, and the events (imports, roll-backs) that put versions in force",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"versions":{"type":"array","items":{"type":"object"}},
                                  "events":{"type":"array","items":{"type":"object"}}}}"""), this::versions),
                new Route("GET", "/api/lists/diff", Role.VIEWER, 0,
                        "What changed from stored list version 'from' to version 'to' (ids as in "
                                + "/api/lists/versions): added, removed and changed entries with the changed fields",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"from":{"type":"object"},"to":{"type":"object"},
                                  "summary":{"type":"object"},"added":{"type":"array"},"removed":{"type":"array"},
                                  "changed":{"type":"array"}}}"""), this::diff)
                        .withErrors(Map.of(404, "no such version")));
    }

    private ApiResponse versions(Request r) {
        Set<Long> inForce = store.lists().inForce().values().stream().map(VersionInfo::id)
                .collect(Collectors.toSet());
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("versions");
        for (VersionInfo v : store.lists().versions().history()) {
            ObjectNode e = v.toJson();
            e.put("inForce", inForce.contains(v.id()));
            a.add(e);
        }
        ArrayNode ev = o.putArray("events");
        for (ListEvent e : store.lists().events()) {
            ev.add(e.toJson());
        }
        return ApiResponse.ok(o);
    }

    private ApiResponse diff(Request r) throws ApiException {
        VersionInfo from = version(r, "from");
        VersionInfo to = version(r, "to");
        ListDiff d = ListDiff.between(load(from), load(to));
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("from", from.toJson());
        o.set("to", to.toJson());
        ListDiffJson.write(o, d, ListVersionsApi::entry);
        return ApiResponse.ok(o);
    }

    private static ObjectNode entry(ListedParty p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("source", p.source());
        o.put("sourceId", p.sourceId());
        o.put("sourceList", p.sourceList());
        o.put("type", p.type().label());
        o.put("name", p.primaryName());
        ArrayNode programs = o.putArray("programs");
        p.programs().forEach(programs::add);
        return o;
    }

    private VersionInfo version(Request r, String name) throws ApiException {
        String s = r.query(name);
        long id;
        try {
            id = Long.parseLong(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "'" + name + "' must be a list version id, not '" + s + "'");
        }
        return store.lists().versions().get(id)
                .orElseThrow(() -> new ApiException(404, "no list version " + id));
    }

    private List<PartyList> load(VersionInfo v) throws ApiException {
        try {
            return store.lists().load(v.id());
        } catch (Exception e) {
            throw new ApiException(500, "stored list version " + v.id() + " cannot be read: " + e.getMessage());
        }
    }
}
