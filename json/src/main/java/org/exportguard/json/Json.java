package org.exportguard.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * The one configured JSON mapper of the program, and a few helpers around it. Every module that reads or writes
 * JSON (decisions, deals, the store's audit details and reports, the CLI's output, the HTTP API) goes through here,
 * so the bytes written for the same value are the same everywhere.
 */
public final class Json {
    /** Jackson's defaults: thread-safe once built, shared by batch workers and request threads. Never reconfigure. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * For JSON a caller sends (HTTP request bodies): a duplicate field, content after the value, and NaN or
     * Infinity are errors rather than silently resolved.
     */
    public static final ObjectReader STRICT_READER = MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .without(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The value as one line of JSON. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as indented JSON (Jackson's default pretty printer). */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON this program wrote (the store's, a report), read back: unreadable is a bug, not a caller's mistake. */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
