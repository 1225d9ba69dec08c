package org.exportguard.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;

import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of a listed entry's details, as every hit carries them (CLI, batch, API): what an analyst needs to
 * decide whether the hit is the party in front of them. Every key is always present (empty arrays, nulls), so a
 * reader never has to guess whether a list lacks a field or the output left it out; values are as the list gives
 * them.
 */
public final class EntryJson {
    private EntryJson() {
    }

    /**
     * {@code {"source","sourceId","sourceList","type","names":[{"name","kind","aliasKind","strength","script"}],
     * "titles","programs",
     * "addresses":[{"street","city","region","postalCode","country","countryCode"}],"datesOfBirth",
     * "placesOfBirth","nationalities","identifiers":[{"type","number","country"}],"remarks","listedOn",
     * "listingEnd","licenceRequirement","licencePolicy"}}.
     */
    public static ObjectNode of(ListedParty p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("source", p.source());
        o.put("sourceId", p.sourceId());
        o.put("sourceList", p.sourceList());
        o.put("type", p.type().label());
        ArrayNode names = o.putArray("names");
        names.add(name(p.primaryName(), "primary", null, "strong", false));
        for (Alias a : p.aliases()) {
            names.add(name(a.name(), "alias", a.kind(), a.strength().name().toLowerCase(java.util.Locale.ROOT),
                    a.originalScript()));
        }
        strings(o.putArray("titles"), p.titles());
        strings(o.putArray("programs"), p.programs());
        ArrayNode addresses = o.putArray("addresses");
        for (Address a : p.addresses()) {
            ObjectNode ad = addresses.addObject();
            ad.put("street", a.street());
            ad.put("city", a.city());
            ad.put("region", a.region());
            ad.put("postalCode", a.postalCode());
            ad.put("country", a.country());
            ad.put("countryCode", a.countryCode());
        }
        strings(o.putArray("datesOfBirth"), p.datesOfBirth());
        strings(o.putArray("placesOfBirth"), p.placesOfBirth());
        strings(o.putArray("nationalities"), p.nationalities());
        ArrayNode ids = o.putArray("identifiers");
        for (Identifier i : p.identifiers()) {
            ObjectNode id = ids.addObject();
            id.put("type", i.type());
            id.put("number", i.value());
            id.put("country", i.country());
        }
        o.put("remarks", p.remarks());
        o.put("listedOn", date(p.listedOn()));
        o.put("listingEnd", date(p.listingEnd()));
        o.put("licenceRequirement", p.licenceRequirement());
        o.put("licencePolicy", p.licencePolicy());
        return o;
    }

    /** {@code aliasKind}: what the list calls the alias (a.k.a., f.k.a., n.k.a.), null when it does not say. */
    private static ObjectNode name(String name, String kind, String aliasKind, String strength,
                                   boolean originalScript) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", name);
        n.put("kind", kind);
        n.put("aliasKind", aliasKind);
        n.put("strength", strength);
        n.put("script", originalScript ? "original" : "latin");
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
