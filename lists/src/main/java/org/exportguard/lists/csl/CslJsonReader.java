package org.exportguard.lists.csl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the US Consolidated Screening List in JSON form: {@code {"results": [ {...}, ... ]}} (other top-level
 * members are ignored) or a top-level array of rows. Field names as in the CSV; {@code addresses} is a list of
 * {@code {address, city, state, postal_code, country}}, {@code alt_names} a list of strings, {@code ids} a list of
 * {@code {type, number, country, ...}}. Streams the outer array, so rows are checked one by one with their line.
 * Strings longer than 1 MiB are refused.
 */
public final class CslJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) CheckedReader.MAX_LINE)
                    .maxNestingDepth(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION) // one value per key
            .build();
    private static final ObjectMapper MAPPER = Json.MAPPER.copyWith(FACTORY);

    private CslJsonReader() {
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = FACTORY.createParser(new CheckedReader(in, Long.MAX_VALUE))) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                readRows(file, p, parties, warnings, seen);
            } else if (t == JsonToken.START_OBJECT) {
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("results".equals(name)) {
                        if (v != JsonToken.START_ARRAY) {
                            throw new ListFormatException(file, line(p.currentTokenLocation()), "results",
                                    "expected an array of rows, got " + v);
                        }
                        readRows(file, p, parties, warnings, seen);
                        found = true;
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    throw new ListFormatException(file, line(p.currentTokenLocation()), "results",
                            "JSON object has no \"results\" array");
                }
            } else {
                throw new ListFormatException(file, t == null ? 1 : line(p.currentTokenLocation()), null,
                        "expected a JSON object with \"results\" or an array of rows, got " + t);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new ListFormatException(file, line(p.currentTokenLocation()), null,
                        "unexpected content after the end of the JSON document");
            }
        } catch (BadTextException e) {
            throw new ListFormatException(file, e.line(), e.field(), e.problem(), e);
        } catch (JsonProcessingException e) {
            throw new ListFormatException(file, line(e.getLocation()), "json",
                    "malformed JSON: " + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " "), e);
        }
        return new PartyList(CslParty.LIST_ID, ListFormat.CSL_JSON.label(), file.toString(), parties, warnings);
    }

    private static void readRows(Path file, JsonParser p, List<ListedParty> parties, List<String> warnings,
                                 Map<String, Integer> seen) throws IOException, ListFormatException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new ListFormatException(file, line(p.currentLocation()), "results",
                        "end of file inside the results array (truncated file?)");
            }
            long line = line(p.currentTokenLocation());
            if (t != JsonToken.START_OBJECT) {
                throw new ListFormatException(file, line, "results[" + index + "]", "expected an object, got " + t);
            }
            JsonNode row = MAPPER.readTree(p);
            parties.add(CslParty.build(file, line, new Row(file, line, row), seen, warnings));
            index++;
        }
    }

    private static long line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    private record Row(Path file, long line, JsonNode node) implements CslRecord {
        @Override
        public String text(String field) {
            return scalar(node.get(field));
        }

        @Override
        public List<String> list(String field) {
            JsonNode v = node.get(field);
            if (v != null && v.isArray()) {
                List<String> out = new ArrayList<>();
                for (JsonNode e : v) {
                    String s = scalar(e);
                    if (s != null) {
                        out.add(s);
                    }
                }
                return out;
            }
            return CslParty.split(scalar(v));
        }

        @Override
        public List<Address> addresses() {
            List<Address> out = new ArrayList<>();
            JsonNode v = node.get("addresses");
            if (v == null || !v.isArray()) {
                for (String a : list("addresses")) {
                    out.add(new Address(a, null, null, null, null, null));
                }
                return out;
            }
            for (JsonNode a : v) {
                if (a.isObject()) {
                    String country = scalar(a.get("country"));
                    out.add(new Address(scalar(a.get("address")), scalar(a.get("city")), scalar(a.get("state")),
                            scalar(a.get("postal_code")), country,
                            country != null && country.matches("[A-Z]{2}") ? country : null));
                } else if (scalar(a) != null) {
                    out.add(new Address(scalar(a), null, null, null, null, null));
                }
            }
            return out;
        }

        @Override
        public List<Identifier> ids() {
            List<Identifier> out = new ArrayList<>();
            JsonNode v = node.get("ids");
            if (v == null || !v.isArray()) {
                for (String s : list("ids")) {
                    out.add(new Identifier(null, s, null));
                }
                return out;
            }
            for (JsonNode i : v) {
                if (i.isObject()) {
                    String number = scalar(i.get("number"));
                    if (number != null) {
                        out.add(new Identifier(scalar(i.get("type")), number, scalar(i.get("country"))));
                    }
                } else if (scalar(i) != null) {
                    out.add(new Identifier(null, scalar(i), null));
                }
            }
            return out;
        }

        private static String scalar(JsonNode v) {
            if (v == null || v.isNull() || v.isContainerNode()) {
                return null;
            }
            String s = v.asText().trim();
            return s.isEmpty() ? null : s;
        }
    }
}
