package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.policy.destination.DestinationMap;
import org.exportguard.policy.eval.DestinationConditions;
import org.exportguard.policy.eval.Truth;
import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.GroupVersion;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Provenance;
import org.exportguard.policy.pack.Regime;
import org.exportguard.policy.pack.Rule;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.store.Role;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/destinations}: every ISO country's status on a day under one country group or regime of the
 * policy in force ({@link DestinationMap}), with the memberships and rules behind it and their provenance: what the
 * workbench's destination map draws. {@code GET /api/destinations/choices}: the groups and regimes to choose from.
 */
public final class DestinationsApi {
    private static final String PROVENANCE = """
            "source":{"type":"array","items":{"type":"string"}},
            "verified":{"type":"string","enum":["verified","partial","unverified"]},
            "authoritative":{"type":"boolean"}""";
    private static final String ANSWER = """
            {"type":"object","properties":{
              "kind":{"type":"string","enum":["group","regime"]},"id":{"type":"string"},"name":{"type":"string"},
              "asOf":{"type":"string"},"policyVersion":{"type":"string"},
              "groups":{"type":"array","items":{"type":"object","properties":{
                "id":{"type":"string"},"description":{"type":"string"},
                "version":{"type":["object","null"],"description":"the membership version in force on asOf (null: none)",
                  "properties":{"from":{"type":["string","null"]},"to":{"type":["string","null"]},
                  "complete":{"type":"boolean"},"note":{"type":"string"}}},
                %s}}},
              "rules":{"type":"array","description":"the rules in force on asOf that decide the status (destination: \
                 their destination condition) and, for a regime, those that apply to any destination","items":{
                "type":"object","properties":{"id":{"type":"string"},"regime":{"type":"string"},
                "anyDestination":{"type":"boolean"},"outcome":{"type":"string"},"reason":{"type":"string"},
                "citation":{"type":"string"},"from":{"type":["string","null"]},"to":{"type":["string","null"]},
                "destination":{"type":"object"},"endUser":{"type":["string","null"]},
                "flags":{"type":"array"},"notFlags":{"type":"array"},%s}}},
              "countries":{"type":"array","items":{"type":"object","properties":{
                "code":{"type":"string","description":"ISO 3166-1 alpha-2"},"name":{"type":"string"},
                "status":{"type":"string","enum":["member","not-member","unknown"],"description":"for a regime, \
                   member: a destination rule's condition holds; unknown: none holds and one cannot be decided"},
                "why":{"type":"array","items":{"type":"string"},"description":"why unknown (each reason once)"},
                "memberships":{"type":"array","items":{"type":"object","properties":{"group":{"type":"string"},
                  "membership":{"type":"string","enum":["member","not-member","unknown"]}}}},
                "rules":{"type":"array","description":"the destination rules whose condition holds or is unknown",
                  "items":{"type":"object","properties":{"rule":{"type":"string"},
                  "destination":{"type":"string","enum":["holds","unknown"]}}}}}}}}}""".formatted(PROVENANCE, PROVENANCE);

    private final Desk desk;

    public DestinationsApi(Desk desk) {
        this.desk = desk;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/destinations", Role.VIEWER, 0,
                "Every ISO 3166-1 country's status as of 'asOf' (YYYY-MM-DD, default today) under the country group "
                        + "'group' or the regime 'regime' (exactly one; with 'rule', only that rule of the regime) of "
                        + "the policy in force: member, not-member or "
                        + "unknown (where the pack does not know a membership: never not-member), with the group "
                        + "memberships and rules behind it, their sources and verified flags",
                null, Schemas.parse(ANSWER), this::map)
                        .withErrors(Map.of(400, "no or both of 'group' and 'regime', an unknown one, a rule not of "
                                + "the regime, or a bad date")),
                new Route("GET", "/api/destinations/choices", Role.VIEWER, 0,
                        "The country groups and regimes of the policy in force, for GET /api/destinations",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"policyVersion":{"type":"string"},
                                  "groups":{"type":"array","items":{"type":"object","properties":{
                                    "id":{"type":"string"},"description":{"type":"string"}}}},
                                  "regimes":{"type":"array","items":{"type":"object","properties":{
                                    "id":{"type":"string"},"name":{"type":"string"},
                                    "destinationRules":{"type":"array","items":{"type":"string"},
                                      "description":"ids of its rules with a destination condition, any period"}}}}}}"""),
                        this::choices));
    }

    private PolicyPack pack() throws ApiException {
        try {
            return desk.current().pack();
        } catch (ServiceException e) {
            throw ServiceErrors.of(e);
        }
    }

    private ApiResponse choices(Request r) throws ApiException {
        PolicyPack pack = pack();
        ObjectNode o = Json.object();
        o.put("policyVersion", pack.version());
        ArrayNode groups = o.putArray("groups");
        for (CountryGroup g : pack.groups().values()) {
            groups.addObject().put("id", g.id()).put("description", g.description());
        }
        ArrayNode regimes = o.putArray("regimes");
        for (Regime g : pack.regimes().values()) {
            ObjectNode ro = regimes.addObject().put("id", g.id()).put("name", g.name());
            ArrayNode ids = ro.putArray("destinationRules");
            pack.rulesOf(g.id()).stream().filter(DestinationConditions::hasDestination).map(Rule::id).distinct()
                    .forEach(ids::add);
        }
        return ApiResponse.ok(o);
    }

    private ApiResponse map(Request r) throws ApiException {
        String group = blank(r.query("group"));
        String regime = blank(r.query("regime"));
        String rule = blank(r.query("rule"));
        if (rule != null && regime == null) {
            throw ApiException.badField("rule", "'rule' needs the 'regime' it belongs to");
        }
        if ((group == null) == (regime == null)) {
            throw ApiException.badField(group == null ? "group" : "regime",
                    "give exactly one of 'group' (a country group id) and 'regime' (a regime id)");
        }
        LocalDate asOf = asOf(r);
        PolicyPack pack = pack();
        DestinationMap.View v;
        try {
            v = group != null ? DestinationMap.ofGroup(pack, group, asOf) : DestinationMap.ofRegime(pack, regime, rule, asOf);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(group != null ? "group" : rule != null ? "rule" : "regime", e.getMessage());
        }
        ObjectNode o = Json.object();
        o.put("kind", v.kind().label());
        o.put("id", v.id());
        o.put("name", v.name());
        o.put("asOf", asOf.toString());
        o.put("policyVersion", pack.version());
        ArrayNode groups = o.putArray("groups");
        for (CountryGroup g : v.groups()) {
            ObjectNode go = groups.addObject();
            go.put("id", g.id());
            go.put("description", g.description());
            GroupVersion gv = g.versionOn(asOf).orElse(null);
            if (gv == null) {
                go.putNull("version");
            } else {
                ObjectNode vo = go.putObject("version");
                vo.put("from", gv.from() == null ? null : gv.from().toString());
                vo.put("to", gv.to() == null ? null : gv.to().toString());
                vo.put("complete", gv.complete());
                vo.put("note", gv.note());
            }
            provenance(go, g.provenance());
        }
        ArrayNode rules = o.putArray("rules");
        v.destinationRules().forEach(x -> rule(rules.addObject(), x, false));
        v.anyDestinationRules().forEach(x -> rule(rules.addObject(), x, true));
        ArrayNode countries = o.putArray("countries");
        for (DestinationMap.Country c : v.countries()) {
            ObjectNode co = countries.addObject();
            co.put("code", c.code());
            co.put("name", new Locale("", c.code()).getDisplayCountry(Locale.ENGLISH));
            truth(co, "status", c.status(), "member", "not-member");
            ArrayNode ms = co.putArray("memberships");
            for (DestinationMap.GroupAnswer m : c.memberships()) {
                ms.addObject().put("group", m.group().id()).put("membership", word(m.member(), "member", "not-member"));
            }
            ArrayNode rs = co.putArray("rules");
            for (DestinationMap.RuleAnswer a : c.rules()) {
                rs.addObject().put("rule", a.rule().id()).put("destination", word(a.destination(), "holds", "fails"));
            }
        }
        return ApiResponse.ok(o);
    }

    /**
     * A three-valued answer in words, with why when unknown (each reason once: a regime's status joins the reasons
     * of all its rules, which often read the same group).
     */
    private static void truth(ObjectNode o, String field, Truth t, String yes, String no) {
        o.put(field, word(t, yes, no));
        if (!t.isTrue() && !t.isFalse()) {
            ArrayNode why = o.putArray("why");
            new java.util.LinkedHashSet<>(t.unknownBecause()).forEach(why::add);
        }
    }

    private static String word(Truth t, String yes, String no) {
        return t.isTrue() ? yes : t.isFalse() ? no : "unknown";
    }

    private static void rule(ObjectNode o, Rule r, boolean anyDestination) {
        o.put("id", r.id());
        o.put("regime", r.regime());
        o.put("anyDestination", anyDestination);
        o.put("outcome", r.outcome().name());
        o.put("reason", r.reason());
        o.put("citation", r.citation());
        o.put("from", r.from() == null ? null : r.from().toString());
        o.put("to", r.to() == null ? null : r.to().toString());
        ObjectNode d = o.putObject("destination");
        r.destinationIn().forEach(d.putArray("in")::add);
        r.destinationNotIn().forEach(d.putArray("notIn")::add);
        o.put("endUser", r.endUser());
        r.flags().stream().sorted().forEach(o.putArray("flags")::add);
        r.notFlags().stream().sorted().forEach(o.putArray("notFlags")::add);
        provenance(o, r.provenance());
    }

    private static void provenance(ObjectNode o, Provenance p) {
        p.sources().forEach(o.putArray("source")::add);
        o.put("verified", p.verified().label());
        o.put("authoritative", p.authoritative());
    }

    private LocalDate asOf(Request r) throws ApiException {
        String s = blank(r.query("asOf"));
        if (s == null) {
            return desk.store().lists().today();
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("asOf", "'asOf' must be a date YYYY-MM-DD, not '" + s + "'");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
