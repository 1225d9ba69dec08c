package org.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.testkit.DealJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad deals are refused with an error naming the field; the JSON Schema and the parser agree on what is required. */
class DealParserTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String problem(String json) throws Exception {
        DealParser p = new DealParser(Fixtures.pack());
        return assertThrows(DealFormatException.class, () -> p.parse(json.replace('\'', '"'))).getMessage();
    }

    @Test
    void goodDealParses() throws Exception {
        Deal d = Fixtures.deal(Fixtures.israeliDeal("AE"));
        assertEquals("AE", d.destination());
        assertEquals("Ministry of Interior", d.parties().get(0).name());
        assertEquals("4.D.4", d.items().get(0).classification().get("WA"));
    }

    @Test
    void unknownCountryCode() throws Exception {
        assertEquals("destination: unknown country code 'XX' (expected ISO 3166-1 alpha-2, e.g. DE)",
                problem(Fixtures.israeliDeal("XX")));
    }

    @Test
    void missingDestination() throws Exception {
        assertEquals("destination: missing", problem(Fixtures.israeliDeal("AE").replace("'destination':'AE',", "")));
    }

    @Test
    void unknownControlEntry() throws Exception {
        assertEquals("items[0].classification.WA: unknown control entry '9.Z.9'",
                problem(Fixtures.israeliDeal("AE").replace("4.D.4", "9.Z.9")));
    }

    @Test
    void unknownClassificationScheme() throws Exception {
        String m = problem(Fixtures.israeliDeal("AE").replace("'WA':", "'XY':"));
        assertEquals("items[0].classification.XY: unknown classification scheme 'XY' (known: WA, US-EAR, EU-2021-821)", m);
    }

    @Test
    void badDate() throws Exception {
        assertEquals("date: not a date '2021-13-01' (expected YYYY-MM-DD)",
                problem(Fixtures.israeliDeal("AE").replace("2021-12-01", "2021-13-01")));
    }

    @Test
    void unknownFlagAndPartyFields() throws Exception {
        assertEquals("flags[0]: unknown flag 'subject-to-ITAR' (known: subject-to-ear, human-rights-concern, "
                + "unauthorised-access-end-use, vulnerability-disclosure, cyber-incident-response, "
                + "digital-artifacts-police-judicial, not-in-annex-iig, authority-informed-art4, military-end-use)", problem(Fixtures.usDeal("X").replace("subject-to-ear", "subject-to-ITAR")));
        assertEquals("parties[0].role: unknown role 'buyer' (expected end-user, consignee, purchaser or intermediate)",
                problem(Fixtures.usDeal("X").replace("'end-user'", "'buyer'")));
        assertEquals("parties[0].country: unknown country code 'ZZ' (expected ISO 3166-1 alpha-2, e.g. DE)",
                problem(Fixtures.usDeal("X").replace("'country':'IL','type'", "'country':'ZZ','type'")));
        assertEquals("expected a JSON object", problem("[1]"));
    }

    /** A party's dob and identifiers are secondary evidence for screening; a bad one names its field. */
    @Test
    void partyEvidenceFields() throws Exception {
        Deal d = Fixtures.deal(Fixtures.usDeal("Aiman al Zawahiri").replace("'type':'non-government'",
                "'type':'individual','dob':'1951','identifiers':[{'type':'passport','number':'1084010'}]"));
        Deal.Party p = d.parties().get(0);
        assertEquals("1951", p.dob());
        assertEquals(List.of(new org.exportguard.core.model.Identifier("passport", "1084010", null)),
                p.identifiers());
        assertEquals("parties[0].dob: '19.6.1951' is not a date of birth (expected YYYY, YYYY-MM, YYYY-MM-DD or a "
                + "range FROM..TO of those)", problem(Fixtures.usDeal("X").replace("'type':'non-government'",
                "'type':'individual','dob':'19.6.1951'")));
        assertEquals("parties[0].identifiers[0]: unknown identifier kind 'shoe' (expected one of passport, "
                + "national-id, registration, imo, swift-bic, other)", problem(Fixtures.usDeal("X").replace(
                "'type':'non-government'", "'identifiers':[{'type':'shoe','number':'42'}]")));
        assertEquals("parties[0].identifiers: expected an array of {\"type\",\"number\"}",
                problem(Fixtures.usDeal("X").replace("'type':'non-government'", "'identifiers':'passport:1'")));
    }

    /** Extra fields are allowed and change nothing: the deal read is the one read without them. */
    @Test
    void extraFieldsAreAllowedAndIgnored() throws Exception {
        Deal plain = Fixtures.deal(Fixtures.israeliDeal("AE"));
        ObjectNode extra = (ObjectNode) JSON.readTree(DealJson.intrusionSoftware("il-AE", "AE", "Ministry of Interior",
                "2021-12-01").extra("note", "x").extra("crmRef", "CRM-0042").json());
        ((ObjectNode) extra.at("/exporter")).put("vatId", "IL-123");
        ((ObjectNode) extra.at("/parties/0")).put("lei", "5493001KJTIIGC8Y1R12");
        Deal withExtras = new DealParser(Fixtures.pack()).parse(extra);
        assertEquals(plain, withExtras);
        assertEquals("il-AE", withExtras.id());
        assertEquals(LocalDate.of(2021, 12, 1), withExtras.date());
        assertEquals(new Deal.Exporter("Cyber Ltd", "IL"), withExtras.exporter());
        assertEquals(List.of(new Deal.Party("end-user", "Ministry of Interior", "AE", "government")),
                withExtras.parties());
        assertEquals(Map.of("WA", "4.D.4"), withExtras.items().get(0).classification());
        assertEquals(Set.of(), withExtras.flags());
    }

    /** Every field the schema requires, removed from a good deal, is reported missing by the parser. */
    @Test
    void schemaRequiredFieldsAndParserAgree() throws Exception {
        JsonNode schema = JSON.readTree(Files.readString(Path.of("..", "docs", "deal.schema.json")));
        ObjectNode good = (ObjectNode) JSON.readTree(Fixtures.israeliDeal("AE").replace('\'', '"'));
        List<String[]> required = new ArrayList<>(); // {pointer to the object, field name in messages}
        schema.get("required").forEach(f -> required.add(new String[] {"", f.asText()}));
        schema.at("/properties/exporter/required").forEach(f -> required.add(new String[] {"/exporter", "exporter." + f.asText()}));
        schema.at("/properties/items/items/required").forEach(f -> required.add(new String[] {"/items/0", "items[0]." + f.asText()}));
        schema.at("/properties/parties/items/required").forEach(f -> required.add(new String[] {"/parties/0", "parties[0]." + f.asText()}));
        assertEquals(11, required.size(), "the schema requires 6 deal, 2 exporter, 1 item and 2 party fields");
        DealParser parser = new DealParser(Fixtures.pack());
        for (String[] r : required) {
            ObjectNode copy = good.deepCopy();
            String name = r[1].substring(r[1].lastIndexOf('.') + 1);
            ((ObjectNode) (r[0].isEmpty() ? copy : copy.at(r[0]))).remove(name);
            DealFormatException e = assertThrows(DealFormatException.class, () -> parser.parse(copy), r[1]);
            assertEquals(r[1] + ": missing", e.getMessage());
        }
        // and nothing the schema leaves optional is required by the parser: what is left out is read as absent
        ObjectNode minimal = good.deepCopy();
        ((ObjectNode) minimal.at("/items/0")).remove("description");
        ((ObjectNode) minimal.at("/parties/0")).remove("country");
        ((ObjectNode) minimal.at("/parties/0")).remove("type");
        Deal d = parser.parse(minimal);
        assertNull(d.items().get(0).description());
        assertEquals(Map.of("WA", "4.D.4"), d.items().get(0).classification());
        assertEquals(List.of(new Deal.Party("end-user", "Ministry of Interior", null, null)), d.parties());
        assertNull(d.endUse());
        assertEquals(Set.of(), d.flags());
        assertEquals("AE", d.destination());
        assertEquals(new Deal.Exporter("Cyber Ltd", "IL"), d.exporter());
    }
}
