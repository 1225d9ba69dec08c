package org.exportguard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.exportguard.json.Json;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A request body that must be one JSON object. Every problem is a 400 naming the field at fault: a missing or
 * blank required field, a value of the wrong type, a field the route does not know (a typo must not be silently
 * ignored), a duplicate field.
 */
public final class JsonRequest {
    private static final ObjectReader READER = Json.STRICT_READER;

    private final JsonNode node;

    private JsonRequest(JsonNode node) {
        this.node = node;
    }

    public static JsonRequest parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw new ApiException(400, "empty body; expected a JSON object");
        }
        JsonNode n;
        try {
            n = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ApiException(400, "unreadable body");
        }
        if (n == null || !n.isObject()) {
            throw new ApiException(400, "expected a JSON object");
        }
        return new JsonRequest(n);
    }

    private static ApiException malformed(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        String field = null;
        // Jackson names a duplicate field in its message: "Duplicate field 'name'".
        if (msg != null && msg.startsWith("Duplicate field '")) {
            field = msg.substring("Duplicate field '".length(), msg.indexOf('\'', "Duplicate field '".length()));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String first = msg == null ? "syntax error" : msg.lines().findFirst().orElse("syntax error");
        return new ApiException(400, "malformed JSON" + where + ": " + first, field, Map.of());
    }

    /** 400 naming the first field not in {@code allowed}. */
    public JsonRequest only(Set<String> allowed) throws ApiException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiException.badField(f, "unknown field '" + f + "' (expected " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    /** A string that must be present and not blank, stripped. */
    public String requiredText(String field) throws ApiException {
        String s = optionalText(field);
        if (s == null) {
            throw ApiException.badField(field, "'" + field + "' is required");
        }
        if (s.isBlank()) {
            throw ApiException.badField(field, "'" + field + "' must not be blank");
        }
        return s.strip();
    }

    /** A string or absent/null (null then). */
    public String optionalText(String field) throws ApiException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badField(field, "'" + field + "' must be a string");
        }
        return v.textValue();
    }

    /** The field's value as it came, or null when absent or null: for fields of a structure the caller checks. */
    public JsonNode optionalNode(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }
}
