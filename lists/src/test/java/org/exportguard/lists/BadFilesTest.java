package org.exportguard.lists;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.eu.EuFsfReader;
import org.exportguard.lists.uk.UkSanctionsListReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every broken file is one ListFormatException naming file, line and field, and nothing is returned. */
class BadFilesTest {
    static final String CSL_HEADER = "_id,source,entity_number,type,programs,name,title,addresses,"
            + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,"
            + "call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
            + "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
            + "source_information_url,ids\n";
    static final String DPL_HEADER = "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t"
            + "\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t"
            + "\"FR_Citation\"\n";
    static final String SDN_ROW = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

    @TempDir
    Path dir;

    static String cslRow(String id, String name, String start) {
        String[] cells = new String[29];
        Arrays.fill(cells, "");
        cells[0] = id;
        cells[1] = "Entity List (EL) - Bureau of Industry and Security";
        cells[5] = name;
        cells[9] = start;
        return String.join(",", cells) + "\n";
    }

    static String dplRow(String name, String effective) {
        return "\"" + name + "\"\t\"1 MAIN ST\"\t\"TOWN\"\t\"TX\"\t\"US\"\t\"75159\"\t\"" + effective
                + "\"\t\"06/29/2056\"\t\"Y\"\t\"2007-01-31\"\t\"F.R. NOTICE ADDED\"\t\"68 F.R. 38290 6/27/03\"\n";
    }

    Path write(String name, String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    ListFormatException fails(Path p) {
        ListFormatException e = assertThrows(ListFormatException.class, () -> ListLoader.load(p));
        System.out.println("refused as expected: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        return e;
    }

    @Test
    void truncatedCsvWithUnterminatedQuote() throws Exception {
        Path p = write("csl.csv", CSL_HEADER + cslRow("a1", "ACME", "2019-01-02")
                + cslRow("a2", "\"BROKEN NAME", "2019-01-02").replace("\n", ""));
        ListFormatException e = fails(p);
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("unterminated quoted value"), e.getMessage());
    }

    @Test
    void wrongColumnCount() throws Exception {
        Path p = write("sdn/sdn.csv", SDN_ROW + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- \r\n");
        ListFormatException e = fails(p);
        assertEquals(2, e.line());
        assertEquals("Call_Sign", e.field());
        assertTrue(e.getMessage().contains("expected 12 columns"), e.getMessage());

        Path csl = write("csl.csv", CSL_HEADER + cslRow("a1", "ACME", "2019-01-02") + "a2,EL,,,,SHORT ROW\n");
        ListFormatException e2 = fails(csl);
        assertEquals(3, e2.line());
        assertTrue(e2.getMessage().contains("expected 29 columns"), e2.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLine() throws Exception {
        byte[] good = (DPL_HEADER + dplRow("JOHN DOE", "06/19/2003")).getBytes(StandardCharsets.UTF_8);
        byte[] bad = dplRow("JOS\u00c9 X", "06/19/2003").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Path p = write("dpl.txt", all);
        ListFormatException e = fails(p);
        assertEquals(3, e.line(), e.getMessage());
        assertEquals("encoding", e.field());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    @Test
    void invalidUtf8InXmlNamesTheLine() throws Exception {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'<', 'X', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'X', '>', '\n'};
        byte[] all = Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        ListFormatException e = fails(write("un.xml", all));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
        assertEquals("encoding", e.field(), e.getMessage());
    }

    @Test
    void xmlWithExternalEntityIsRefused() throws Exception {
        Path p = write("un.xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME>"
                + "<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n");
        ListFormatException e = fails(p);
        assertTrue(e.getMessage().contains("DTDs and external entities are refused"), e.getMessage());
        assertTrue(e.line() >= 1);
    }

    @Test
    void xmlWithPlainDoctypeIsRefused() throws Exception {
        Path p = write("un.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST SYSTEM \"http://example.org/x.dtd\">\n"
                + "<CONSOLIDATED_LIST></CONSOLIDATED_LIST>\n");
        ListFormatException e = fails(p);
        assertTrue(e.getMessage().contains("DTDs and external entities are refused"), e.getMessage());
    }

    @Test
    void malformedXmlGivesLine() throws Exception {
        Path p = write("un.xml", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n"
                + "<FIRST_NAME>A</SECOND_NAME>\n");
        ListFormatException e = fails(p);
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    }

    @Test
    void truncatedUnXmlIsCalledTruncatedNotAnEntity() throws Exception {
        Path p = write("un.xml", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n"
                + "<FIRST_NAME>A</FIRST_NAME>\n");
        ListFormatException e = fails(p);
        assertEquals("xml", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("truncated file"), e.getMessage());
        assertFalse(e.getMessage().contains("entities are refused"), e.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        ListFormatException e = fails(write("empty.csv", ""));
        assertTrue(e.getMessage().contains("file is empty"), e.getMessage());
    }

    @Test
    void hundredMegabyteLineWithoutNewline() throws Exception {
        Path p = dir.resolve("huge.csv");
        writeHuge(p, "", 100);
        ListFormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> fails(p));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("line longer than 1 MiB"), e.getMessage());
    }

    @Test
    void hundredMegabyteLineInsideACsv() throws Exception {
        Path p = dir.resolve("huge-csl.csv");
        writeHuge(p, CSL_HEADER + "x1,\"", 100);
        ListFormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> fails(p));
        assertEquals(2, e.line());
        assertEquals("line", e.field());
        assertTrue(e.getMessage().contains("line longer than 1 MiB"), e.getMessage());
    }

    @Test
    void unreadableFileBesideARequestedOfacFileDoesNotFailTheLoad() throws Exception {
        Path sdn = write("ofac/sdn.csv", SDN_ROW);
        writeHuge(dir.resolve("ofac/notes.txt"), "", 2);
        List<PartyList> lists = ListLoader.load(sdn);
        assertEquals(1, lists.size());
        assertEquals("OFAC-SDN", lists.get(0).id());
    }

    /** Writes a prefix then {@code mib} MiB of 'A' without a line break (to a temp file only). */
    private static void writeHuge(Path p, String prefix, int mib) throws Exception {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'A');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p))) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < mib; i++) {
                out.write(chunk);
            }
        }
    }

    @Test
    void nonIntegerEntNum() throws Exception {
        Path p = write("sdn/sdn.csv", SDN_ROW + "x12,\"ACME\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        ListFormatException e = fails(p);
        assertEquals(2, e.line());
        assertEquals("ent_num", e.field());
        assertTrue(e.getMessage().endsWith("field 'ent_num': expected a whole number, got \"x12\""), e.getMessage());
    }

    @Test
    void nonIntegerEntNumInCompanion() throws Exception {
        write("sdn/sdn.csv", SDN_ROW);
        Path alt = write("sdn/alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n3X,13,\"aka\",\"X\",-0- \r\n");
        ListFormatException e = assertThrows(ListFormatException.class, () -> ListLoader.load(dir.resolve("sdn")));
        assertEquals(alt, e.file());
        assertEquals(2, e.line());
        assertEquals("ent_num", e.field());
    }

    @Test
    void badDates() throws Exception {
        ListFormatException e = fails(write("csl.csv", CSL_HEADER + cslRow("a1", "ACME", "2019-13-45")));
        assertEquals(2, e.line());
        assertEquals("start_date", e.field());
        assertTrue(e.getMessage().contains("\"2019-13-45\""), e.getMessage());

        ListFormatException e2 = fails(write("dpl.txt", DPL_HEADER + dplRow("A", "06/19/2003")
                + dplRow("B", "2003-06-19")));
        assertEquals(3, e2.line());
        assertEquals("Effective_Date", e2.field());
    }

    @Test
    void unknownEntNumInCompanionIsAWarning() throws Exception {
        write("sdn/sdn.csv", SDN_ROW);
        write("sdn/alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n99,13,\"aka\",\"GHOST\",-0- \r\n");
        write("sdn/add.csv", "99,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n");
        PartyList l = ListLoader.load(dir.resolve("sdn")).get(0);
        assertEquals(1, l.parties().size());
        assertEquals(1, l.parties().get(0).aliases().size());
        assertEquals(2, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).contains("alias for unknown ent_num 99"), l.warnings().toString());
    }

    @Test
    void unrecognisedSingleFileIsAnError() throws Exception {
        ListFormatException e = fails(write("notes.txt", "hello, world\nthis is not a list\n"));
        assertTrue(e.getMessage().contains("unrecognised list format"), e.getMessage());
    }

    @Test
    void folderSkipsUnrecognisedFilesButNamesThem() throws Exception {
        write("a/notes.txt", "hello\n");
        write("b/dpl.txt", DPL_HEADER + dplRow("JOHN DOE", "06/19/2003"));
        LoadReport r = ListLoader.loadReport(dir);
        assertEquals(1, r.lists().size());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).startsWith("a/notes.txt: "), r.skipped().toString());
        List<PartyList> lists = ListLoader.load(dir);
        assertTrue(lists.get(0).warnings().get(0).startsWith("skipped a/notes.txt"), lists.get(0).warnings().toString());
    }

    @Test
    void folderIsAllOrNothing() throws Exception {
        write("a/dpl.txt", DPL_HEADER + dplRow("JOHN DOE", "06/19/2003"));
        write("b/csl.csv", CSL_HEADER + cslRow("a1", "ACME", "not a date"));
        ListFormatException e = assertThrows(ListFormatException.class, () -> ListLoader.load(dir));
        assertEquals("start_date", e.field());
    }

    @Test
    void emptyFolderIsAnError() throws Exception {
        write("a/notes.txt", "hello\n");
        ListFormatException e = assertThrows(ListFormatException.class, () -> ListLoader.load(dir));
        assertTrue(e.getMessage().contains("no recognised list in folder"), e.getMessage());
    }

    @Test
    void companionWithoutPrimaryIsAnError() throws Exception {
        Path alt = write("sdn/alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n");
        ListFormatException e = fails(alt);
        assertTrue(e.getMessage().contains("without its primary"), e.getMessage());
    }

    @Test
    void jsonGarbageIsRefused() throws Exception {
        ListFormatException e = fails(write("csl.json", "{\"results\": 5}"));
        assertEquals("results", e.field());
        ListFormatException e2 = fails(write("csl2.json", "{\"results\": [\n{\"name\": \"A\", \"source\": \"X\"},\n"
                + "{\"name\": \"B\", \n"));
        assertTrue(e2.getMessage().contains("malformed JSON") || e2.getMessage().contains("truncated"),
                e2.getMessage());
        assertTrue(e2.line() >= 3, e2.getMessage());
        ListFormatException e3 = fails(write("csl3.json", "[1, 2]"));
        assertTrue(e3.getMessage().contains("expected an object"), e3.getMessage());
    }

    // ---- EU FSF XML, UK Sanctions List XML, FollowTheMoney JSON lines ---------------------------------------------

    static final String EU_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2026-11-20T10:15:02+01:00\">\n";
    static final String EU_ENTITY = "<sanctionEntity euReferenceNumber=\"EU.1.1\" logicalId=\"1\">\n"
            + "<subjectType code=\"person\" classificationCode=\"P\"/>\n"
            + "<nameAlias wholeName=\"Example Person\" strong=\"true\"/>\n</sanctionEntity>\n";
    static final String UK_HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Designations>\n"
            + "<DateGenerated>20/11/2026</DateGenerated>\n";
    static final String UK_DESIGNATION = "<Designation>\n<DateDesignated>22/03/2021</DateDesignated>\n"
            + "<UniqueID>GHR0001</UniqueID>\n<Names><Name><Name6>EXAMPLE</Name6><NameType>Primary Name</NameType>"
            + "</Name></Names>\n<IndividualEntityShip>Entity</IndividualEntityShip>\n</Designation>\n";
    static final String FTM_LINE = "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Example Person\"]},"
            + "\"datasets\":[\"eu_fsf\"],\"target\":true}\n";

    /** File, its text, the line and field the one error must name (0 / null: none), and words it must say. */
    static Stream<Arguments> newFormatBadFiles() {
        return Stream.of(
                Arguments.of("eu-truncated.xml", EU_HEAD + EU_ENTITY + "<sanctionEntity euReferenceNumber=\"EU.2.2\">\n"
                        + "<nameAlias wholeName=\"Cut Off", 8, "xml", "truncated file"),
                Arguments.of("eu-ends-inside.xml", EU_HEAD + EU_ENTITY, 7, "xml", "truncated file"),
                Arguments.of("eu-no-name.xml", EU_HEAD + EU_ENTITY + "<sanctionEntity euReferenceNumber=\"EU.2.2\">\n"
                        + "<subjectType code=\"enterprise\"/>\n<nameAlias wholeName=\"\" strong=\"true\"/>\n"
                        + "</sanctionEntity>\n</export>\n", 7, "nameAlias", "entry EU.2.2 has no name"),
                Arguments.of("eu-no-id.xml", EU_HEAD + EU_ENTITY.replace(" euReferenceNumber=\"EU.1.1\" logicalId=\"1\"",
                        "") + "</export>\n", 3, "euReferenceNumber", "neither euReferenceNumber nor logicalId"),
                Arguments.of("eu-bad-date.xml", EU_HEAD + EU_ENTITY.replace("logicalId=\"1\"",
                        "logicalId=\"1\" designationDate=\"2022-13-45\"") + "</export>\n", 3, "designationDate",
                        "\"2022-13-45\""),
                Arguments.of("eu-entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM "
                        + "\"file:///etc/passwd\">]>\n<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">"
                        + "<sanctionEntity logicalId=\"1\"><nameAlias wholeName=\"&x;\"/></sanctionEntity></export>\n",
                        -1, null, XmlRefused.MESSAGE),
                Arguments.of("uk-truncated.xml", UK_HEAD + UK_DESIGNATION + "<Designation>\n<UniqueID>GHR0002</Uniq",
                        11, "xml", "malformed XML"),
                Arguments.of("uk-no-name.xml", UK_HEAD + UK_DESIGNATION.replace("GHR0001", "GHR0002")
                        .replace("<Name6>EXAMPLE</Name6>", "<Name6> </Name6>") + "</Designations>\n", 4, "Names",
                        "designation GHR0002 has no name"),
                Arguments.of("uk-no-id.xml", UK_HEAD + UK_DESIGNATION.replace("<UniqueID>GHR0001</UniqueID>\n", "")
                        + "</Designations>\n", 4, "UniqueID", "no UniqueID"),
                Arguments.of("uk-iso-date.xml", UK_HEAD + UK_DESIGNATION.replace("22/03/2021", "2021-03-22")
                        + "</Designations>\n", 5, "DateDesignated", "like 29/06/2012"),
                Arguments.of("uk-entity.xml", UK_HEAD + UK_DESIGNATION.replace("EXAMPLE", "&ghost;")
                        + "</Designations>\n", 7, "Name6", XmlRefused.MESSAGE),
                Arguments.of("ftm-not-json.json", FTM_LINE + FTM_LINE.replace("\"a\"", "\"b\"")
                        + "{\"id\":\"c\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Cut\n", 3, "json", "not JSON"),
                Arguments.of("ftm-garbage.json", FTM_LINE + "this is not json\n", 2, "json", "not JSON"),
                Arguments.of("ftm-array.json", FTM_LINE + "[\"Example Person\"]\n", 2, "entity",
                        "expected a JSON object (one FollowTheMoney entity a line), got an array"),
                Arguments.of("ftm-string.json", FTM_LINE + "\"Example Person\"\n", 2, "entity", "got a string"),
                Arguments.of("ftm-two-values.json", FTM_LINE.replace("\n", " ") + FTM_LINE, 1, "entity",
                        "more than one JSON value"),
                Arguments.of("ftm-no-name.json", FTM_LINE + FTM_LINE.replace("\"a\"", "\"b\"")
                        .replace("\"name\":[\"Example Person\"]", "\"name\":[\" \"]"), 2, "properties.name",
                        "entity b (Person) has no name"),
                Arguments.of("ftm-no-id.json", FTM_LINE + FTM_LINE.replace("\"id\":\"a\",", ""), 2, "id",
                        "entity without an id"),
                Arguments.of("ftm-no-schema.json", FTM_LINE + "{\"id\":\"b\",\"properties\":{\"name\":[\"X\"]}}\n", 2,
                        "schema", "entity b without a schema"),
                Arguments.of("ftm-null-schema.json", FTM_LINE + "{\"id\":\"b\",\"properties\":{\"name\":[\"X\"]},"
                        + "\"schema\":null}\n", 2, "schema", "expected a string, got null"),
                Arguments.of("ftm-name-not-array.json", FTM_LINE + FTM_LINE.replace("[\"Example Person\"]",
                        "\"Example Person\""), 2, "properties.name", "expected an array of values"),
                Arguments.of("ftm-bad-date.json", FTM_LINE.replace("\"name\":[\"Example Person\"]",
                        "\"name\":[\"Example Person\"],\"createdAt\":[\"2022-13-01\"]"), 1, "properties.createdAt",
                        "\"2022-13-01\""),
                Arguments.of("ftm-no-party.json", "{\"id\":\"s\",\"schema\":\"Sanction\",\"properties\":"
                        + "{\"entity\":[\"a\"]}}\n{\"id\":\"o\",\"schema\":\"Ownership\",\"properties\":{}}\n", 0,
                        "schema", "no listed party among the 2 entities"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newFormatBadFiles")
    void newFormatBadFile(String name, String text, int line, String field, String words) throws Exception {
        ListFormatException e = fails(write(name, text));
        if (line >= 0) {
            assertEquals(line, e.line(), e.getMessage());
        }
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    /** The words of a refused DOCTYPE or entity reference. */
    static final class XmlRefused {
        static final String MESSAGE = "DTDs and external entities are refused";
    }

    @Test
    void invalidUtf8InAnFtmLineNamesTheLine() throws Exception {
        byte[] good = FTM_LINE.getBytes(StandardCharsets.UTF_8);
        byte[] bad = FTM_LINE.replace("Example Person", "Jos\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        ListFormatException e = fails(write("ftm-latin1.json", all));
        assertEquals(2, e.line(), e.getMessage());
        assertEquals("encoding", e.field());
    }

    @Test
    void wrongRootIsUnrecognisedAndTheReadersNameTheRoot() throws Exception {
        ListFormatException e = fails(write("other.xml", "<?xml version=\"1.0\"?>\n<sanctionsList>\n"
                + "<sanctionEntity logicalId=\"1\"/>\n</sanctionsList>\n"));
        assertTrue(e.getMessage().contains("unrecognised list format") && e.getMessage().contains("<sanctionsList>"),
                e.getMessage());
        Path uk = write("uk.xml", UK_HEAD + UK_DESIGNATION + "</Designations>\n");
        ListFormatException eu = assertThrows(ListFormatException.class, () -> EuFsfReader.read(uk));
        assertEquals(2, eu.line(), eu.getMessage());
        assertEquals("Designations", eu.field());
        assertTrue(eu.getMessage().endsWith("root element is not export"), eu.getMessage());
        Path euFile = write("eu.xml", EU_HEAD + EU_ENTITY + "</export>\n");
        ListFormatException ukErr = assertThrows(ListFormatException.class, () -> UkSanctionsListReader.read(euFile));
        assertEquals("export", ukErr.field());
        assertTrue(ukErr.getMessage().endsWith("root element is not Designations"), ukErr.getMessage());
    }

    @Test
    void aFolderWithOneBadFtmFileLoadsNothing() throws Exception {
        write("lists/eu.xml", EU_HEAD + EU_ENTITY + "</export>\n");
        write("lists/uk.xml", UK_HEAD + UK_DESIGNATION + "</Designations>\n");
        write("lists/os.json", FTM_LINE + "[]\n");
        ListFormatException e = assertThrows(ListFormatException.class, () -> ListLoader.load(dir.resolve("lists")));
        assertEquals(dir.resolve("lists/os.json"), e.file());
        assertEquals(2, e.line());
    }
}
