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

    /** A party type as requests accept it. */
    public static final String PARTY_TYPE = """
            {"type":"string","description":"person, organization, vessel, aircraft or unknown (list synonyms such as individual, company, entity are accepted); default unknown"}""";
}
