package org.exportguard.lists.io;

import org.exportguard.lists.ListFormatException;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams the records of a list published as XML, one small element tree per record, with the JDK's StAX and DTDs
 * and external entities refused: a document with a DOCTYPE or an entity reference is a {@link ListFormatException},
 * never expanded (an entity in a list file is an attack, not data). Text is decoded strictly as UTF-8
 * ({@link CheckedReader}); an element's text over 1 MiB is refused. Every problem is one exception naming the file,
 * the line and the element or field.
 */
public final class XmlRecords {
    /** The message of a refused DOCTYPE or entity reference. */
    public static final String REFUSED = "DTDs and external entities are refused";

    private XmlRecords() {
    }

    /** Called with each record element, read whole. */
    @FunctionalInterface
    public interface RecordHandler {
        void record(Element record) throws ListFormatException;
    }

    /**
     * One element with its attributes (by local name), its own text and its child elements, in document order.
     * Names are local names: a namespace (as on the EU's {@code export} root) does not change them.
     */
    public static final class Element {
        private final String name;
        private final long line;
        private final Map<String, String> attributes;
        private final StringBuilder text = new StringBuilder();
        private final List<Element> children = new ArrayList<>();

        Element(String name, long line, Map<String, String> attributes) {
            this.name = name;
            this.line = line;
            this.attributes = attributes;
        }

        public String name() {
            return name;
        }

        /** The line the element starts on. */
        public long line() {
            return line;
        }

        /** The attribute's value trimmed, or null when it is absent or blank. */
        public String attr(String attribute) {
            return blankToNull(attributes.get(attribute));
        }

        /** The element's own text trimmed, or null when blank. */
        public String text() {
            return blankToNull(text.toString());
        }

        /** The text of the first child of that name, trimmed, or null. */
        public String text(String child) {
            Element c = child(child);
            return c == null ? null : c.text();
        }

        /** The first child of that name, or null. */
        public Element child(String child) {
            for (Element c : children) {
                if (c.name.equals(child)) {
                    return c;
                }
            }
            return null;
        }

        /** The children of that name, in document order. */
        public List<Element> children(String child) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) {
                if (c.name.equals(child)) {
                    out.add(c);
                }
            }
            return out;
        }

        /**
         * The elements reached by the path of child names, e.g. {@code all("Names", "Name")} for every
         * {@code Name} of every {@code Names} child.
         */
        public List<Element> all(String... path) {
            List<Element> level = List.of(this);
            for (String step : path) {
                List<Element> next = new ArrayList<>();
                for (Element e : level) {
                    next.addAll(e.children(step));
                }
                level = next;
            }
            return level;
        }

        /** Every element of that name below this one, at any depth, in document order. */
        public List<Element> descendants(String name) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) {
                if (c.name.equals(name)) {
                    out.add(c);
                }
                out.addAll(c.descendants(name));
            }
            return out;
        }

        /** The trimmed texts of the elements reached by the path, blanks left out. */
        public List<String> texts(String... path) {
            List<String> out = new ArrayList<>();
            for (Element e : all(path)) {
                if (e.text() != null) {
                    out.add(e.text());
                }
            }
            return out;
        }
    }

    /** Runs of white space (line breaks of an XML layout) as one space, trimmed; blank and null give null. */
    public static String collapse(String s) {
        return Texts.collapse(s);
    }

    static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /**
     * Reads the file: its root element must be {@code root}; every element named in {@code records}, at any depth
     * below the root, is read whole and handed over. A wrong root, malformed XML, a truncated file, a DOCTYPE, an
     * entity reference or bad UTF-8 is a {@link ListFormatException} naming the line.
     */
    public static void read(Path file, String root, Set<String> records, RecordHandler handler)
            throws ListFormatException, IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
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
                    if (!name.equals(root)) {
                        throw new ListFormatException(file, line(x.getLocation()), name,
                                "root element is not " + root);
                    }
                } else if (records.contains(name)) {
                    handler.record(subtree(file, x));
                }
            }
            if (!rootSeen) {
                throw new ListFormatException(file, 1, null, "no XML root element");
            }
        } catch (XMLStreamException e) {
            throw error(file, e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to report
                }
            }
        }
    }

    /** The element the reader is on, with all its descendants. */
    private static Element subtree(Path file, XMLStreamReader x) throws XMLStreamException, ListFormatException {
        List<Element> stack = new ArrayList<>();
        Element root = element(x);
        stack.add(root);
        while (!stack.isEmpty()) {
            int ev = x.next();
            Element top = stack.get(stack.size() - 1);
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element c = element(x);
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

    private static Element element(XMLStreamReader x) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < x.getAttributeCount(); i++) {
            attributes.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
        }
        return new Element(x.getLocalName(), line(x.getLocation()), attributes);
    }

    /** The line of a StAX location (0 when unknown). */
    public static long line(Location loc) {
        return loc == null ? 0 : Math.max(loc.getLineNumber(), 0);
    }

    /** One clear exception for a StAX failure: bad UTF-8, a refused DTD or entity, or malformed XML. */
    public static ListFormatException error(Path file, XMLStreamException e) {
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
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("must start and end within the same entity")) {
            // the JDK's words for a document that ends inside an element: "entity" here is the file itself
            return new ListFormatException(file, line, "xml", "malformed XML: the file ends inside an element"
                    + " (truncated file?)", e);
        }
        if (msg.contains("DOCTYPE") || msg.contains("DTD") || lower.contains("entity")) {
            return new ListFormatException(file, line, null, REFUSED + " (" + msg + ")", e);
        }
        return new ListFormatException(file, line, "xml", "malformed XML: " + msg, e);
    }
}
