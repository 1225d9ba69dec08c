package org.exportguard.service.impact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.service.impact.ImpactReport.ChangedDeal;
import org.exportguard.service.impact.ImpactReport.EffectiveDateChange;
import org.exportguard.service.impact.ImpactReport.ListChange;
import org.exportguard.service.impact.ImpactReport.ListEntry;
import org.exportguard.service.impact.ImpactReport.PolicyChange;
import org.exportguard.service.impact.ImpactReport.Screening;
import org.exportguard.service.impact.ImpactReport.UnreadableDeal;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The JSON of an {@link ImpactReport}, written here and nowhere else: what the store keeps for a change, and what
 * {@code impact --json} and {@code GET /api/impact} print. Keys are always in this order (the report's text is
 * stored and hashed in the audit chain, so the same report must give the same bytes):
 * <pre>
 * {"change":{...},"reevaluated","incremental":true,["asOf"],["screening":{...}],"outcomesAfter":{...},
 *  "changedCount","changed":[{"dealId","before","after","reasons"}],"unchanged",["unreadable":[...]],["stored":false]}
 * </pre>
 * {@code asOf} and {@code stored} are a forecast's only; {@code unreadable} is there when a deal could not be read.
 */
public final class ImpactReportJson {
    /** Why a list change that adds or removes a list id re-decides the deals under REVIEW. */
    static final String LIST_COVERAGE_CHANGED = "open deals under REVIEW were re-decided too, since a list now (or "
            + "no longer) loaded decides whether its rules could be applied";
    /** What the stored shipped pack is called where a policy version is expected. */
    static final String SHIPPED_PACK = "the pack shipped in the jar";

    private ImpactReportJson() {
    }

    /** The report as one line of JSON text. */
    public static String text(ImpactReport r) {
        return json(r).toString();
    }

    /** The report as a JSON tree. */
    public static ObjectNode json(ImpactReport r) {
        ObjectNode o = Json.object();
        o.set("change", change(r.change()));
        o.put("reevaluated", r.reevaluated());
        o.put("incremental", true);
        if (r.forecast() != null) {
            o.put("asOf", r.forecast().before() + " and " + r.forecast().day()
                    + " (each deal decided as if shipped on each day)");
        }
        if (r.screening() != null) {
            o.set("screening", screening(r.screening()));
        }
        ObjectNode outcomes = o.putObject("outcomesAfter");
        r.outcomesAfter().forEach(outcomes::put);
        o.put("changedCount", r.changed().size());
        ArrayNode changed = o.putArray("changed");
        for (ChangedDeal c : r.changed()) {
            ObjectNode n = changed.addObject();
            n.put("dealId", c.dealId());
            n.put("before", c.before());
            n.put("after", c.after());
            strings(n.putArray("reasons"), c.reasons());
        }
        o.put("unchanged", r.unchanged());
        if (!r.unreadable().isEmpty()) {
            ArrayNode unreadable = o.putArray("unreadable");
            for (UnreadableDeal u : r.unreadable()) {
                ObjectNode n = unreadable.addObject();
                n.put("dealId", u.dealId());
                n.put("problem", "cannot be read under the new policy: " + u.problem());
            }
        }
        if (r.forecast() != null) {
            o.put("stored", false);
        }
        return o;
    }

    private static ObjectNode change(ImpactReport.Change change) {
        ObjectNode o = Json.object();
        o.put("kind", change.kind());
        if (change instanceof ListChange c) {
            o.put("source", c.source());
            o.put("version", c.version());
            o.put("sha256", c.sha256());
            if (c.previousVersion() == null) {
                o.putNull("previousVersion");
            } else {
                o.put("previousVersion", c.previousVersion());
            }
            o.put("effectiveDate", date(c.effectiveDate()));
            o.put("added", c.added());
            o.put("changed", c.changedEntries());
            o.put("removed", c.removed());
            o.put("unchanged", c.unchanged());
            ArrayNode entries = o.putArray("entries");
            for (ListEntry e : c.entries()) {
                ObjectNode n = entries.addObject();
                n.put("op", e.op().label());
                n.put("list", e.list());
                n.put("id", e.id());
                n.put("name", e.name());
                if (e.listedOn() != null) {
                    n.put("listedOn", e.listedOn().toString());
                }
                if (e.fields() != null) {
                    strings(n.putArray("fields"), e.fields());
                }
            }
            if (!c.listsNowLoaded().isEmpty()) {
                strings(o.putArray("listsNowLoaded"), c.listsNowLoaded());
            }
            if (!c.listsNoLongerLoaded().isEmpty()) {
                strings(o.putArray("listsNoLongerLoaded"), c.listsNoLongerLoaded());
            }
        } else if (change instanceof PolicyChange c) {
            o.put("version", c.version());
            o.put("sha256", c.sha256());
            if (c.previousVersion() == null) {
                o.put("previousVersion", SHIPPED_PACK + " (" + c.previousPolicy() + ")");
            } else {
                o.put("previousVersion", c.previousVersion());
            }
            o.put("policy", c.policy());
            o.put("effectiveDate", date(c.effectiveDate()));
            destinations(o, c.touches());
            ArrayNode differences = o.putArray("differences");
            c.differences().forEach(d -> differences.add(d.toJson()));
        } else if (change instanceof EffectiveDateChange c) {
            o.put("on", c.on().toString());
            o.put("policy", c.policy());
            if (c.policyVersionId() == null) {
                o.put("policyVersion", SHIPPED_PACK);
            } else {
                o.put("policyVersion", c.policyVersionId());
            }
            destinations(o, c.touches());
            o.set("differences", c.difference().toJson());
        } else if (change instanceof ImpactReport.ListAgeChange c) {
            ArrayNode sources = o.putArray("sources");
            for (ImpactReport.SourceAge a : c.sources()) {
                ObjectNode n = sources.addObject();
                n.put("source", a.source());
                n.put("version", a.version());
                n.put("state", a.state());
                n.put("confirmedAt", a.confirmedAt().toString());
                n.put("maxAgeDays", org.exportguard.policy.screen.Staleness.days(a.limit()));
                n.put("staleSince", a.staleSince().toString());
            }
        }
        return o;
    }

    private static ObjectNode screening(Screening s) {
        ObjectNode o = Json.object();
        o.put("against", s.against());
        if (s.counts() != null) {
            o.put("openDeals", s.counts().openDeals());
            o.put("distinctPartyNames", s.counts().distinctPartyNames());
            o.put("dealsWithAHit", s.counts().dealsWithAHit());
        }
        if (s.listCoverageChanged()) {
            o.put("listCoverageChanged", LIST_COVERAGE_CHANGED);
        }
        return o;
    }

    private static void destinations(ObjectNode o, PolicyDiff.Impact touches) {
        o.put("allDestinations", touches.allDestinations());
        strings(o.putArray("destinations"), touches.countries());
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
