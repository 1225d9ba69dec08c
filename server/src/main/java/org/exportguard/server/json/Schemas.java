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

    /** A hit, as {@link ResultJson#hit} writes it. */
    public static final String HIT = """
            {"type":"object","properties":{
              "source":{"type":"string","description":"list id, e.g. OFAC-SDN"},
              "sourceId":{"type":"string"},
              "type":{"type":"string","enum":["person","organization","vessel","aircraft","unknown"]},
              "name":{"type":"string","description":"the listed primary name"},
              "matchedName":{"type":"string","description":"the name of the listed party that scored best"},
              "score":{"type":"number","minimum":0,"maximum":1},
              "explanation":{"type":"string"}}}""";

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
