package org.exportguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.match.MatchResult;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;

import java.util.List;

/**
 * The JSON shapes of screening and matching results, one shape per thing, shared by the command line (interactive
 * and batch output) and the HTTP API, so a hit reads the same wherever it comes from.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private ResultJson() {
    }

    /** Rounds to 4 decimals, as scores are shown and written. */
    public static double round4(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }

    /**
     * {@code {"id","query","hits":[hit...],"lists":[...]}}: {@code lists} names the sources screened (as the
     * screener's coverage writes them); {@code id} is left out when null.
     */
    public static ObjectNode screenResult(String id, String query, List<ScreeningHit> hits, JsonNode lists) {
        ObjectNode o = screenResult(id, query, hits);
        o.set("lists", lists);
        return o;
    }

    /** {@code {"id","query","hits":[hit...]}}; {@code id} is left out when null. */
    public static ObjectNode screenResult(String id, String query, List<ScreeningHit> hits) {
        ObjectNode o = MAPPER.createObjectNode();
        if (id != null) {
            o.put("id", id);
        }
        o.put("query", query);
        ArrayNode a = o.putArray("hits");
        hits.forEach(h -> a.add(hit(h)));
        return o;
    }

    /** {@code {"source","sourceId","type","name","matchedName","score","explanation"}}. */
    public static ObjectNode hit(ScreeningHit h) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", h.party().source());
        o.put("sourceId", h.party().sourceId());
        o.put("type", h.party().type().label());
        o.put("name", h.party().primaryName());
        o.put("matchedName", h.matchedName());
        o.put("score", round4(h.score()));
        o.put("explanation", h.explanation() == null ? "" : h.explanation().toText());
        return o;
    }

    /**
     * {@code {"name1","name2","type","score","threshold","match","explanation","details"}}: one pair's score,
     * whether it reaches the threshold, and the explanation as text and as structure.
     */
    public static ObjectNode matchResult(String name1, String name2, PartyType type, MatchResult r, double threshold) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name1", name1);
        o.put("name2", name2);
        o.put("type", type.label());
        o.put("score", round4(r.score()));
        o.put("threshold", threshold);
        o.put("match", r.score() >= threshold);
        o.put("explanation", r.explanation().toText());
        o.set("details", MAPPER.valueToTree(r.explanation()));
        return o;
    }
}
