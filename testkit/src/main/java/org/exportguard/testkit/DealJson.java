package org.exportguard.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals as the JSON text users send ({@code docs/deal.schema.json}), built field by field, so a test needs no policy
 * classes (the store, service, server and CLI tests send deals as text anyway). Keys come out in the schema's order:
 * {@code id, date, exporter, items, destination, parties, endUse, flags}, then any extra fields. A field left unset
 * is left out, which is how a test writes a deal missing something.
 *
 * <pre>{@code
 * String json = DealJson.usSoftware("d-1", "NSO Group", "IL").json();
 * String other = DealJson.deal("x").date("2022-06-01").exporter("E", "DE").item("WA", "4.D.4").destination("AE")
 *         .endUser("Ministry of Interior", "AE", "government").json();
 * }</pre>
 */
public final class DealJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One item: a description (null: none) and its classification, scheme to code, in order. */
    private record Item(String description, Map<String, String> classification) {
    }

    /** One party; null fields are left out. */
    private record Party(String role, String name, String country, String type) {
    }

    private String id;
    private String date;
    private String exporterName;
    private String exporterCountry;
    private final List<Item> items = new ArrayList<>();
    private String destination;
    private final List<Party> parties = new ArrayList<>();
    private String endUse;
    private final List<String> flags = new ArrayList<>();
    private final Map<String, String> extra = new LinkedHashMap<>();

    private DealJson(String id) {
        this.id = id;
    }

    /** A deal with only its id: set the rest. */
    public static DealJson deal(String id) {
        return new DealJson(id);
    }

    /**
     * The everyday open deal: a US exporter's EAR99 network software, shipping 2027-03-01 to {@code country}, to one
     * non-government end user there, flagged subject to the EAR (so the Entity List applies to the end user).
     */
    public static DealJson usSoftware(String id, String endUser, String country) {
        return deal(id).date("2027-03-01").exporter("Acme Software Inc.", "US")
                .item("network management software", "US-EAR", "EAR99").destination(country)
                .endUser(endUser, country, "non-government").flag("subject-to-ear");
    }

    /**
     * The story's deal: an Israeli exporter's intrusion platform (Wassenaar 4.D.4) to a government end user in
     * {@code destination}, shipping on {@code date}.
     */
    public static DealJson intrusionSoftware(String id, String destination, String endUser, String date) {
        return deal(id).date(date).exporter("Cyber Ltd", "IL").item("intrusion platform", "WA", "4.D.4")
                .destination(destination).endUser(endUser, destination, "government");
    }

    public DealJson id(String v) {
        id = v;
        return this;
    }

    public DealJson date(String v) {
        date = v;
        return this;
    }

    public DealJson exporter(String name, String country) {
        exporterName = name;
        exporterCountry = country;
        return this;
    }

    /** Adds an item with a description (null: none) classified {@code scheme} {@code code}. */
    public DealJson item(String description, String scheme, String code) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(scheme, code);
        items.add(new Item(description, c));
        return this;
    }

    /** Adds an item with no description. */
    public DealJson item(String scheme, String code) {
        return item(null, scheme, code);
    }

    /** Adds an item classified under several schemes (scheme, code, scheme, code, ...). */
    public DealJson itemClassified(String description, String... schemeCodePairs) {
        if (schemeCodePairs.length % 2 != 0) {
            throw new IllegalArgumentException("scheme and code pairs expected");
        }
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 0; i < schemeCodePairs.length; i += 2) {
            c.put(schemeCodePairs[i], schemeCodePairs[i + 1]);
        }
        items.add(new Item(description, c));
        return this;
    }

    public DealJson destination(String v) {
        destination = v;
        return this;
    }

    /** Adds a party; null country or type are left out. */
    public DealJson party(String role, String name, String country, String type) {
        parties.add(new Party(role, name, country, type));
        return this;
    }

    public DealJson endUser(String name, String country, String type) {
        return party("end-user", name, country, type);
    }

    public DealJson endUse(String v) {
        endUse = v;
        return this;
    }

    public DealJson flag(String v) {
        flags.add(v);
        return this;
    }

    /** A field the schema does not define (allowed: extra fields are kept and ignored), after the others. */
    public DealJson extra(String name, String value) {
        extra.put(name, value);
        return this;
    }

    /** The deal as a Jackson tree (a fresh one each call), for a test that edits it further. */
    public ObjectNode node() {
        ObjectNode d = JSON.createObjectNode();
        putIfSet(d, "id", id);
        putIfSet(d, "date", date);
        if (exporterName != null || exporterCountry != null) {
            ObjectNode e = d.putObject("exporter");
            putIfSet(e, "name", exporterName);
            putIfSet(e, "country", exporterCountry);
        }
        if (!items.isEmpty()) {
            ArrayNode a = d.putArray("items");
            for (Item i : items) {
                ObjectNode o = a.addObject();
                putIfSet(o, "description", i.description());
                ObjectNode c = o.putObject("classification");
                i.classification().forEach(c::put);
            }
        }
        putIfSet(d, "destination", destination);
        if (!parties.isEmpty()) {
            ArrayNode a = d.putArray("parties");
            for (Party p : parties) {
                ObjectNode o = a.addObject();
                putIfSet(o, "role", p.role());
                putIfSet(o, "name", p.name());
                putIfSet(o, "country", p.country());
                putIfSet(o, "type", p.type());
            }
        }
        putIfSet(d, "endUse", endUse);
        if (!flags.isEmpty()) {
            ArrayNode a = d.putArray("flags");
            flags.forEach(a::add);
        }
        extra.forEach(d::put);
        return d;
    }

    /** The deal as one line of JSON (what {@code deals add} reads per line and {@code POST /api/deals} takes). */
    public String json() {
        return node().toString();
    }

    @Override
    public String toString() {
        return json();
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
