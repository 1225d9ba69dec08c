package org.exportguard.lists.csl;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.Dates;
import org.exportguard.lists.io.Ids;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a CSL row into a {@link ListedParty}; shared by the CSV and JSON readers.
 *
 * <p>sourceId: {@code _id} when present, else {@code entity_number}, else {@code "csl-" + 16 hex of
 * SHA-256(source|name|start_date)} (stable across file versions; a repeat within one file gets "-2", "-3" ...).
 * The original list ({@code source}) goes to sourceList; {@code federal_register_notice} becomes an identifier of
 * type "Federal Register Notice" and is also noted in the remarks.
 */
final class CslParty {
    static final String LIST_ID = "US-CSL";
    private static final String[][] VESSEL_FIELDS = {{"call_sign", "Call Sign"}, {"vessel_type", "Vessel Type"},
            {"gross_tonnage", "Tonnage"}, {"gross_registered_tonnage", "Gross Registered Tonnage"},
            {"vessel_flag", "Vessel Flag"}, {"vessel_owner", "Vessel Owner"}};

    private CslParty() {
    }

    static ListedParty build(Path file, long line, CslRecord r, Map<String, Integer> seen, List<String> warnings)
            throws ListFormatException {
        String name = r.text("name");
        if (name == null) {
            throw new ListFormatException(file, line, "name", "name is empty");
        }
        String source = r.text("source");
        String start = r.text("start_date");
        String id = r.text("_id");
        if (id == null) {
            id = r.text("entity_number");
        }
        if (id == null) {
            id = Ids.derived("csl", source, name, start);
        }
        int n = seen.merge(id, 1, Integer::sum);
        if (n > 1) {
            warnings.add(file.getFileName() + (line > 0 ? ":" + line : "") + ": id " + id
                    + " already used by an earlier row; this one is " + id + "-" + n);
            id = id + "-" + n;
        }
        ListedParty.Builder b = ListedParty.builder(LIST_ID, id)
                .sourceList(source)
                .primaryName(name)
                .type(type(r.text("type")))
                .listedOn(Dates.parse(file, line, "start_date", start, Dates.ISO, "like 2017-10-16"))
                .listingEnd(Dates.parse(file, line, "end_date", r.text("end_date"), Dates.ISO, "like 2017-10-16"))
                .licenceRequirement(r.text("license_requirement"))
                .licencePolicy(r.text("license_policy"));
        r.list("programs").forEach(b::program);
        r.list("alt_names").forEach(a -> b.alias(Alias.strong(a)));
        r.addresses().forEach(b::address);
        r.list("dates_of_birth").forEach(b::dateOfBirth);
        r.list("places_of_birth").forEach(b::placeOfBirth);
        r.list("nationalities").forEach(b::nationality);
        for (String c : r.list("citizenships")) {
            if (!r.list("nationalities").contains(c)) {
                b.nationality(c);
            }
        }
        r.ids().forEach(b::identifier);
        String frn = r.text("federal_register_notice");
        if (frn != null) {
            b.identifier(new Identifier("Federal Register Notice", frn, "US"));
        }
        for (String[] f : VESSEL_FIELDS) {
            String v = r.text(f[0]);
            if (v != null) {
                b.identifier(new Identifier(f[1], v, null));
            }
        }
        if (r.text("title") != null) {
            b.title(r.text("title"));
        }
        String order = r.text("standard_order");
        if (order != null) {
            b.identifier(new Identifier("Standard Order", order, null));
        }
        List<String> remarks = new ArrayList<>();
        if (r.text("remarks") != null) {
            remarks.add(r.text("remarks"));
        }
        if (frn != null) {
            remarks.add("Federal Register: " + frn);
        }
        b.remarks(remarks.isEmpty() ? null : String.join("; ", remarks));
        return b.build();
    }

    static PartyType type(String t) {
        if (t == null) {
            return PartyType.UNKNOWN;
        }
        return switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "individual" -> PartyType.PERSON;
            case "entity" -> PartyType.ORGANIZATION;
            case "vessel" -> PartyType.VESSEL;
            case "aircraft" -> PartyType.AIRCRAFT;
            default -> PartyType.parse(t);
        };
    }

    /** Splits a CSV multi-value cell on "; " (how the CSL joins values), trimming and dropping blanks. */
    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        for (String s : cell.split("; ")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
