package org.exportguard.lists.uk;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the UK Sanctions List that the FCDO publishes as XML (root {@code Designations}, one {@code Designation} per
 * designated person, entity or ship; since 28 January 2026 the only UK list, OFSI's Consolidated List having
 * closed). XML through {@link XmlRecords}: StAX, DTDs and external entities refused.
 *
 * <ul>
 *   <li>sourceId: {@code UniqueID} (e.g. {@code RUS0123}); type from {@code IndividualEntityShip}: Individual →
 *       person, Entity → organization, Ship → vessel</li>
 *   <li>names: each {@code Names/Name} is {@code Name1} ... {@code Name6} joined with spaces (Name6 is the family
 *       name, or the whole name of an entity or ship). The first {@code NameType} "Primary Name" is the primary
 *       name (NameType is matched without regard to case: the list spells it several ways); "Primary Name
 *       Variation" and "Alias" are aliases, weak when {@code AliasStrength} says "Low quality".
 *       {@code NonLatinNames/NonLatinName/NameNonLatinScript} (or {@code NameNonLatinScript} right under
 *       {@code NonLatinNames}) → original-script aliases</li>
 *   <li>{@code RegimeName} → program; {@code DateDesignated} (dd/mm/yyyy) → listedOn; {@code OtherInformation} →
 *       remarks</li>
 *   <li>{@code Addresses/Address}: AddressLine1-4 → street, AddressLine5 → region, AddressLine6 → city,
 *       AddressPostalCode, AddressCountry</li>
 *   <li>individuals: {@code DOBs/DOB} (dd/mm/yyyy, with "dd" and "mm" where the day or month is unknown) →
 *       1958-03-01, 1958-03 or 1958; {@code BirthDetails/Location} (TownOfBirth, CountryOfBirth) → place of
 *       birth; {@code Nationalities/Nationality}; passports and national identifiers (their additional
 *       information in brackets after the type); {@code Positions/Position} → titles</li>
 *   <li>entities: {@code BusinessRegistrationNumbers}; ships: {@code IMONumbers}; all: {@code OFSIGroupID},
 *       {@code UNReferenceNumber} → identifiers; {@code Titles/Title} → titles</li>
 * </ul>
 */
public final class UkSanctionsListReader {
    public static final String LIST_ID = "UK-SL";
    /** The list's dates: 29/06/2012. */
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DOB = Pattern.compile("(dd|\\d{1,2})/(mm|\\d{1,2})/(\\d{4})",
            Pattern.CASE_INSENSITIVE);

    private UkSanctionsListReader() {
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        XmlRecords.read(file, "Designations", Set.of("Designation"), e -> {
            ListedParty p = party(file, e, warnings);
            if (!ids.add(p.sourceId())) {
                warnings.add(file.getFileName() + ":" + e.line() + ": unique id " + p.sourceId()
                        + " appears more than once");
            }
            parties.add(p);
        });
        return new PartyList(LIST_ID, ListFormat.UK_SL_XML.label(), file.toString(), parties, warnings);
    }

    private static ListedParty party(Path file, Element e, List<String> warnings) throws ListFormatException {
        String id = e.text("UniqueID");
        if (id == null) {
            throw new ListFormatException(file, e.line(), "UniqueID", "Designation has no UniqueID");
        }
        String primary = null;
        List<String[]> others = new ArrayList<>(); // {name, strength}
        for (Element n : e.all("Names", "Name")) {
            StringJoiner parts = new StringJoiner(" ");
            for (int i = 1; i <= 6; i++) {
                String part = XmlRecords.collapse(n.text("Name" + i));
                if (part != null) {
                    parts.add(part);
                }
            }
            if (parts.length() == 0) {
                continue;
            }
            String nameType = n.text("NameType") == null ? "" : n.text("NameType").toLowerCase(Locale.ROOT);
            String strength = n.text("AliasStrength") == null ? "" : n.text("AliasStrength").toLowerCase(Locale.ROOT);
            if (primary == null && nameType.equals("primary name")) {
                primary = parts.toString();
            } else {
                others.add(new String[] {parts.toString(), strength.startsWith("low") ? "weak" : "strong"});
            }
        }
        if (primary == null && !others.isEmpty()) {
            primary = others.remove(0)[0];
            warnings.add(file.getFileName() + ":" + e.line() + ": " + id
                    + " has no name of NameType \"Primary Name\"; its first name is taken as primary");
        }
        if (primary == null) {
            throw new ListFormatException(file, e.line(), "Names", "designation " + id + " has no name");
        }
        ListedParty.Builder b = ListedParty.builder(LIST_ID, id).type(type(e.text("IndividualEntityShip")))
                .primaryName(primary);
        AliasSet aliases = new AliasSet(primary);
        for (String[] o : others) {
            aliases.add(o[0], o[1].equals("weak") ? AliasStrength.WEAK : AliasStrength.STRONG);
        }
        for (Element nonLatin : e.children("NonLatinNames")) {
            // NonLatinNames/NonLatinName/NameNonLatinScript as published; without the NonLatinName wrapper too
            for (Element n : nonLatin.descendants("NameNonLatinScript")) {
                aliases.add(n.text(), AliasStrength.STRONG);
            }
        }
        aliases.list().forEach(b::alias);

        String regime = e.text("RegimeName");
        if (regime != null) {
            b.program(regime);
        }
        Element designated = e.child("DateDesignated");
        b.listedOn(Dates.parse(file, designated == null ? e.line() : designated.line(), "DateDesignated",
                e.text("DateDesignated"), DMY, "like 29/06/2012"));
        b.remarks(XmlRecords.collapse(e.text("OtherInformation")));

        for (Element a : e.all("Addresses", "Address")) {
            StringJoiner street = new StringJoiner(", ");
            for (int i = 1; i <= 4; i++) {
                if (a.text("AddressLine" + i) != null) {
                    street.add(a.text("AddressLine" + i));
                }
            }
            String region = a.text("AddressLine5");
            String city = a.text("AddressLine6");
            String zip = a.text("AddressPostalCode");
            String country = a.text("AddressCountry");
            if (street.length() > 0 || region != null || city != null || zip != null || country != null) {
                b.address(new Address(street.length() == 0 ? null : street.toString(), city, region, zip, country,
                        null));
            }
        }

        Set<Identifier> identifiers = new LinkedHashSet<>();
        // Titles and positions say who the party is; they identify nothing.
        Set<String> titles = new LinkedHashSet<>(e.texts("Titles", "Title"));
        Set<String> dobs = new LinkedHashSet<>();
        Set<String> pobs = new LinkedHashSet<>();
        Set<String> nationalities = new LinkedHashSet<>();
        for (Element i : e.all("IndividualDetails", "Individual")) {
            for (String dob : i.texts("DOBs", "DOB")) {
                dobs.add(dateOfBirth(dob));
            }
            for (Element loc : i.all("BirthDetails", "Location")) {
                StringJoiner pob = new StringJoiner(", ");
                for (String part : new String[] {loc.text("TownOfBirth"), loc.text("CountryOfBirth")}) {
                    if (part != null) {
                        pob.add(part);
                    }
                }
                if (pob.length() > 0) {
                    pobs.add(pob.toString());
                }
            }
            nationalities.addAll(i.texts("Nationalities", "Nationality"));
            for (Element p : i.all("PassportDetails", "Passport")) {
                document(identifiers, "Passport", p.text("PassportNumber"), p.text("PassportAdditionalInformation"));
            }
            for (Element n : i.all("NationalIdentifierDetails", "NationalIdentifier")) {
                document(identifiers, "National Identification Number", n.text("NationalIdentifierNumber"),
                        n.text("NationalIdentifierAdditionalInformation"));
            }
            titles.addAll(i.texts("Positions", "Position"));
        }
        for (Element en : e.all("EntityDetails", "Entity")) {
            for (String reg : en.texts("BusinessRegistrationNumbers", "BusinessRegistrationNumber")) {
                identifiers.add(new Identifier("Business Registration Number", reg, null));
            }
        }
        for (Element s : e.all("ShipDetails", "Ship")) {
            for (String imo : s.texts("IMONumbers", "IMONumber")) {
                identifiers.add(new Identifier("IMO Number", imo, null));
            }
        }
        if (e.text("OFSIGroupID") != null) {
            identifiers.add(new Identifier("OFSI Group ID", e.text("OFSIGroupID"), null));
        }
        if (e.text("UNReferenceNumber") != null) {
            identifiers.add(new Identifier("UN Reference Number", e.text("UNReferenceNumber"), null));
        }
        dobs.forEach(b::dateOfBirth);
        pobs.forEach(b::placeOfBirth);
        nationalities.forEach(b::nationality);
        identifiers.forEach(b::identifier);
        titles.forEach(b::title);
        return b.build();
    }

    private static void document(Set<Identifier> ids, String type, String number, String info) {
        if (number != null) {
            ids.add(new Identifier(info == null ? type : type + " (" + XmlRecords.collapse(info) + ")", number,
                    null));
        }
    }

    private static PartyType type(String text) {
        if (text == null) {
            return PartyType.UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "individual" -> PartyType.PERSON;
            case "entity" -> PartyType.ORGANIZATION;
            case "ship" -> PartyType.VESSEL;
            default -> PartyType.parse(text);
        };
    }

    /**
     * A date of birth in ISO order, as precise as the list says: "01/03/1958" → 1958-03-01, "dd/03/1958" →
     * 1958-03, "dd/mm/1945" → 1945. Anything else (a day that does not exist, a day without its month, other
     * words) is kept as written.
     */
    static String dateOfBirth(String dob) {
        Matcher m = DOB.matcher(dob.trim());
        if (!m.matches()) {
            return dob.trim();
        }
        String day = m.group(1);
        String month = m.group(2);
        String year = m.group(3);
        if (month.equalsIgnoreCase("mm")) {
            return day.equalsIgnoreCase("dd") ? year : dob.trim();
        }
        int monthNumber = Integer.parseInt(month);
        if (monthNumber < 1 || monthNumber > 12) {
            return dob.trim();
        }
        String ym = year + "-" + (month.length() == 1 ? "0" + month : month);
        if (day.equalsIgnoreCase("dd")) {
            return ym;
        }
        String ymd = ym + "-" + (day.length() == 1 ? "0" + day : day);
        try {
            return LocalDate.parse(ymd, Dates.ISO).toString();
        } catch (DateTimeParseException e) {
            return dob.trim();
        }
    }
}
