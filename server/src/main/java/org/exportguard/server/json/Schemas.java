package org.exportguard.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

/** JSON schemas for the OpenAPI document, written as JSON text so they read like the document itself. */
public final class Schemas {
    private Schemas() {
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad schema literal: " + e.getOriginalMessage(), e);
        }
    }

    /** A listed entry's details, as {@code EntryJson.of} writes them: every key always present. */
    public static final String ENTRY = """
            {"type":"object","description":"the listed entry's details, as its list gives them","properties":{
              "source":{"type":"string"},"sourceId":{"type":"string"},
              "sourceList":{"type":["string","null"],"description":"for the US-CSL, the original list of the row"},
              "type":{"type":"string"},
              "names":{"type":"array","items":{"type":"object","properties":{
                "name":{"type":"string"},"kind":{"type":"string","enum":["primary","alias"]},
                "aliasKind":{"type":["string","null"],"enum":["a.k.a.","f.k.a.","n.k.a.",null],"description":"what the list calls the alias: also, formerly or now known as; null when it does not say"},
                "strength":{"type":"string","enum":["strong","weak"]},"script":{"type":"string","enum":["latin","original"]}}}},
              "titles":{"type":"array","items":{"type":"string"},"description":"titles and positions as listed (OFAC Title)"},
              "programs":{"type":"array","items":{"type":"string"},"description":"sanctions programmes or regimes"},
              "addresses":{"type":"array","items":{"type":"object","properties":{
                "street":{"type":["string","null"]},"city":{"type":["string","null"]},"region":{"type":["string","null"]},
                "postalCode":{"type":["string","null"]},"country":{"type":["string","null"]},
                "countryCode":{"type":["string","null"],"description":"ISO 3166-1 alpha-2 when the reader could tell"}}}},
              "datesOfBirth":{"type":"array","items":{"type":"string"},"description":"as written: a date, a month, a year, a range"},
              "placesOfBirth":{"type":"array","items":{"type":"string"}},
              "nationalities":{"type":"array","items":{"type":"string"},"description":"nationalities and citizenships"},
              "identifiers":{"type":"array","items":{"type":"object","properties":{
                "type":{"type":["string","null"]},"number":{"type":["string","null"]},"country":{"type":["string","null"]}}}},
              "remarks":{"type":["string","null"]},
              "listedOn":{"type":["string","null"],"format":"date"},
              "listingEnd":{"type":["string","null"],"format":"date"},
              "licenceRequirement":{"type":["string","null"]},"licencePolicy":{"type":["string","null"]},
              "listVersion":{"type":["object","null"],"description":"the version of the entry's list screened (in screen answers)","properties":{
                "source":{"type":"string"},"version":{"type":["integer","null"]},"sha256":{"type":["string","null"]}}}}}""";

    /** A hit, as {@link ResultJson#hit} writes it. */
    public static final String HIT = """
            {"type":"object","properties":{
              "source":{"type":"string","description":"list id, e.g. OFAC-SDN"},
              "sourceId":{"type":"string"},
              "type":{"type":"string","enum":["person","organization","vessel","aircraft","unknown"]},
              "name":{"type":"string","description":"the listed primary name"},
              "matchedName":{"type":"string","description":"the name of the listed party that scored best"},
              "score":{"type":"number","minimum":0,"maximum":1,"description":"the name score, moved by the query's secondary evidence when it carried any"},
              "explanation":{"type":"string","description":"why the name scored so; then, when the query carried secondary evidence, each match and conflict with its effect"},
              "evidence":{"type":"object","description":"only when the query carried secondary evidence (type, country, dob, identifiers)","properties":{
                "nameScore":{"type":"number","description":"the name's score before the evidence"},
                "items":{"type":"array","description":"one per field the query and the entry both have; none when the entry lists none of them (a missing field changes nothing)","items":{"type":"object","properties":{
                  "field":{"type":"string","enum":["identifier","dob","country","type"]},
                  "result":{"type":"string","enum":["match","conflict"]},
                  "query":{"type":"string"},
                  "listed":{"type":"string","description":"the listed value met or contradicted (the nearest, of several)"},
                  "effect":{"type":"number","description":"points added to the score (negative: taken off)"},
                  "note":{"type":"string","description":"e.g. same day, same year, 38 years apart, same number"}}}}}},
              "entry":%s}}""".formatted(ENTRY);

    /** The sources an answer screened against, as {@code ListCoverage.toJson} writes them. */
    public static final String LISTS = """
            {"type":"array","description":"the list sources screened, one entry per source: every screen answer and decision names them","items":{"type":"object","required":["source","version","sha256","effective","importedAt","ageDays"],"properties":{
              "source":{"type":"string","description":"list id, as hits name their source, e.g. OFAC-SDN, US-CSL"},
              "version":{"type":["integer","null"],"description":"the stored list version; null for lists not from the store (files the server was given, the shipped samples)"},
              "sha256":{"type":["string","null"],"description":"content hash of the version, or of the file or folder read"},
              "effective":{"type":["string","null"],"format":"date","description":"the version's effective date (null: from its import)"},
              "importedAt":{"type":["string","null"],"format":"date-time","description":"when the version was stored (null: not stored)"},
              "ageDays":{"type":["number","null"],"description":"days since the store last confirmed the source current (its import, or a fetch that found it unchanged), by the server's clock; null for lists not from the store, which carry no staleness check"},
              "subLists":{"type":"array","items":{"type":"string"},"description":"for the US-CSL: the original lists its rows actually hold (the CSV's source column); a list rule naming another sub-list counts as not screened"}}}}""";

    /** A party type as requests accept it. */
    public static final String PARTY_TYPE = """
            {"type":"string","description":"person, organization, vessel, aircraft or unknown (list synonyms such as individual, company, entity are accepted); default unknown"}""";
}
