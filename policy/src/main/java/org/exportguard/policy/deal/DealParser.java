package org.exportguard.policy.deal;

import org.exportguard.core.match.NameLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.screen.evidence.QueryFields;
import org.exportguard.json.Json;
import org.exportguard.policy.pack.Countries;
import org.exportguard.policy.pack.PolicyPack;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads deal JSON and checks it against a policy pack: classifications must name known schemes and control
 * entries, flags must be ones the pack knows, countries must be ISO codes. Extra fields are allowed and ignored.
 * Every problem names its field: {@code items[0].classification.WA: unknown control entry '9.Z.9'}.
 */
public final class DealParser {
    public static final Set<String> ROLES = Set.of("end-user", "consignee", "purchaser", "intermediate");
    public static final Set<String> PARTY_TYPES = Set.of("government", "non-government", "individual");

    private final PolicyPack pack;

    public DealParser(PolicyPack pack) {
        this.pack = pack;
    }

    public Deal parse(String json) throws DealFormatException {
        JsonNode root;
        try {
            root = Json.STRICT_READER.readTree(json); // a duplicate key is an error, as in the API
        } catch (JsonProcessingException e) {
            throw new DealFormatException("", "not valid JSON: " + e.getOriginalMessage());
        }
        return parse(root);
    }

    public Deal parse(JsonNode root) throws DealFormatException {
        if (root == null || !root.isObject()) {
            throw new DealFormatException("", "expected a JSON object");
        }
        String id = text(root, "id", "id");
        LocalDate date = date(root, "date");
        JsonNode ex = object(root, "exporter", "exporter");
        Deal.Exporter exporter = new Deal.Exporter(text(ex, "name", "exporter.name"),
                country(ex, "country", "exporter.country"));
        List<Deal.Item> items = new ArrayList<>();
        JsonNode itemsNode = array(root, "items", "items");
        if (itemsNode.isEmpty()) {
            throw new DealFormatException("items", "empty; a deal needs at least one item");
        }
        for (int i = 0; i < itemsNode.size(); i++) {
            items.add(item(itemsNode.get(i), "items[" + i + "]"));
        }
        String destination = country(root, "destination", "destination");
        List<Deal.Party> parties = new ArrayList<>();
        JsonNode partiesNode = array(root, "parties", "parties");
        for (int i = 0; i < partiesNode.size(); i++) {
            parties.add(party(partiesNode.get(i), "parties[" + i + "]"));
        }
        String endUse = optionalText(root, "endUse", "endUse");
        Set<String> flags = new LinkedHashSet<>();
        JsonNode flagsNode = root.get("flags");
        if (flagsNode != null && !flagsNode.isNull()) {
            if (!flagsNode.isArray()) {
                throw new DealFormatException("flags", "expected a list of flags");
            }
            for (int i = 0; i < flagsNode.size(); i++) {
                JsonNode f = flagsNode.get(i);
                String field = "flags[" + i + "]";
                if (!f.isTextual()) {
                    throw new DealFormatException(field, "expected text");
                }
                if (!pack.flags().containsKey(f.asText())) {
                    throw new DealFormatException(field, "unknown flag '" + f.asText() + "' (known: "
                            + String.join(", ", pack.flags().keySet()) + ")");
                }
                flags.add(f.asText());
            }
        }
        return new Deal(id, date, exporter, items, destination, parties, endUse, flags);
    }

    private Deal.Item item(JsonNode n, String field) throws DealFormatException {
        if (!n.isObject()) {
            throw new DealFormatException(field, "expected an object");
        }
        String description = optionalText(n, "description", field + ".description");
        JsonNode c = object(n, "classification", field + ".classification");
        Map<String, String> classification = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = field + ".classification." + e.getKey();
            if (!pack.schemes().contains(e.getKey())) {
                throw new DealFormatException(f, "unknown classification scheme '" + e.getKey() + "' (known: "
                        + String.join(", ", pack.schemes()) + ")");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new DealFormatException(f, "expected a control entry code as text");
            }
            String code = e.getValue().asText().strip();
            if (pack.entry(e.getKey(), code).isEmpty()) {
                throw new DealFormatException(f, "unknown control entry '" + code + "'");
            }
            classification.put(e.getKey(), code);
        }
        return new Deal.Item(description, classification);
    }

    private static Deal.Party party(JsonNode n, String field) throws DealFormatException {
        if (!n.isObject()) {
            throw new DealFormatException(field, "expected an object");
        }
        String role = text(n, "role", field + ".role");
        if (!ROLES.contains(role)) {
            throw new DealFormatException(field + ".role", "unknown role '" + role + "' (expected end-user, "
                    + "consignee, purchaser or intermediate)");
        }
        String name = text(n, "name", field + ".name");
        String tooLong = NameLimits.problem(name);
        if (tooLong != null) {
            throw new DealFormatException(field + ".name", tooLong);
        }
        String country = n.hasNonNull("country") ? country(n, "country", field + ".country") : null;
        String type = optionalText(n, "type", field + ".type");
        if (type != null && !PARTY_TYPES.contains(type)) {
            throw new DealFormatException(field + ".type", "unknown party type '" + type
                    + "' (expected government, non-government or individual)");
        }
        String dob = optionalText(n, "dob", field + ".dob");
        if (dob != null) {
            try {
                dob = QueryFields.dateOfBirth(dob);
            } catch (IllegalArgumentException e) {
                throw new DealFormatException(field + ".dob", e.getMessage());
            }
        }
        return new Deal.Party(role, name, country, type, dob, identifiers(n.get("identifiers"),
                field + ".identifiers"));
    }

    /** {@code [{"type":"passport","number":"..."}]}: secondary evidence for screening the party. */
    private static List<Identifier> identifiers(JsonNode n, String field) throws DealFormatException {
        List<Identifier> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new DealFormatException(field, "expected an array of {\"type\",\"number\"}");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            String f = field + "[" + i + "]";
            if (!item.isObject() || !item.path("type").isTextual() || !item.path("number").isTextual()) {
                throw new DealFormatException(f, "expected {\"type\",\"number\"}, both strings");
            }
            try {
                out.add(QueryFields.identifier(item.get("type").textValue(), item.get("number").textValue()));
            } catch (IllegalArgumentException e) {
                throw new DealFormatException(f, e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode object(JsonNode parent, String key, String field) throws DealFormatException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw new DealFormatException(field, "missing");
        }
        if (!n.isObject()) {
            throw new DealFormatException(field, "expected an object");
        }
        return n;
    }

    private static JsonNode array(JsonNode parent, String key, String field) throws DealFormatException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw new DealFormatException(field, "missing");
        }
        if (!n.isArray()) {
            throw new DealFormatException(field, "expected a list");
        }
        return n;
    }

    private static String text(JsonNode parent, String key, String field) throws DealFormatException {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            throw new DealFormatException(field, "missing");
        }
        if (!n.isTextual()) {
            throw new DealFormatException(field, "expected text");
        }
        String s = n.asText().strip();
        if (s.isEmpty()) {
            throw new DealFormatException(field, "empty");
        }
        return s;
    }

    private static String optionalText(JsonNode parent, String key, String field) throws DealFormatException {
        return parent.hasNonNull(key) ? text(parent, key, field) : null;
    }

    private static String country(JsonNode parent, String key, String field) throws DealFormatException {
        String c = text(parent, key, field);
        if (!Countries.isCode(c)) {
            throw new DealFormatException(field, "unknown country code '" + c + "' (expected ISO 3166-1 alpha-2, e.g. DE)");
        }
        return c;
    }

    private static LocalDate date(JsonNode parent, String field) throws DealFormatException {
        String s = text(parent, field, field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new DealFormatException(field, "not a date '" + s + "' (expected YYYY-MM-DD)");
        }
    }
}
