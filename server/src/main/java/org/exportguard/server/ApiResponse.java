package org.exportguard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a handler answers: status, content type, the body as bytes, extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    public static ApiResponse json(int status, Object node) {
        try {
            return new ApiResponse(status, JSON, Json.MAPPER.writeValueAsBytes(node), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiResponse ok(Object node) {
        return json(200, node);
    }

    public static ApiResponse html(String page) {
        return new ApiResponse(200, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code {"error":message,"field":field}}, the field left out when null. */
    public static ApiResponse error(int status, String message, String field, Map<String, String> headers) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("error", message);
        if (field != null) {
            o.put("field", field);
        }
        ApiResponse r = json(status, o);
        return new ApiResponse(status, JSON, r.body(), headers);
    }
}
