package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.AuditRecord;
import org.exportguard.store.AuditVerification;
import org.exportguard.store.Role;
import org.exportguard.store.Store;

import java.util.List;

/**
 * The audit chain, read-only: a page of records ({@code GET /api/audit?after=SEQ&limit=N}) and a verification of
 * the whole chain ({@code GET /api/audit/verify}). Approvers and admins: the log names every user and action.
 */
public final class AuditApi {
    static final int MAX_PAGE = 1000;

    private final Store store;

    public AuditApi(Store store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/api/audit", Role.APPROVER, 0,
                        "Audit records after seq 'after' (default 0), at most 'limit' (default 100, at most "
                                + MAX_PAGE + "); 'next' is the 'after' of the following page",
                        null, Schemas.parse("""
                                {"type":"object","properties":{
                                  "records":{"type":"array","items":{"type":"object","properties":{
                                    "seq":{"type":"integer"},"at":{"type":"string"},"actor":{"type":"string"},
                                    "action":{"type":"string"},"subject":{"type":"string"},
                                    "details":{"type":"object"},"prevHash":{"type":"string"},
                                    "hash":{"type":"string"}}}},
                                  "next":{"type":"integer"}}}"""),
                        this::page),
                new Route("GET", "/api/audit/verify", Role.APPROVER, 0,
                        "Checks the whole chain: intact, or the first record that does not fit and why",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"intact":{"type":"boolean"},
                                  "records":{"type":"integer"},"firstBadSeq":{"type":"integer"},
                                  "problem":{"type":"string"}}}"""),
                        r -> ApiResponse.ok(verification(store.audit().verify()))));
    }

    private ApiResponse page(Request r) throws ApiException {
        long after = number(r, "after", 0, Long.MAX_VALUE);
        int limit = (int) number(r, "limit", 100, MAX_PAGE);
        List<AuditRecord> records = store.audit().page(after, limit);
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("records");
        for (AuditRecord x : records) {
            ObjectNode e = a.addObject();
            e.put("seq", x.seq());
            e.put("at", x.at());
            e.put("actor", x.actor());
            e.put("action", x.action());
            e.put("subject", x.subject());
            e.set("details", Json.readTree(x.details()));
            e.put("prevHash", x.prevHash());
            e.put("hash", x.hash());
        }
        o.put("next", records.isEmpty() ? after : records.get(records.size() - 1).seq());
        return ApiResponse.ok(o);
    }

    private static ObjectNode verification(AuditVerification v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("intact", v.intact());
        o.put("records", v.records());
        if (!v.intact()) {
            o.put("firstBadSeq", v.badSeq());
            o.put("problem", v.problem());
            com.fasterxml.jackson.databind.node.ArrayNode rows = o.putArray("rows"); // rows that differ, by name
            v.rows().forEach(rows::add);
        }
        return o;
    }

    private static long number(Request r, String name, long dflt, long max) throws ApiException {
        String s = r.query(name);
        if (s == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(s.strip());
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + name + "' must be a whole number from 0 to " + max
                    + ", not '" + s + "'");
        }
    }
}
