package org.exportguard.server.json;

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
    /** Thread-safe once configured; shared by batch workers and request threads. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {
    }

    /** Rounds to 4 decimals, as scores are shown and written. */
    /** A stored list or policy version, as {@code lists history --json} and {@code POST /api/lists} show it. */
    public static ObjectNode version(org.exportguard.store.VersionInfo v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", v.id());
        o.put("source", v.source());
        o.put("sha256", v.sha256());
        o.put("effectiveDate", v.effectiveDate() == null ? null : v.effectiveDate().toString());
        o.put("importedAt", v.importedAt());
        o.put("importedBy", v.importedBy());
        o.put("origin", v.origin());
        o.put("files", v.fileCount());
        o.put("bytes", v.byteCount());
        try {
            o.set("counts", MAPPER.readTree(v.counts()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            o.put("counts", v.counts());
        }
        return o;
    }

    /** JSON the store holds (written by this program), read back; unreadable is a bug, not the caller's fault. */
    public static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static double round4(double v) {
        return Math.round(v * 10_000d) / 10_000d;
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
