package org.exportguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.server.json.ResultJson;

import java.io.UncheckedIOException;

/**
 * JSON helpers of the CLI. The shapes of screening and matching results live in {@link ResultJson}, shared with the
 * HTTP API.
 */
public final class Json {
    /** The mapper the result shapes use ({@link ResultJson}); thread-safe, shared by the batch workers. */
    public static final ObjectMapper MAPPER = ResultJson.MAPPER;

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String line(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(Object node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
