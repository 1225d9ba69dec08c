package org.exportguard.lists;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;
import org.exportguard.lists.io.CsvRows;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Recognises a list file from its first bytes, never from its name:
 * <ul>
 *   <li>XML whose root is {@code CONSOLIDATED_LIST} → {@link ListFormat#UN_XML}</li>
 *   <li>XML whose root is {@code export} in the EU's namespace ({@code http://eu.europa.ec/fpi/fsd/export}) or
 *       holding {@code sanctionEntity} → {@link ListFormat#EU_FSF_XML}</li>
 *   <li>XML whose root is {@code Designations} → {@link ListFormat#UK_SL_XML}</li>
 *   <li>a first line that is a JSON object with {@code "schema"} and {@code "properties"} members (a
 *       FollowTheMoney entity) → {@link ListFormat#FTM_JSON}</li>
 *   <li>JSON object with a {@code "results"} member, or a JSON array → {@link ListFormat#CSL_JSON}</li>
 *   <li>CSV whose header starts {@code _id} or {@code source,entity_number} → {@link ListFormat#CSL_CSV}</li>
 *   <li>tab-separated header starting {@code "Name"} and naming {@code Effective_Date} → {@link ListFormat#DPL_TSV}</li>
 *   <li>CSV without header whose first field is a whole number: 12 columns → {@link ListFormat#OFAC_CSV}
 *       (primary), 5 → alt, 6 → add, 2 → comments</li>
 * </ul>
 */
public final class FormatDetector {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private FormatDetector() {
    }

    /**
     * What a file was recognised as.
     *
     * @param format the format, or null when not recognised
     * @param reason why it was not recognised (null when it was)
     */
    public record Detection(ListFormat format, String reason) {
        public boolean recognised() {
            return format != null;
        }
    }

    /**
     * Sniffs the file. An unrecognised file is a Detection with a reason, not an exception; a first line longer
     * than 1 MiB is a {@link ListFormatException} (the file cannot be any supported line-based format and reading
     * further would only waste memory).
     */
    public static Detection detect(Path file) throws IOException, ListFormatException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(head)).toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            return new Detection(null, head.length == 0 ? "file is empty" : "file holds only white space");
        }
        char first = trimmed.charAt(0);
        if (first == '<') {
            String root = rootElement(trimmed);
            if ("export".equals(root) && (trimmed.contains("http://eu.europa.ec/fpi/fsd/export")
                    || trimmed.contains("<sanctionEntity"))) {
                return new Detection(ListFormat.EU_FSF_XML, null);
            }
            if ("Designations".equals(root)) {
                return new Detection(ListFormat.UK_SL_XML, null);
            }
            return trimmed.contains("<CONSOLIDATED_LIST")
                    ? new Detection(ListFormat.UN_XML, null)
                    : new Detection(null, "XML, but not a recognised list (root " + (root == null ? "not found"
                    : "<" + root + ">") + "; expected CONSOLIDATED_LIST (UN), export (EU FSF) or Designations (UK))");
        }
        if (first == '{') {
            if (isFtmEntity(trimmed)) {
                return new Detection(ListFormat.FTM_JSON, null);
            }
            return trimmed.contains("\"results\"")
                    ? new Detection(ListFormat.CSL_JSON, null)
                    : new Detection(null, "JSON, but no \"results\" array of a Consolidated Screening List");
        }
        if (first == '[') {
            return new Detection(ListFormat.CSL_JSON, null);
        }
        int nl = text.indexOf('\n');
        if (nl < 0 && Files.size(file) > CheckedReader.MAX_LINE) {
            checkFirstLine(file);
        }
        String firstLine = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
        if (firstLine.indexOf('\t') >= 0) {
            CSVRecord header = firstRecord(firstLine, true);
            if (header != null && header.size() > 1 && "Name".equals(header.get(0).trim())
                    && firstLine.contains("Effective_Date")) {
                return new Detection(ListFormat.DPL_TSV, null);
            }
        }
        CSVRecord header = firstRecord(firstLine, false);
        if (header != null) {
            String c0 = header.get(0).trim();
            if (c0.equals("_id") || (c0.equals("source") && header.size() > 1
                    && header.get(1).trim().equals("entity_number"))) {
                return new Detection(ListFormat.CSL_CSV, null);
            }
        }
        CSVRecord row = firstRecord(text, false);
        if (row == null) {
            row = header;
        }
        if (row != null && !row.get(0).isBlank() && row.get(0).trim().chars().allMatch(Character::isDigit)) {
            switch (row.size()) {
                case 12: return new Detection(ListFormat.OFAC_CSV, null);
                case 5: return new Detection(ListFormat.OFAC_ALT, null);
                case 6: return new Detection(ListFormat.OFAC_ADD, null);
                case 2: return new Detection(ListFormat.OFAC_COMMENTS, null);
                default:
                    return new Detection(null, "rows start with a number like OFAC CSV, but have " + row.size()
                            + " columns (expected 12, 5, 6 or 2)");
            }
        }
        return new Detection(null, "not a recognised list format (UN XML, EU FSF XML, UK Sanctions List XML,"
                + " FollowTheMoney JSON, CSL CSV/JSON, BIS DPL, OFAC CSV)");
    }

    /**
     * The local name of the first element, past the XML declaration, comments, processing instructions and a
     * DOCTYPE; null when the text has none.
     */
    static String rootElement(String xml) {
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.length()) {
                return null;
            }
            char c = xml.charAt(i + 1);
            if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                if (end < 0) {
                    return null;
                }
                i = end + 3;
            } else if (c == '?' || c == '!') {
                // declaration, processing instruction, DOCTYPE (an internal subset's '>' inside [...] is skipped)
                int bracket = xml.indexOf('[', i);
                int close = xml.indexOf('>', i);
                if (close < 0) {
                    return null;
                }
                if (c == '!' && bracket >= 0 && bracket < close) {
                    int endSubset = xml.indexOf("]", bracket);
                    close = endSubset < 0 ? -1 : xml.indexOf('>', endSubset);
                    if (close < 0) {
                        return null;
                    }
                }
                i = close + 1;
            } else {
                int j = i + 1;
                while (j < xml.length() && !Character.isWhitespace(xml.charAt(j)) && "/>".indexOf(xml.charAt(j)) < 0) {
                    j++;
                }
                String name = xml.substring(i + 1, j);
                int colon = name.indexOf(':');
                return colon >= 0 ? name.substring(colon + 1) : name;
            }
        }
    }

    /**
     * True when the first line is a JSON object whose members (as far as the sniffed bytes reach) include
     * {@code "schema"} and {@code "properties"}: a FollowTheMoney entity. Only the first line is looked at, so a
     * later bad line is the reader's to report, with its line number.
     */
    static boolean isFtmEntity(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        boolean schema = false;
        boolean properties = false;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                schema |= name.equals("schema");
                properties |= name.equals("properties");
                if (schema && properties) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // the line is cut by the sniff window or is not JSON: judge on the members seen so far
        }
        return schema && properties;
    }

    private static CSVRecord firstRecord(String text, boolean tabs) {
        try (CSVParser p = CSVParser.parse(text, tabs ? CsvRows.TSV : CsvRows.CSV)) {
            Iterator<CSVRecord> it = p.iterator();
            return it.hasNext() ? it.next() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads the first line through the capped reader so that an over-long line fails fast and names line 1. */
    private static void checkFirstLine(Path file) throws IOException, ListFormatException {
        try (Reader r = new CheckedReader(Files.newInputStream(file), CheckedReader.MAX_LINE)) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        return;
                    }
                }
            }
        } catch (BadTextException e) {
            throw new ListFormatException(file, e.line(), e.field(), e.problem(), e);
        }
    }
}
