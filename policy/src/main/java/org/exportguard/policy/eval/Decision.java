package org.exportguard.policy.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.policy.pack.Outcome;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The decision on one deal as of one day: the overall outcome (the most severe of the regimes'), each applicable
 * regime's outcome and findings, and the policy and list versions used, so the decision can be reproduced.
 *
 * @param lists the sources screened, as {@code ListCoverage.toJson} wrote them when the decision was taken (their
 *              versions, and each stored source's age then)
 */
public record Decision(String dealId, LocalDate asOf, Outcome outcome, String policyVersion,
                       Map<String, String> listVersions, ArrayNode lists, List<RegimeDecision> regimes) {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    public Decision {
        regimes = List.copyOf(regimes);
    }

    /** Every finding of every regime, in order. */
    public List<Finding> findings() {
        return regimes.stream().flatMap(r -> r.findings().stream()).toList();
    }

    /**
     * The decision as JSON, keys always in the same order and numbers rounded to 4 decimals, so the same decision
     * gives the same bytes.
     */
    public ObjectNode toJsonNode() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("dealId", dealId);
        o.put("asOf", asOf.toString());
        o.put("outcome", outcome.name());
        o.put("policyVersion", policyVersion);
        ObjectNode lv = o.putObject("listVersions");
        listVersions.forEach(lv::put);
        o.set("lists", lists == null ? MAPPER.createArrayNode() : lists.deepCopy());
        ArrayNode rs = o.putArray("regimes");
        for (RegimeDecision r : regimes) {
            ObjectNode ro = rs.addObject();
            ro.put("regime", r.regime());
            ro.put("outcome", r.outcome().name());
            ArrayNode fs = ro.putArray("findings");
            for (Finding f : r.findings()) {
                ObjectNode fo = fs.addObject();
                fo.put("rule", f.rule());
                fo.put("outcome", f.outcome().name());
                fo.put("reason", f.reason());
                fo.put("citation", f.citation());
                ArrayNode src = fo.putArray("source");
                f.provenance().sources().forEach(src::add);
                fo.put("verified", f.provenance().verified().label());
                fo.put("authoritative", f.provenance().authoritative());
                if (f.cap() != null) {
                    // only when a weak fact lowered the outcome: what it would have been, and why it is not
                    ObjectNode cap = fo.putObject("capped");
                    cap.put("from", f.cap().from().name());
                    cap.put("because", f.cap().because());
                }
                fo.put("policyVersion", f.policyVersion());
                fo.put("subject", f.subject());
                ListMatch m = f.match();
                if (m != null) {
                    // the texts first, as decisions have always given them; then the match itself, as data
                    fo.put("list", m.listName());
                    fo.put("sourceId", m.entryId());
                    fo.put("score", m.roundedScore());
                    fo.put("listVersion", m.listVersion());
                    fo.set("match", DecisionHits.toJson(m));
                }
            }
        }
        return o;
    }

    /** One line of JSON (what batch output writes). */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
