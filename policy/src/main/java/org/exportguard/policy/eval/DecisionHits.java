package org.exportguard.policy.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The screening hits of a decision, read back from its JSON (as stored, or as an API answer carries it): the
 * {@code match} object of every list finding, in the order of the findings. The one place that reads hits from a
 * decision's JSON; nothing parses a finding's {@code subject} or {@code list} text but
 * {@link #fromTextsOfADecisionStoredBeforeMatches}.
 */
public final class DecisionHits {
    private static final ObjectMapper JSON = Json.MAPPER;

    private DecisionHits() {
    }

    /**
     * The hits of a decision's JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static List<ListMatch> of(String decisionJson) {
        try {
            return of(JSON.readTree(decisionJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a decision is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The hits of a decision's JSON. */
    public static List<ListMatch> of(JsonNode decision) {
        List<ListMatch> out = new ArrayList<>();
        for (JsonNode regime : decision.path("regimes")) {
            for (JsonNode f : regime.path("findings")) {
                JsonNode m = f.get("match");
                if (m != null && m.isObject()) {
                    out.add(fromJson(m));
                } else if (f.hasNonNull("list")) {
                    ListMatch legacy = fromTextsOfADecisionStoredBeforeMatches(f);
                    if (legacy != null) {
                        out.add(legacy);
                    }
                }
            }
        }
        return out;
    }

    /** The {@code match} object of a list finding (keys in this order; {@code subList} only when there is one). */
    static ObjectNode toJson(ListMatch m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("party", m.party());
        o.put("partyName", m.partyName());
        o.put("partyRole", m.partyRole());
        o.put("source", m.source());
        if (m.subList() != null) {
            o.put("subList", m.subList());
        }
        o.put("entryId", m.entryId());
        o.put("listedName", m.listedName());
        o.put("matchedName", m.matchedName());
        o.put("score", m.roundedScore());
        o.put("listVersion", m.listVersion());
        return o;
    }

    private static ListMatch fromJson(JsonNode m) {
        return new ListMatch(m.path("party").asInt(), text(m, "partyName"), text(m, "partyRole"), text(m, "source"),
                text(m, "subList"), text(m, "entryId"), text(m, "listedName"), text(m, "matchedName"),
                m.path("score").asDouble(), text(m, "listVersion"));
    }

    /**
     * LEGACY: decisions stored before findings carried their {@code match} object give a hit only as text, subject
     * {@code parties[1] NSO Group} and list {@code US-CSL: Entity List (EL) - ...}; this reads those texts back
     * (the party's role and the listed and matched names are not in them: null). Stored decisions are immutable, so
     * this stays for them; decisions taken since never need it. Nothing else may parse these texts. Null when the
     * subject names no party.
     */
    static ListMatch fromTextsOfADecisionStoredBeforeMatches(JsonNode finding) {
        String subject = finding.path("subject").asText("");
        String list = finding.path("list").asText();
        int close = subject.indexOf("] ");
        if (!subject.startsWith("parties[") || close < 0) {
            return null;
        }
        int party;
        try {
            party = Integer.parseInt(subject.substring("parties[".length(), close));
        } catch (NumberFormatException e) {
            return null;
        }
        String partyName = subject.substring(close + 2);
        int colon = list.indexOf(": ");
        return new ListMatch(party, partyName, null, colon < 0 ? list : list.substring(0, colon),
                colon < 0 ? null : list.substring(colon + 2), text(finding, "sourceId"), null, null,
                finding.path("score").asDouble(), text(finding, "listVersion"));
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
