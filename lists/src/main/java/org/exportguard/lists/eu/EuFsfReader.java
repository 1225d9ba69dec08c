package org.exportguard.lists.eu;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.AliasSet;
import org.exportguard.lists.io.Dates;
import org.exportguard.lists.io.XmlRecords;
import org.exportguard.lists.io.XmlRecords.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads the EU's consolidated list of persons, groups and entities subject to EU financial sanctions, as the
 * European Commission publishes it in its Financial Sanctions Files (the XML "xmlFullSanctionsList_1_1": root
 * {@code export} in the namespace {@code http://eu.europa.ec/fpi/fsd/export}, one {@code sanctionEntity} per listed
 * party, the data in attributes). XML through {@link XmlRecords}: StAX, DTDs and external entities refused.
 *
 * <ul>
 *   <li>sourceId: {@code euReferenceNumber} (e.g. {@code EU.27.28}), else {@code logicalId}</li>
 *   <li>type: {@code subjectType code} "person" → person, "enterprise" → organization (the list types ships and
 *       aircraft as enterprises); else {@code classificationCode} P / E; else unknown</li>
 *   <li>names: every {@code nameAlias}, its {@code wholeName} (else firstName middleName lastName). The primary name
 *       is the first strong one; the others are aliases, weak when {@code strong="false"} or their remark says "low
 *       quality", flagged original-script when not in Latin script (the EU gives names in Greek, Cyrillic and
 *       Arabic: {@code nameLanguage} "EL", "BG", "RU", "AR" ...). {@code title} and {@code function} become
 *       titles (not identifiers), as the UN reader does with TITLE and DESIGNATION</li>
 *   <li>{@code birthdate}: the full {@code birthdate}, else {@code year}[-month[-day]], else a year range;
 *       "circa " before it when {@code circa="true"}; its city, region, place and country make the place of birth</li>
 *   <li>{@code citizenship} → nationality; {@code identification} → identifier (type from
 *       {@code identificationTypeDescription}); {@code address} → address; {@code unitedNationId} → identifier
 *       "UN Reference Number". Country "UNKNOWN" / code "00" are the list's blanks</li>
 *   <li>{@code regulation programme} → program; listedOn: {@code designationDate}, else the publication date of a
 *       listing regulation ({@code regulationType="regulation"}); an amending regulation's date is not a listing
 *       date, so an entry whose only regulation is an amendment has no listedOn (it counts on every day)</li>
 *   <li>{@code remark} children of the entity → remarks</li>
 * </ul>
 */
public final class EuFsfReader {
    public static final String LIST_ID = "EU-FSF";
    private static final String UNKNOWN_COUNTRY = "UNKNOWN";

    private EuFsfReader() {
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        XmlRecords.read(file, "export", Set.of("sanctionEntity"), e -> {
            ListedParty p = party(file, e);
            if (!ids.add(p.sourceId())) {
                warnings.add(file.getFileName() + ":" + e.line() + ": reference number " + p.sourceId()
                        + " appears more than once");
            }
            parties.add(p);
        });
        return new PartyList(LIST_ID, ListFormat.EU_FSF_XML.label(), file.toString(), parties, warnings);
    }

    private static ListedParty party(Path file, Element e) throws ListFormatException {
        String ref = e.attr("euReferenceNumber") != null ? e.attr("euReferenceNumber") : e.attr("logicalId");
        if (ref == null) {
            throw new ListFormatException(file, e.line(), "euReferenceNumber",
                    "sanctionEntity has neither euReferenceNumber nor logicalId");
        }
        List<String[]> names = new ArrayList<>(); // {name, "weak" or "strong"}
        for (Element n : e.children("nameAlias")) {
            String name = XmlRecords.collapse(n.attr("wholeName"));
            if (name == null) {
                StringJoiner parts = new StringJoiner(" ");
                for (String part : List.of("firstName", "middleName", "lastName")) {
                    if (n.attr(part) != null) {
                        parts.add(n.attr(part));
                    }
                }
                name = XmlRecords.collapse(parts.toString());
            }
            if (name != null) {
                String remark = n.text("remark");
                boolean weak = "false".equalsIgnoreCase(n.attr("strong"))
                        || (remark != null && remark.toLowerCase(Locale.ROOT).contains("low quality"));
                names.add(new String[] {name, weak ? "weak" : "strong"});
            }
        }
        String[] primary = names.stream().filter(n -> n[1].equals("strong")).findFirst()
                .orElse(names.isEmpty() ? null : names.get(0));
        if (primary == null) {
            throw new ListFormatException(file, e.line(), "nameAlias", "entry " + ref
                    + " has no name (no nameAlias with a wholeName, firstName or lastName)");
        }
        ListedParty.Builder b = ListedParty.builder(LIST_ID, ref).type(type(e)).primaryName(primary[0]);
        AliasSet aliases = new AliasSet(primary[0]);
        for (String[] n : names) {
            aliases.add(n[0], n[1].equals("weak") ? AliasStrength.WEAK : AliasStrength.STRONG);
        }
        aliases.list().forEach(b::alias);

        Set<Identifier> identifiers = new LinkedHashSet<>();
        if (e.attr("unitedNationId") != null) {
            identifiers.add(new Identifier("UN Reference Number", e.attr("unitedNationId"), null));
        }
        for (Element n : e.children("nameAlias")) {
            // Titles and functions say who the party is; they identify nothing.
            if (n.attr("title") != null && !b.titles().contains(n.attr("title"))) {
                b.title(n.attr("title"));
            }
            if (n.attr("function") != null && !b.titles().contains(n.attr("function"))) {
                b.title(n.attr("function"));
            }
        }
        for (Element id : e.children("identification")) {
            String number = id.attr("number") != null ? id.attr("number") : id.attr("latinNumber");
            if (number != null) {
                String type = id.attr("identificationTypeDescription") != null
                        ? id.attr("identificationTypeDescription") : id.attr("identificationTypeCode");
                identifiers.add(new Identifier(type, number, country(id)));
            }
        }
        identifiers.forEach(b::identifier);

        for (Element a : e.children("address")) {
            String street = a.attr("street");
            if (a.attr("poBox") != null) {
                street = (street == null ? "" : street + ", ") + "PO Box " + a.attr("poBox");
            }
            String city = a.attr("city") != null ? a.attr("city") : a.attr("place");
            String country = country(a);
            String code = a.attr("countryIso2Code");
            code = code == null || code.equals("00") ? null : code;
            if (street != null || city != null || a.attr("region") != null || a.attr("zipCode") != null
                    || country != null) {
                b.address(new Address(street, city, a.attr("region"), a.attr("zipCode"), country, code));
            }
        }
        Set<String> dobs = new LinkedHashSet<>();
        Set<String> pobs = new LinkedHashSet<>();
        for (Element d : e.children("birthdate")) {
            String dob = dateOfBirth(d);
            if (dob != null) {
                dobs.add(dob);
            }
            StringJoiner pob = new StringJoiner(", ");
            for (String part : new String[] {d.attr("city"), d.attr("place"), d.attr("region"), country(d)}) {
                if (part != null) {
                    pob.add(part);
                }
            }
            if (pob.length() > 0) {
                pobs.add(pob.toString());
            }
        }
        dobs.forEach(b::dateOfBirth);
        pobs.forEach(b::placeOfBirth);
        Set<String> nationalities = new LinkedHashSet<>();
        for (Element c : e.children("citizenship")) {
            String country = country(c);
            String code = c.attr("countryIso2Code");
            if (country != null) {
                nationalities.add(country);
            } else if (code != null && !code.equals("00")) {
                nationalities.add(code);
            }
        }
        nationalities.forEach(b::nationality);

        Set<String> programs = new LinkedHashSet<>();
        LocalDate listed = Dates.parse(file, e.line(), "designationDate", e.attr("designationDate"), Dates.ISO,
                "like 2022-02-23");
        for (Element r : e.children("regulation")) {
            if (r.attr("programme") != null) {
                programs.add(r.attr("programme"));
            }
            LocalDate published = Dates.parse(file, r.line(), "publicationDate", r.attr("publicationDate"),
                    Dates.ISO, "like 2003-07-08");
            if (e.attr("designationDate") == null && published != null
                    && "regulation".equalsIgnoreCase(r.attr("regulationType"))
                    && (listed == null || published.isBefore(listed))) {
                listed = published;
            }
        }
        programs.forEach(b::program);
        b.listedOn(listed);
        StringJoiner remarks = new StringJoiner(" ");
        for (String r : e.texts("remark")) {
            remarks.add(XmlRecords.collapse(r));
        }
        return b.remarks(remarks.length() == 0 ? null : remarks.toString()).build();
    }

    private static PartyType type(Element e) {
        Element s = e.child("subjectType");
        if (s == null) {
            return PartyType.UNKNOWN;
        }
        String code = s.attr("code") == null ? "" : s.attr("code").toLowerCase(Locale.ROOT);
        String cls = s.attr("classificationCode") == null ? "" : s.attr("classificationCode");
        if (code.equals("person") || (code.isEmpty() && cls.equals("P"))) {
            return PartyType.PERSON;
        }
        if (code.equals("enterprise") || (code.isEmpty() && cls.equals("E"))) {
            return PartyType.ORGANIZATION;
        }
        return PartyType.parse(code);
    }

    /** The country as written ({@code countryDescription}), null for the list's "UNKNOWN". */
    private static String country(Element e) {
        String d = e.attr("countryDescription");
        return d == null || d.equalsIgnoreCase(UNKNOWN_COUNTRY) ? null : d;
    }

    private static String dateOfBirth(Element d) {
        String value = d.attr("birthdate");
        if (value != null && value.length() > 10 && value.charAt(4) == '-') {
            value = value.substring(0, 10);
        }
        if (value == null && d.attr("year") != null) {
            value = d.attr("year");
            if (d.attr("monthOfYear") != null) {
                value += "-" + pad(d.attr("monthOfYear"));
                if (d.attr("dayOfMonth") != null) {
                    value += "-" + pad(d.attr("dayOfMonth"));
                }
            }
        }
        if (value == null && (d.attr("yearRangeFrom") != null || d.attr("yearRangeTo") != null)) {
            value = (d.attr("yearRangeFrom") == null ? "?" : d.attr("yearRangeFrom")) + " to "
                    + (d.attr("yearRangeTo") == null ? "?" : d.attr("yearRangeTo"));
        }
        if (value != null && "true".equalsIgnoreCase(d.attr("circa"))) {
            value = "circa " + value;
        }
        return value;
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }
}
