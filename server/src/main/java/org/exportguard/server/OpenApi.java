package org.exportguard.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.Role;

import java.util.List;

/**
 * The OpenAPI 3 document, generated from the route table, so it lists every route the router serves and each
 * operation's least role ({@code x-min-role}) and possible error answers.
 */
final class OpenApi {
    private OpenApi() {
    }

    static ObjectNode document(List<Route> routes, String version) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "ExportGuard API");
        info.put("version", version);
        info.put("description", "Screens parties against restricted-party lists. Every /api/ call needs "
                + "'Authorization: Bearer TOKEN'; roles: viewer < analyst < approver < admin.");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode pathItem = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            pathItem.set(r.method().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearerAuth");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        components.putObject("schemas").set("Error", Schemas.parse("""
                {"type":"object","required":["error"],"properties":{
                  "error":{"type":"string"},
                  "field":{"type":"string","description":"the request body field at fault (400)"}}}"""));
        return doc;
    }

    private static ObjectNode operation(Route r) {
        ObjectNode op = Json.MAPPER.createObjectNode();
        op.put("summary", r.summary());
        op.put("operationId", operationId(r));
        if (r.path().contains("{")) {
            ArrayNode params = op.putArray("parameters");
            for (String seg : r.path().split("/")) {
                if (seg.startsWith("{")) {
                    ObjectNode p = params.addObject();
                    p.put("name", seg.substring(1, seg.length() - 1));
                    p.put("in", "path");
                    p.put("required", true);
                    p.putObject("schema").put("type", "string");
                }
            }
        }
        if (r.isPublic()) {
            op.putArray("security");
        } else {
            op.putArray("security").addObject().putArray("bearerAuth");
            op.put("x-min-role", r.minRole().label());
        }
        if (r.requestSchema() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("application/json").set("schema", r.requestSchema());
        }
        if (r.streamsBody()) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.put("description", "a file, up to " + r.maxBody() + " bytes");
            body.putObject("content").putObject("application/octet-stream").putObject("schema")
                    .put("type", "string").put("format", "binary");
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "OK");
        if (r.responseSchema() != null) {
            String type = r.responseSchema().path("format").asText("").equals("html") ? "text/html" : "application/json";
            ok.putObject("content").putObject(type).set("schema", r.responseSchema());
        }
        if (r.requestSchema() != null || r.streamsBody()) {
            error(responses, "400", "malformed JSON, or a bad field (named in 'field')");
        }
        if (!r.isPublic()) {
            error(responses, "401", "missing or unknown bearer token");
            if (r.minRole() != Role.VIEWER) {
                error(responses, "403", "the caller's role is below " + r.minRole().label());
            }
        }
        if (r.maxBody() > 0) {
            error(responses, "413", "body larger than " + r.maxBody() + " bytes");
        }
        if (!r.isPublic()) {
            error(responses, "429", "too many requests for this token (see Retry-After)");
        }
        new java.util.TreeMap<>(r.errors()).forEach((status, what) -> error(responses, Integer.toString(status), what));
        error(responses, "500", "internal error (generic message; details only in the server log)");
        return op;
    }

    private static void error(ObjectNode responses, String code, String description) {
        ObjectNode e = responses.putObject(code);
        e.put("description", description);
        e.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/Error");
    }

    /** {@code POST /api/lists/reload} → {@code postApiListsReload}. */
    static String operationId(Route r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(java.util.Locale.ROOT));
        for (String seg : r.path().split("[/{}.]")) {
            if (!seg.isEmpty()) {
                sb.append(Character.toUpperCase(seg.charAt(0))).append(seg.substring(1));
            }
        }
        return sb.toString();
    }
}
