package org.exportguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.screen.ScreeningHit;

import java.io.UncheckedIOException;
import java.util.List;

/** The JSON shapes the CLI writes. One shape per thing, shared by interactive and batch output. */
public final class Json {
    /** Thread-safe once configured; shared by the batch workers. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"id","query","hits":[hit...]}}: one line of {@code screen} output. */
    public static ObjectNode screenResult(String id, String query, List<ScreeningHit> hits) {
        ObjectNode o = object();
        o.put("id", id);
        o.put("query", query);
        ArrayNode a = o.putArray("hits");
        hits.forEach(h -> a.add(hit(h)));
        return o;
    }

    /** {@code {"source","sourceId","type","name","matchedName","score","explanation"}}. */
    public static ObjectNode hit(ScreeningHit h) {
        ObjectNode o = object();
        o.put("source", h.party().source());
        o.put("sourceId", h.party().sourceId());
        o.put("type", h.party().type().label());
        o.put("name", h.party().primaryName());
        o.put("matchedName", h.matchedName());
        o.put("score", CliText.round4(h.score()));
        o.put("explanation", h.explanation() == null ? "" : h.explanation().toText());
        return o;
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
