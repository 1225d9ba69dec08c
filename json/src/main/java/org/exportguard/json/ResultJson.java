package org.exportguard.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.match.MatchResult;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.evidence.Evidence;
import org.exportguard.core.screen.evidence.HitEvidence;

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
     * screener's coverage writes them), and each hit's {@code entry.listVersion} the one it came from
     * ({@code {"source","version","sha256"}}); {@code id} is left out when null.
     */
    public static ObjectNode screenResult(String id, String query, List<ScreeningHit> hits, JsonNode lists) {
        ObjectNode o = screenResult(id, query, hits);
        for (JsonNode h : o.get("hits")) {
            ((ObjectNode) h.get("entry")).set("listVersion", listOf(h.get("source").asText(), lists));
        }
        o.set("lists", lists);
        return o;
    }

    /** {@code {"source","version","sha256"}} of the screened source a hit came from, or null when not named. */
    private static JsonNode listOf(String source, JsonNode lists) {
        if (lists != null) {
            for (JsonNode l : lists) {
                if (source.equals(l.path("source").asText(null))) {
                    ObjectNode o = MAPPER.createObjectNode();
                    o.put("source", source);
                    o.set("version", l.get("version"));
                    o.set("sha256", l.get("sha256"));
                    return o;
                }
            }
        }
        return MAPPER.nullNode();
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

    /**
     * {@code {"source","sourceId","type","name","matchedName","score","explanation","evidence"?,"entry"}}:
     * {@code evidence} ({@code {"nameScore","items":[{"field","result","query","listed","effect","note"}]}}) only
     * when the query carried secondary evidence; {@code entry} the listed entry's details ({@link EntryJson}).
     */
    public static ObjectNode hit(ScreeningHit h) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", h.party().source());
        o.put("sourceId", h.party().sourceId());
        o.put("type", h.party().type().label());
        o.put("name", h.party().primaryName());
        o.put("matchedName", h.matchedName());
        o.put("score", round4(h.score()));
        String explanation = h.explanation() == null ? "" : h.explanation().toText();
        if (h.evidence() != null) {
            explanation = explanation + " | evidence: " + h.evidence().toText();
        }
        o.put("explanation", explanation);
        if (h.evidence() != null) {
            o.set("evidence", evidence(h.evidence()));
        }
        o.set("entry", EntryJson.of(h.party()));
        return o;
    }

    /** {@code {"nameScore","items":[{"field","result","query","listed","effect","note"}]}}. */
    public static ObjectNode evidence(HitEvidence e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("nameScore", round4(e.nameScore()));
        ArrayNode items = o.putArray("items");
        for (Evidence i : e.items()) {
            ObjectNode n = items.addObject();
            n.put("field", i.field());
            n.put("result", i.result().name().toLowerCase(java.util.Locale.ROOT));
            n.put("query", i.query());
            n.put("listed", i.listed());
            n.put("effect", round4(i.effect()));
            n.put("note", i.note());
        }
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
