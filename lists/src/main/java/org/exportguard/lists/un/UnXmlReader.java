package org.exportguard.lists.un;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads the UN Security Council consolidated list (XML: {@code CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL} and
 * {@code CONSOLIDATED_LIST/ENTITIES/ENTITY}) with StAX through {@link XmlRecords}, DTDs and external entities
 * switched off: a document with a DOCTYPE or an entity reference is refused. The file is read as UTF-8 (the UN
 * publishes UTF-8).
 *
 * <ul>
 *   <li>name: FIRST_NAME SECOND_NAME THIRD_NAME FOURTH_NAME joined with spaces (entities: FIRST_NAME); in names
 *       and aliases, runs of white space (the file breaks long names over lines) become one space</li>
 *   <li>NAME_ORIGINAL_SCRIPT: an original-script alias</li>
 *   <li>aliases: QUALITY "Low" → WEAK, anything else ("Good", "a.k.a.", "f.k.a.", blank) → STRONG; empty
 *       ALIAS_NAME skipped. An alias holding several names separated by ";" is kept verbatim <em>and</em> each
 *       part is added as an alias of the same strength. Aliases in a non-Latin script are flagged
 *       original-script.</li>
 *   <li>sourceId: REFERENCE_NUMBER verbatim (e.g. {@code CDi.002}); UN_LIST_TYPE → program; LISTED_ON →
 *       listedOn; COMMENTS1 → remarks</li>
 * </ul>
 */
public final class UnXmlReader {
    public static final String LIST_ID = "UN-SC";

    private UnXmlReader() {
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        XmlRecords.read(file, "CONSOLIDATED_LIST", Set.of("INDIVIDUAL", "ENTITY"), el -> {
            ListedParty p = party(file, el, el.name().equals("INDIVIDUAL"));
            if (!refs.add(p.sourceId())) {
                warnings.add(file.getFileName() + ":" + el.line() + ": reference number " + p.sourceId()
                        + " appears more than once");
            }
            parties.add(p);
        });
        return new PartyList(LIST_ID, ListFormat.UN_XML.label(), file.toString(), parties, warnings);
    }

    /** Like {@link Element#text(String)} with runs of white space (line breaks of the XML layout) made one space. */
    private static String name(Element el, String child) {
        return XmlRecords.collapse(el.text(child));
    }

    private static ListedParty party(Path file, Element el, boolean individual) throws ListFormatException {
        String ref = el.text("REFERENCE_NUMBER");
        if (ref == null) {
            throw new ListFormatException(file, el.line(), "REFERENCE_NUMBER", "missing reference number");
        }
        StringJoiner name = new StringJoiner(" ");
        for (String part : individual
                ? List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") : List.of("FIRST_NAME")) {
            String v = name(el, part);
            if (v != null) {
                name.add(v);
            }
        }
        if (name.length() == 0) {
            throw new ListFormatException(file, el.line(), "FIRST_NAME", "entry " + ref + " has no name");
        }
        ListedParty.Builder b = ListedParty.builder(LIST_ID, ref)
                .type(individual ? PartyType.PERSON : PartyType.ORGANIZATION)
                .primaryName(name.toString())
                .remarks(el.text("COMMENTS1"));
        Element listedOnEl = el.children("LISTED_ON").stream().findFirst().orElse(el);
        b.listedOn(Dates.parse(file, listedOnEl.line(), "LISTED_ON", el.text("LISTED_ON"), Dates.ISO,
                "like 2005-11-01"));
        String program = el.text("UN_LIST_TYPE");
        if (program != null) {
            b.program(program);
        }
        String original = name(el, "NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            b.alias(Alias.originalScript(original));
        }
        Set<String> aliasKeys = new LinkedHashSet<>();
        for (Element a : el.children(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String alias = name(a, "ALIAS_NAME");
            if (alias == null) {
                continue;
            }
            AliasStrength strength = "Low".equalsIgnoreCase(a.text("QUALITY"))
                    ? AliasStrength.WEAK : AliasStrength.STRONG;
            addAlias(b, aliasKeys, alias, strength);
            if (alias.indexOf(';') >= 0) {
                for (String part : alias.split(";")) {
                    if (!part.isBlank()) {
                        addAlias(b, aliasKeys, part.trim(), strength);
                    }
                }
            }
        }
        for (Element a : el.children(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String street = a.text("STREET");
            String city = a.text("CITY");
            String region = a.text("STATE_PROVINCE");
            String zip = a.text("ZIP_CODE");
            String country = a.text("COUNTRY");
            if (street != null || city != null || region != null || zip != null || country != null) {
                b.address(new Address(street, city, region, zip, country, null));
            }
        }
        if (individual) {
            for (Element d : el.children("INDIVIDUAL_DATE_OF_BIRTH")) {
                String dob = dateOfBirth(d);
                if (dob != null) {
                    b.dateOfBirth(dob);
                }
            }
            for (Element p : el.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
                StringJoiner pob = new StringJoiner(", ");
                for (String f : List.of("CITY", "STATE_PROVINCE", "COUNTRY")) {
                    if (p.text(f) != null) {
                        pob.add(p.text(f));
                    }
                }
                if (pob.length() > 0) {
                    b.placeOfBirth(pob.toString());
                }
            }
            for (Element n : el.children("NATIONALITY")) {
                for (Element v : n.children("VALUE")) {
                    if (v.text() != null) {
                        b.nationality(v.text());
                    }
                }
            }
            for (Element d : el.children("INDIVIDUAL_DOCUMENT")) {
                String number = d.text("NUMBER");
                String note = d.text("NOTE");
                String type = d.text("TYPE_OF_DOCUMENT");
                if (d.text("TYPE_OF_DOCUMENT2") != null) {
                    type = type == null ? d.text("TYPE_OF_DOCUMENT2") : type + " (" + d.text("TYPE_OF_DOCUMENT2") + ")";
                }
                String country = d.text("ISSUING_COUNTRY") != null ? d.text("ISSUING_COUNTRY")
                        : d.text("COUNTRY_OF_ISSUE");
                String value = number != null ? number : note;
                if (value != null) {
                    b.identifier(new Identifier(type, value, country));
                }
            }
        }
        for (String group : List.of("TITLE", "DESIGNATION")) {
            for (Element g : el.children(group)) {
                for (Element v : g.children("VALUE")) {
                    if (v.text() != null) {
                        // Titles and designations (positions) say who the party is; they identify nothing.
                        b.title(v.text());
                    }
                }
            }
        }
        return b.build();
    }

    private static void addAlias(ListedParty.Builder b, Set<String> keys, String name, AliasStrength strength) {
        if (keys.add(strength + "\u0000" + name)) {
            b.alias(new Alias(name, strength, AliasSet.nonLatin(name)));
        }
    }


    private static String dateOfBirth(Element d) {
        String type = d.text("TYPE_OF_DATE");
        String date = d.text("DATE");
        String year = d.text("YEAR");
        String from = d.text("FROM_YEAR");
        String to = d.text("TO_YEAR");
        String value;
        if (date != null) {
            value = date.length() > 10 && date.charAt(10) == 'T' ? date.substring(0, 10) : date;
        } else if (year != null) {
            value = year;
        } else if (from != null || to != null) {
            value = (from == null ? "?" : from) + " to " + (to == null ? "?" : to);
        } else {
            value = d.text("NOTE");
        }
        if (value != null && "APPROXIMATELY".equalsIgnoreCase(type)) {
            value = "circa " + value;
        }
        return value;
    }
}
