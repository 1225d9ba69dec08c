package org.exportguard.lists.ftm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.AliasSet;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;
import org.exportguard.lists.io.Dates;
import org.exportguard.lists.io.Texts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads FollowTheMoney entities, one JSON object a line, as OpenSanctions publishes them ({@code entities.ftm.json},
 * the format yente indexes) and in their nested form ({@code targets.nested.json}, where a target's addresses,
 * sanctions and documents are objects inside its properties). JSON through Jackson's streaming parser, line by line,
 * so every error names its line.
 *
 * <p><b>Parties</b> are the entities of schema Person (→ person), Organization, Company, LegalEntity, PublicBody
 * (→ organization), Vessel (→ vessel) and Airplane (→ aircraft). An entity that says {@code "target": false} is in
 * the file only as a relative of a listed party (an owner, a family member) and is left out, counted in a warning.
 * <b>Address</b>, <b>Sanction</b>, <b>Identification</b> and <b>Passport</b> entities are resolved into the party
 * they belong to (by {@code addressEntity}, {@code entity} and {@code holder} in the flat form, or by nesting); every
 * other schema (Ownership, Family, Directorship ...) is skipped with one counted warning per schema.
 *
 * <p><b>Lists.</b> One list per dataset named in the parties' {@code datasets}: id {@code OS-} + the dataset name
 * upper-cased ({@code eu_fsf} → {@code OS-EU_FSF}); a party in several datasets is in each of their lists, with the
 * programs and dates of that dataset's sanctions. A party naming no dataset is in {@code OS-FTM}.
 *
 * <ul>
 *   <li>names: the {@code caption} (else the first {@code name}) is the primary name; the other {@code name}s,
 *       {@code alias} and {@code previousName} are strong aliases, {@code weakAlias} weak ones; names outside the
 *       Latin script are flagged original-script</li>
 *   <li>{@code birthDate} (as written: 1971-01-22, 1971), {@code birthPlace}, {@code nationality} and
 *       {@code citizenship} (country codes upper-cased)</li>
 *   <li>identifiers: idNumber, passportNumber, registrationNumber, taxNumber, vatCode, innCode, ogrnCode, okpoCode,
 *       leiCode, uscCode, dunsCode, swiftBic, imoNumber, mmsi, callSign, serialNumber, socialSecurityNumber; the
 *       {@code number} of Identification and Passport entities; a sanction's {@code authorityId} and
 *       {@code unscId}</li>
 *   <li>addresses: {@code address} (as one line), Address entities (full or street, city, region, postal code,
 *       country), and each {@code country} that no address names (as an address of that country only)</li>
 *   <li>programs: {@code program} of the party and of its sanctions; when there is none, the {@code topics}
 *       (sanction, debarment, role.pep ...)</li>
 *   <li>listedOn: the earliest {@code listingDate} of its sanctions, else their earliest {@code startDate}, else
 *       the party's {@code createdAt}. Not {@code first_seen}: that is when OpenSanctions first saw the entity, which
 *       can be years after the listing, and a listing date too late would hide the party from decisions as of an
 *       earlier day. A date given only as a year or month gives no listedOn (the party counts on every day)</li>
 *   <li>remarks: {@code notes}</li>
 * </ul>
 *
 * <p>A line may be up to 16 MiB (one entity with everything nested in it); a string in it up to 1 MiB.
 */
public final class FtmReader {
    /** The prefix of a dataset's list id. */
    public static final String PREFIX = "OS-";
    /** The list of parties that name no dataset. */
    public static final String NO_DATASET = "OS-FTM";
    static final long MAX_LINE = 16L << 20;
    private static final Pattern COUNTRY_CODE = Pattern.compile("[a-z]{2}(-[a-z0-9]+)?");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) CheckedReader.MAX_LINE)
                    .maxNestingDepth(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION) // one value per key
            .build();

    static final Map<String, PartyType> PARTY_SCHEMAS = Map.of(
            "Person", PartyType.PERSON,
            "Organization", PartyType.ORGANIZATION,
            "Company", PartyType.ORGANIZATION,
            "LegalEntity", PartyType.ORGANIZATION,
            "PublicBody", PartyType.ORGANIZATION,
            "Vessel", PartyType.VESSEL,
            "Airplane", PartyType.AIRCRAFT);
    private static final Set<String> RESOLVED_SCHEMAS = Set.of("Address", "Sanction", "Identification", "Passport");

    /** Identifier properties and the type they are given. */
    private static final Map<String, String> IDENTIFIERS = new LinkedHashMap<>();

    static {
        IDENTIFIERS.put("idNumber", "ID Number");
        IDENTIFIERS.put("passportNumber", "Passport Number");
        IDENTIFIERS.put("registrationNumber", "Registration Number");
        IDENTIFIERS.put("taxNumber", "Tax Number");
        IDENTIFIERS.put("vatCode", "VAT Code");
        IDENTIFIERS.put("innCode", "INN");
        IDENTIFIERS.put("ogrnCode", "OGRN");
        IDENTIFIERS.put("okpoCode", "OKPO");
        IDENTIFIERS.put("leiCode", "LEI");
        IDENTIFIERS.put("uscCode", "USCC");
        IDENTIFIERS.put("dunsCode", "DUNS");
        IDENTIFIERS.put("swiftBic", "SWIFT/BIC");
        IDENTIFIERS.put("imoNumber", "IMO Number");
        IDENTIFIERS.put("mmsi", "MMSI");
        IDENTIFIERS.put("callSign", "Call Sign");
        IDENTIFIERS.put("serialNumber", "Serial Number");
        IDENTIFIERS.put("socialSecurityNumber", "Social Security Number");
    }

    /** The string properties kept from a line (the others are read and dropped, to keep memory small). */
    private static final Set<String> KEPT = new HashSet<>(List.of(
            "name", "alias", "weakAlias", "previousName", "birthDate", "birthPlace", "nationality", "citizenship",
            "country", "address", "addressEntity", "program", "topics", "notes", "createdAt",
            // Address
            "full", "street", "street2", "city", "postalCode", "region", "state",
            // Sanction
            "entity", "listingDate", "startDate", "authorityId", "unscId",
            // Identification, Passport
            "holder", "number", "type"));

    static {
        KEPT.addAll(IDENTIFIERS.keySet());
    }

    private FtmReader() {
    }

    /** What was read from the file before parties are built. */
    private static final class Graph {
        final List<FtmEntity> parties = new ArrayList<>();
        final Map<String, FtmEntity> addresses = new HashMap<>();
        final Map<String, List<FtmEntity>> sanctions = new HashMap<>();
        final Map<String, List<FtmEntity>> documents = new HashMap<>();
        final Map<String, Integer> skipped = new TreeMap<>();
        final Map<String, Integer> notTargets = new TreeMap<>();
        final Map<String, Long> ids = new HashMap<>();
        final List<String> warnings = new ArrayList<>();
    }

    /** The lists in the file, one per dataset, sorted by id. All or nothing. */
    public static List<PartyList> read(Path file) throws ListFormatException, IOException {
        Graph g = new Graph();
        long entities = 0;
        try (InputStream in = Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new CheckedReader(in, MAX_LINE), 1 << 16)) {
            long lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                FtmEntity e = parseLine(file, lineNo, line);
                entities++;
                add(file, g, e);
            }
        } catch (BadTextException e) {
            throw new ListFormatException(file, e.line(), e.field(), e.problem(), e);
        }
        return build(file, g, entities);
    }

    private static void add(Path file, Graph g, FtmEntity e) throws ListFormatException {
        Long before = g.ids.putIfAbsent(e.id, e.line);
        if (before != null) {
            g.warnings.add(file.getFileName() + ":" + e.line + ": entity id " + e.id + " appears again (first on line "
                    + before + ")");
        }
        if (PARTY_SCHEMAS.containsKey(e.schema)) {
            if (Boolean.FALSE.equals(e.target)) {
                g.notTargets.merge(e.schema, 1, Integer::sum);
                return;
            }
            if (names(e).isEmpty()) {
                throw new ListFormatException(file, e.line, "properties.name", "entity " + e.id + " (" + e.schema
                        + ") has no name");
            }
            g.parties.add(e);
        } else if (RESOLVED_SCHEMAS.contains(e.schema)) {
            side(g, e);
        } else {
            g.skipped.merge(e.schema, 1, Integer::sum);
        }
    }

    /** Files an Address, Sanction, Identification or Passport entity of the flat form under what it belongs to. */
    private static void side(Graph g, FtmEntity e) {
        switch (e.schema) {
            case "Address" -> g.addresses.put(e.id, e);
            case "Sanction" -> {
                for (String party : e.strings("entity")) {
                    g.sanctions.computeIfAbsent(party, k -> new ArrayList<>()).add(e);
                }
            }
            default -> {
                for (String party : e.strings("holder")) {
                    g.documents.computeIfAbsent(party, k -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    private static List<PartyList> build(Path file, Graph g, long entities) throws ListFormatException {
        Map<String, List<ListedParty>> byList = new TreeMap<>();
        int[] missingAddresses = {0};
        for (FtmEntity e : g.parties) {
            if (e.datasets.isEmpty()) {
                byList.computeIfAbsent(NO_DATASET, k -> new ArrayList<>())
                        .add(party(file, g, e, NO_DATASET, null, missingAddresses));
            }
            for (String dataset : new LinkedHashSet<>(e.datasets)) {
                String id = PREFIX + dataset.toUpperCase(Locale.ROOT);
                byList.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(party(file, g, e, id, dataset, missingAddresses));
            }
        }
        if (byList.isEmpty()) {
            throw new ListFormatException(file, 0, "schema", "no listed party among the " + entities
                    + " entities (parties are Person, Organization, Company, LegalEntity, PublicBody, Vessel and"
                    + " Airplane entities that are targets)" + (g.skipped.isEmpty() && g.notTargets.isEmpty() ? ""
                    : "; skipped: " + counts(g.skipped) + (g.notTargets.isEmpty() ? "" : ", not targets: "
                    + counts(g.notTargets))));
        }
        List<String> warnings = new ArrayList<>(g.warnings);
        g.skipped.forEach((schema, n) -> warnings.add("skipped " + n + " " + schema + " entit" + (n == 1 ? "y" : "ies")
                + " (not a listed party)"));
        if (!g.notTargets.isEmpty()) {
            int n = g.notTargets.values().stream().mapToInt(Integer::intValue).sum();
            warnings.add("skipped " + n + " entit" + (n == 1 ? "y" : "ies") + " marked \"target\": false ("
                    + counts(g.notTargets) + "): in the file as relatives of listed parties, not listed themselves");
        }
        if (missingAddresses[0] > 0) {
            warnings.add(missingAddresses[0] + " addressEntity reference(s) to an Address not in the file");
        }
        List<PartyList> lists = new ArrayList<>();
        for (Map.Entry<String, List<ListedParty>> l : byList.entrySet()) {
            lists.add(new PartyList(l.getKey(), ListFormat.FTM_JSON.label(), file.toString(), l.getValue(),
                    lists.isEmpty() ? warnings : List.of()));
        }
        return lists;
    }

    private static String counts(Map<String, Integer> m) {
        StringJoiner j = new StringJoiner(", ");
        m.forEach((k, v) -> j.add(k + " " + v));
        return j.toString();
    }

    /** The names of an entity, white space collapsed, blanks and repeats left out. */
    private static List<String> names(FtmEntity e) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : e.strings("name")) {
            String c = collapse(n);
            if (c != null) {
                out.add(c);
            }
        }
        return new ArrayList<>(out);
    }

    private static ListedParty party(Path file, Graph g, FtmEntity e, String listId, String dataset,
                                     int[] missingAddresses) throws ListFormatException {
        List<String> names = names(e);
        String caption = collapse(e.caption);
        String primary = caption != null && names.contains(caption) ? caption : names.get(0);
        ListedParty.Builder b = ListedParty.builder(listId, e.id).type(PARTY_SCHEMAS.get(e.schema))
                .primaryName(primary);
        AliasSet aliases = new AliasSet(primary);
        for (String n : names) {
            aliases.add(n, AliasStrength.STRONG);
        }
        for (String p : List.of("alias", "previousName")) {
            e.strings(p).forEach(n -> aliases.add(n, AliasStrength.STRONG));
        }
        e.strings("weakAlias").forEach(n -> aliases.add(n, AliasStrength.WEAK));
        aliases.list().forEach(b::alias);

        // what belongs to the party: flat-form side entities and nested ones, of this dataset
        List<FtmEntity> sanctions = new ArrayList<>();
        List<FtmEntity> documents = new ArrayList<>();
        List<FtmEntity> addressEntities = new ArrayList<>();
        for (FtmEntity s : g.sanctions.getOrDefault(e.id, List.of())) {
            sanctions.add(s);
        }
        documents.addAll(g.documents.getOrDefault(e.id, List.of()));
        for (String ref : e.strings("addressEntity")) {
            FtmEntity a = g.addresses.get(ref);
            if (a != null) {
                addressEntities.add(a);
            } else if (dataset == null || dataset.equals(e.datasets.get(0))) {
                missingAddresses[0]++;
            }
        }
        for (FtmEntity n : e.nested()) {
            switch (n.schema) {
                case "Sanction" -> sanctions.add(n);
                case "Address" -> addressEntities.add(n);
                case "Identification", "Passport" -> documents.add(n);
                default -> {
                    // relations of the nested form (ownership, family ...): not part of the party
                }
            }
        }
        if (dataset != null) {
            sanctions.removeIf(s -> !s.in(dataset));
        }

        distinct(e.strings("birthDate")).forEach(b::dateOfBirth);
        distinct(e.strings("birthPlace")).forEach(b::placeOfBirth);
        List<String> nationalities = new ArrayList<>();
        for (String p : List.of("nationality", "citizenship")) {
            e.strings(p).forEach(c -> nationalities.add(countryCode(c)));
        }
        distinct(nationalities).forEach(b::nationality);

        Set<Identifier> identifiers = new LinkedHashSet<>();
        for (Map.Entry<String, String> p : IDENTIFIERS.entrySet()) {
            for (String v : e.strings(p.getKey())) {
                if (collapse(v) != null) {
                    identifiers.add(new Identifier(p.getValue(), collapse(v), null));
                }
            }
        }
        for (FtmEntity d : documents) {
            String number = collapse(d.first("number"));
            if (number != null) {
                String type = d.first("type") != null ? d.first("type") : d.schema;
                String country = d.first("country") == null ? null : countryCode(d.first("country"));
                identifiers.add(new Identifier(type, number, country));
            }
        }
        for (FtmEntity s : sanctions) {
            s.strings("unscId").forEach(v -> identifiers.add(new Identifier("UN Reference Number", v, null)));
            s.strings("authorityId").forEach(v -> identifiers.add(new Identifier("Authority ID", v, null)));
        }
        identifiers.forEach(b::identifier);

        List<Address> addresses = new ArrayList<>();
        for (String a : distinct(e.strings("address"))) {
            addresses.add(new Address(a, null, null, null, null, null));
        }
        for (FtmEntity a : addressEntities) {
            String code = a.first("country") == null ? null : countryCode(a.first("country"));
            String street = a.first("street") != null ? a.first("street") : a.first("full");
            if (a.first("street") != null && a.first("street2") != null) {
                street = street + ", " + a.first("street2");
            }
            String region = a.first("region") != null ? a.first("region") : a.first("state");
            Address addr = new Address(street, a.first("city"), region, a.first("postalCode"), code, code);
            if (!addresses.contains(addr)) {
                addresses.add(addr);
            }
        }
        for (String c : distinct(e.strings("country"))) {
            String code = countryCode(c);
            if (addresses.stream().noneMatch(a -> code.equals(a.countryCode()) || code.equals(a.country()))) {
                addresses.add(new Address(null, null, null, null, code, code));
            }
        }
        addresses.forEach(b::address);

        Set<String> programs = new LinkedHashSet<>(e.strings("program"));
        for (FtmEntity s : sanctions) {
            programs.addAll(s.strings("program"));
        }
        if (programs.isEmpty()) {
            programs.addAll(e.strings("topics"));
        }
        programs.stream().map(FtmReader::collapse).filter(p -> p != null).distinct().forEach(b::program);

        LocalDate listed = earliest(file, sanctions, "listingDate");
        if (listed == null) {
            listed = earliest(file, sanctions, "startDate");
        }
        if (listed == null) {
            listed = earliest(file, List.of(e), "createdAt");
        }
        b.listedOn(listed);
        StringJoiner notes = new StringJoiner(" ");
        distinct(e.strings("notes")).forEach(notes::add);
        return b.remarks(notes.length() == 0 ? null : notes.toString()).build();
    }

    /**
     * The earliest full date of that property among the entities; a year or a month alone is no date. A value of
     * date length that is not a calendar date is an error naming the entity's line.
     */
    private static LocalDate earliest(Path file, List<FtmEntity> entities, String property)
            throws ListFormatException {
        LocalDate best = null;
        for (FtmEntity s : entities) {
            for (String v : s.strings(property)) {
                String t = v.trim();
                if (t.length() < 10) {
                    continue;
                }
                LocalDate d = Dates.parse(file, s.line, "properties." + property, t, Dates.ISO, "like 2022-06-03");
                if (best == null || d.isBefore(best)) {
                    best = d;
                }
            }
        }
        return best;
    }

    /** An FtM country code ("ru", "ge-ab") upper-cased as ISO writes it; anything else as written. */
    private static String countryCode(String c) {
        String t = c.trim();
        return COUNTRY_CODE.matcher(t).matches() ? t.toUpperCase(Locale.ROOT) : t;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String c = collapse(v);
            if (c != null) {
                out.add(c);
            }
        }
        return new ArrayList<>(out);
    }

    private static String collapse(String s) {
        return Texts.collapse(s);
    }

    // ---- parsing one line ------------------------------------------------------------------------------------

    private static FtmEntity parseLine(Path file, long line, String text) throws ListFormatException, IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new ListFormatException(file, line, "entity", "expected a JSON object (one FollowTheMoney entity"
                        + " a line), got " + describe(t));
            }
            FtmEntity e = entity(file, line, p, "");
            if (p.nextToken() != null) {
                throw new ListFormatException(file, line, "entity", "more than one JSON value on the line (one"
                        + " entity a line)");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new ListFormatException(file, line, "json", "not JSON: "
                    + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " "), e);
        }
    }

    /** Reads the object the parser is on (START_OBJECT) as an entity; {@code path} names it in errors. */
    private static FtmEntity entity(Path file, long line, JsonParser p, String path)
            throws IOException, ListFormatException {
        String id = null;
        String schema = null;
        String caption = null;
        Boolean target = null;
        List<String> datasets = null;
        Map<String, List<Object>> properties = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = scalar(file, line, p, v, path + "id");
                case "schema" -> schema = scalar(file, line, p, v, path + "schema");
                case "caption" -> caption = v == JsonToken.VALUE_NULL ? null : scalar(file, line, p, v, path + "caption");
                case "target" -> target = v == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : v == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                case "datasets" -> datasets = strings(file, line, p, v, path + "datasets");
                case "properties" -> properties = properties(file, line, p, v, path + "properties");
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new ListFormatException(file, line, path + "id", "entity without an id");
        }
        if (schema == null) {
            throw new ListFormatException(file, line, path + "schema", "entity " + id + " without a schema");
        }
        return new FtmEntity(id, schema, caption, properties, datasets, target, line);
    }

    private static Map<String, List<Object>> properties(Path file, long line, JsonParser p, JsonToken t, String path)
            throws IOException, ListFormatException {
        if (t != JsonToken.START_OBJECT) {
            throw new ListFormatException(file, line, path, "expected an object of properties, got " + describe(t));
        }
        Map<String, List<Object>> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String where = path + "." + name;
            JsonToken v = p.nextToken();
            if (v != JsonToken.START_ARRAY) {
                throw new ListFormatException(file, line, where, "expected an array of values, got " + describe(v));
            }
            List<Object> values = new ArrayList<>();
            int i = 0;
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == JsonToken.START_OBJECT) {
                    FtmEntity nested = entity(file, line, p, where + "[" + i + "].");
                    if (RESOLVED_SCHEMAS.contains(nested.schema)) {
                        values.add(nested);
                    }
                } else if (KEPT.contains(name)) {
                    values.add(scalar(file, line, p, e, where + "[" + i + "]"));
                } else {
                    p.skipChildren();
                }
                i++;
            }
            if (!values.isEmpty()) {
                out.put(name, values);
            }
        }
        return out;
    }

    private static List<String> strings(Path file, long line, JsonParser p, JsonToken t, String path)
            throws IOException, ListFormatException {
        if (t != JsonToken.START_ARRAY) {
            throw new ListFormatException(file, line, path, "expected an array of names, got " + describe(t));
        }
        List<String> out = new ArrayList<>();
        JsonToken e;
        int i = 0;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(scalar(file, line, p, e, path + "[" + i++ + "]"));
        }
        return out;
    }

    private static String scalar(Path file, long line, JsonParser p, JsonToken t, String path)
            throws IOException, ListFormatException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        throw new ListFormatException(file, line, path, "expected a string, got " + describe(t));
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
