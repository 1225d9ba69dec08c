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
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;
import org.exportguard.lists.io.Dates;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads the UN Security Council consolidated list (XML: {@code CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL} and
 * {@code CONSOLIDATED_LIST/ENTITIES/ENTITY}) with StAX, DTDs and external entities switched off: a document with a
 * DOCTYPE or an entity reference is refused. The file is read as UTF-8 (the UN publishes UTF-8).
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
    private static final String REFUSED = "DTDs and external entities are refused";

    private UnXmlReader() {
    }

    /** A small element tree for one INDIVIDUAL or ENTITY. */
    private static final class El {
        final String name;
        final long line;
        final StringBuilder text = new StringBuilder();
        final List<El> children = new ArrayList<>();

        El(String name, long line) {
            this.name = name;
            this.line = line;
        }

        String text(String child) {
            for (El c : children) {
                if (c.name.equals(child)) {
                    String t = c.text.toString().trim();
                    return t.isEmpty() ? null : t;
                }
            }
            return null;
        }

        /** Like {@link #text} with runs of white space (line breaks of the XML layout) made one space. */
        String name(String child) {
            String t = text(child);
            return t == null ? null : t.replaceAll("\\s+", " ");
        }

        String own() {
            String t = text.toString().trim();
            return t.isEmpty() ? null : t;
        }

        List<El> all(String child) {
            List<El> out = new ArrayList<>();
            for (El c : children) {
                if (c.name.equals(child)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        XMLStreamReader x = null;
        try (InputStream in = Files.newInputStream(file)) {
            x = factory.createXMLStreamReader(new CheckedReader(in, Long.MAX_VALUE));
            boolean rootSeen = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ListFormatException(file, line(x.getLocation()), null, REFUSED);
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!name.equals("CONSOLIDATED_LIST")) {
                        throw new ListFormatException(file, line(x.getLocation()), name,
                                "root element is not CONSOLIDATED_LIST");
                    }
                } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                    El el = subtree(file, x);
                    ListedParty p = party(file, el, name.equals("INDIVIDUAL"));
                    if (!refs.add(p.sourceId())) {
                        warnings.add(file.getFileName() + ":" + el.line + ": reference number " + p.sourceId()
                                + " appears more than once");
                    }
                    parties.add(p);
                }
            }
            if (!rootSeen) {
                throw new ListFormatException(file, 1, null, "no XML root element");
            }
        } catch (XMLStreamException e) {
            throw xmlError(file, e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to report
                }
            }
        }
        return new PartyList(LIST_ID, ListFormat.UN_XML.label(), file.toString(), parties, warnings);
    }

    private static ListFormatException xmlError(Path file, XMLStreamException e) {
        for (Throwable t = e; t != null; ) {
            if (t instanceof BadTextException bad) {
                return new ListFormatException(file, bad.line(), bad.field(), bad.problem(), e);
            }
            Throwable next = t.getCause();
            if (next == null && t instanceof XMLStreamException xe) {
                next = xe.getNestedException();
            }
            t = next == t ? null : next;
        }
        long line = line(e.getLocation());
        String msg = String.valueOf(e.getMessage());
        int i = msg.indexOf("Message: ");
        msg = (i >= 0 ? msg.substring(i + 9) : msg).replaceAll("\\s+", " ").trim();
        if (msg.contains("DOCTYPE") || msg.contains("DTD") || msg.toLowerCase().contains("entity")) {
            return new ListFormatException(file, line, null, REFUSED + " (" + msg + ")", e);
        }
        return new ListFormatException(file, line, "xml", "malformed XML: " + msg, e);
    }

    private static long line(Location loc) {
        return loc == null ? 0 : Math.max(loc.getLineNumber(), 0);
    }

    /** Reads the element the reader is on, with all its descendants; text longer than 1 MiB is refused. */
    private static El subtree(Path file, XMLStreamReader x) throws XMLStreamException, ListFormatException {
        List<El> stack = new ArrayList<>();
        El root = new El(x.getLocalName(), line(x.getLocation()));
        stack.add(root);
        while (!stack.isEmpty()) {
            int ev = x.next();
            El top = stack.get(stack.size() - 1);
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    El c = new El(x.getLocalName(), line(x.getLocation()));
                    top.children.add(c);
                    stack.add(c);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    top.text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                    if (top.text.length() > CheckedReader.MAX_LINE) {
                        throw new ListFormatException(file, line(x.getLocation()), top.name,
                                "text longer than 1 MiB");
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new ListFormatException(file, line(x.getLocation()), top.name, REFUSED);
                default -> {
                    // comments, processing instructions
                }
            }
        }
        return root;
    }

    private static ListedParty party(Path file, El el, boolean individual) throws ListFormatException {
        String ref = el.text("REFERENCE_NUMBER");
        if (ref == null) {
            throw new ListFormatException(file, el.line, "REFERENCE_NUMBER", "missing reference number");
        }
        StringJoiner name = new StringJoiner(" ");
        for (String part : individual
                ? List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") : List.of("FIRST_NAME")) {
            String v = el.name(part);
            if (v != null) {
                name.add(v);
            }
        }
        if (name.length() == 0) {
            throw new ListFormatException(file, el.line, "FIRST_NAME", "entry " + ref + " has no name");
        }
        ListedParty.Builder b = ListedParty.builder(LIST_ID, ref)
                .type(individual ? PartyType.PERSON : PartyType.ORGANIZATION)
                .primaryName(name.toString())
                .remarks(el.text("COMMENTS1"));
        El listedOnEl = el.all("LISTED_ON").stream().findFirst().orElse(el);
        b.listedOn(Dates.parse(file, listedOnEl.line, "LISTED_ON", el.text("LISTED_ON"), Dates.ISO,
                "like 2005-11-01"));
        String program = el.text("UN_LIST_TYPE");
        if (program != null) {
            b.program(program);
        }
        String original = el.name("NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            b.alias(Alias.originalScript(original));
        }
        Set<String> aliasKeys = new LinkedHashSet<>();
        for (El a : el.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String alias = a.name("ALIAS_NAME");
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
        for (El a : el.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
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
            for (El d : el.all("INDIVIDUAL_DATE_OF_BIRTH")) {
                String dob = dateOfBirth(d);
                if (dob != null) {
                    b.dateOfBirth(dob);
                }
            }
            for (El p : el.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
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
            for (El n : el.all("NATIONALITY")) {
                for (El v : n.all("VALUE")) {
                    if (v.own() != null) {
                        b.nationality(v.own());
                    }
                }
            }
            for (El d : el.all("INDIVIDUAL_DOCUMENT")) {
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
            for (El g : el.all(group)) {
                for (El v : g.all("VALUE")) {
                    if (v.own() != null) {
                        b.identifier(new Identifier(group.equals("TITLE") ? "Title" : "Designation", v.own(), null));
                    }
                }
            }
        }
        return b.build();
    }

    private static void addAlias(ListedParty.Builder b, Set<String> keys, String name, AliasStrength strength) {
        if (keys.add(strength + "\u0000" + name)) {
            b.alias(new Alias(name, strength, nonLatin(name)));
        }
    }

    /** True when the name has a letter outside the Latin script (Arabic, Cyrillic, CJK ...). */
    static boolean nonLatin(String name) {
        return name.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
    }

    private static String dateOfBirth(El d) {
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
