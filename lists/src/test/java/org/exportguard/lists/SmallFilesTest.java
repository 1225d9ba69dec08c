package org.exportguard.lists;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written small files (made-up parties) for the paths the real files do not cover. */
class SmallFilesTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static final String JSON_ROW = "{\"id\": \"x\", \"_id\": \"abc123\", \"source\": \"Entity List (EL) - Bureau of Industry and Security\","
            + " \"entity_number\": null, \"type\": \"Entity\", \"programs\": [\"EAR\"], \"name\": \"Example Spyware Ltd.\","
            + " \"addresses\": [{\"address\": \"1 Test Street\", \"city\": \"Herzliya\", \"state\": null,"
            + " \"postal_code\": \"4672222\", \"country\": \"IL\"}], \"federal_register_notice\": \"86 FR 60759\","
            + " \"start_date\": \"2021-11-04\", \"end_date\": null, \"license_requirement\": \"For all items subject to the EAR.\","
            + " \"license_policy\": \"Presumption of denial.\", \"alt_names\": [\"Example Ltd.\", \"ESL\"],"
            + " \"ids\": [{\"type\": \"Tax ID No.\", \"number\": \"123\", \"country\": \"IL\"}],"
            + " \"dates_of_birth\": [], \"nationalities\": [], \"citizenships\": [], \"places_of_birth\": []}";

    @Test
    void cslJsonResultsObject() throws Exception {
        Path p = write("feed.json", "{\"total\": 1, \"sources_used\": [], \"results\": [\n" + JSON_ROW + "\n]}\n");
        PartyList l = ListLoader.load(p).get(0);
        assertEquals("US-CSL", l.id());
        assertEquals("csl-json", l.format());
        ListedParty e = l.parties().get(0);
        assertEquals("abc123", e.sourceId());
        assertEquals(PartyType.ORGANIZATION, e.type());
        assertEquals("Entity List (EL) - Bureau of Industry and Security", e.sourceList());
        assertEquals(List.of(Alias.strong("Example Ltd."), Alias.strong("ESL")), e.aliases());
        assertEquals(new Address("1 Test Street", "Herzliya", null, "4672222", "IL", "IL"), e.addresses().get(0));
        assertTrue(e.identifiers().contains(new Identifier("Tax ID No.", "123", "IL")));
        assertTrue(e.identifiers().contains(new Identifier("Federal Register Notice", "86 FR 60759", "US")));
        assertEquals(LocalDate.of(2021, 11, 4), e.listedOn());
        assertNull(e.listingEnd());
        assertEquals("Presumption of denial.", e.licencePolicy());
        assertEquals(List.of("EAR"), e.programs());
    }

    @Test
    void cslJsonTopLevelArrayWithoutIdsGetsStableDerivedIds() throws Exception {
        String row = JSON_ROW.replace("\"_id\": \"abc123\", ", "");
        PartyList a = ListLoader.load(write("a.json", "[" + row + "]")).get(0);
        PartyList b = ListLoader.load(write("b.json", "[\n\n" + row.replace("\"ESL\"", "\"ESL2\"") + "]")).get(0);
        String id = a.parties().get(0).sourceId();
        assertTrue(id.matches("csl-[0-9a-f]{16}"), id);
        assertEquals(id, b.parties().get(0).sourceId(), "same source|name|start_date, same id");
    }

    @Test
    void cslCsvCurrentHeaderWithId() throws Exception {
        String row = "e1,Entity List (EL) - Bureau of Industry and Security,,,,Example Spyware Ltd.,,"
                + "\"1 Test Street, Herzliya, 4672222, IL; 2 Other Road, Tel Aviv, IL\",86 FR 60759,2021-11-04,,,"
                + "For all items subject to the EAR.,Presumption of denial.,,,,,,,,http://example.org,"
                + "Example Ltd.; ESL,,,,,http://example.org,\"IL, 123, Tax ID No.\"\n";
        PartyList l = ListLoader.load(write("csl.csv", BadFilesTest.CSL_HEADER + row)).get(0);
        assertEquals("csl-csv", l.format());
        ListedParty e = l.parties().get(0);
        assertEquals("e1", e.sourceId());
        assertEquals(PartyType.UNKNOWN, e.type());
        assertEquals(2, e.addresses().size());
        assertEquals("IL", e.addresses().get(1).countryCode());
        assertEquals(List.of(Alias.strong("Example Ltd."), Alias.strong("ESL")), e.aliases());
        assertTrue(e.identifiers().contains(new Identifier("Tax ID No.", "123", "IL")), e.identifiers().toString());
    }

    @Test
    void ofacRemarksAreParsedButKept() throws Exception {
        String remarks = "DOB 01 Jan 1970; alt. DOB 1971; POB Springfield, Examplestan; nationality Examplestan; "
                + "citizen Otherland; Passport A1234567 (Examplestan); National ID No. 998877 (Otherland); "
                + "a.k.a. 'JOHNNY'; a.k.a. 'O'REILLY, Jack'; f.k.a. 'OLD NAME'.";
        write("x/sdn.csv", "5,\"DOE, John\",\"individual\",\"SDGT] [IRGC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\""
                + remarks + "\"\r\n\u001a");
        ListedParty p = ListLoader.load(dir.resolve("x")).get(0).parties().get(0);
        assertEquals(PartyType.PERSON, p.type());
        assertEquals(List.of("SDGT", "IRGC"), p.programs());
        assertEquals(remarks, p.remarks());
        assertEquals(List.of("01 Jan 1970", "1971"), p.datesOfBirth());
        assertEquals(List.of("Springfield, Examplestan"), p.placesOfBirth());
        assertEquals(List.of("Examplestan", "Otherland"), p.nationalities());
        assertTrue(p.identifiers().contains(new Identifier("Passport", "A1234567", "Examplestan")));
        assertTrue(p.identifiers().contains(new Identifier("National ID No.", "998877", "Otherland")));
        assertEquals(List.of(Alias.weak("JOHNNY").withKind(Alias.AKA), Alias.weak("O'REILLY, Jack").withKind(Alias.AKA),
                Alias.weak("OLD NAME").withKind(Alias.FKA)), p.aliases());
    }

    @Test
    void ofacAliasKindsAreKeptAndTitleIsATitleNotAnIdentifier() throws Exception {
        write("y/sdn.csv", "7,\"ROE, Richard\",\"individual\",\"RUSSIA-EO14024\",\"Minister of Defence\",-0- ,-0- ,-0- ,"
                + "-0- ,-0- ,-0- ,-0- \r\n8,\"SEA STAR\",\"vessel\",\"IRAN\",-0- ,\"9HA1234\",\"Tanker\",-0- ,-0- ,"
                + "\"Malta\",-0- ,-0- \r\n");
        write("y/alt.csv", "7,1,\"aka\",\"ROE, Dick\",-0- \r\n7,2,\"fka\",\"DOE, Richard\",-0- \r\n"
                + "7,3,\"nka\",\"ROE-SMITH, Richard\",-0- \r\n");
        List<ListedParty> parties = ListLoader.load(dir.resolve("y")).get(0).parties();
        ListedParty p = parties.get(0);
        assertEquals(List.of("Minister of Defence"), p.titles());
        assertTrue(p.identifiers().isEmpty(), "a title is not an identifier: " + p.identifiers());
        assertEquals(List.of(Alias.strong("ROE, Dick").withKind(Alias.AKA), Alias.strong("DOE, Richard").withKind(Alias.FKA),
                Alias.strong("ROE-SMITH, Richard").withKind(Alias.NKA)), p.aliases());
        ListedParty vessel = parties.get(1);
        assertTrue(vessel.titles().isEmpty());
        assertTrue(vessel.identifiers().contains(new Identifier("Call Sign", "9HA1234", null)), vessel.identifiers().toString());
        assertTrue(vessel.identifiers().contains(new Identifier("Vessel Flag", "Malta", null)));
    }

    @Test
    void detectionIsByContentNotName() throws Exception {
        Path dpl = write("list.csv", BadFilesTest.DPL_HEADER + BadFilesTest.dplRow("JOHN DOE", "06/19/2003"));
        assertEquals(ListFormat.DPL_TSV, FormatDetector.detect(dpl).format());
        Path sdn = write("weird-name.xml", BadFilesTest.SDN_ROW);
        assertEquals(ListFormat.OFAC_CSV, FormatDetector.detect(sdn).format());
        Path un = write("un.txt", "\uFEFF<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST/>\n");
        assertEquals(ListFormat.UN_XML, FormatDetector.detect(un).format());
        Path csl = write("old.txt", "source,entity_number,type,programs,name\n");
        assertEquals(ListFormat.CSL_CSV, FormatDetector.detect(csl).format());
        assertEquals(null, FormatDetector.detect(write("other.json", "{\"a\": 1}")).format());
    }

    @Test
    void inspectorCounts() throws Exception {
        write("x/sdn.csv", "5,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"a.k.a. 'JD'.\"\r\n6,\"ACME\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        write("x/alt.csv", "5,1,\"aka\",\"DOE, Johnny\",-0- \r\n7,2,\"aka\",\"GHOST\",-0- \r\n");
        write("x/add.csv", "6,1,\"1 Road\",\"Town\",\"Cuba\",-0- \r\n");
        PartyList l = ListLoader.load(dir.resolve("x")).get(0);
        ListInspector.Inspection i = ListInspector.inspect(l);
        assertEquals("OFAC-SDN", i.listId());
        assertEquals("ofac-csv", i.format());
        assertEquals(2, i.entries());
        assertEquals(1L, i.byType().get(PartyType.PERSON));
        assertEquals(1L, i.byType().get(PartyType.ORGANIZATION));
        assertEquals(0L, i.byType().get(PartyType.VESSEL));
        assertEquals(2, i.aliases());
        assertEquals(1, i.strongAliases());
        assertEquals(1, i.weakAliases());
        assertEquals(0, i.originalScriptAliases());
        assertEquals(1, i.addresses());
        assertEquals(2L, i.programs().get("SDGT"));
        assertEquals(1, i.problems().size());
        assertTrue(i.problems().get(0).contains("unknown ent_num 7"));
    }

    @Test
    void sdnAndConsSetsInOneFolderAreTwoLists() throws Exception {
        write("o/sdn.csv", BadFilesTest.SDN_ROW);
        write("o/alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n");
        write("o/cons_prim.csv", "9639,\"HANIYA, Ismail\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        write("o/cons_alt.csv", "9639,9150,\"aka\",\"HANIYA, I.\",-0- \r\n");
        List<PartyList> lists = ListLoader.load(dir.resolve("o"));
        assertEquals(List.of("OFAC-CONS", "OFAC-SDN"), lists.stream().map(PartyList::id).sorted().toList());
        for (PartyList l : lists) {
            assertEquals(1, l.parties().size());
            assertEquals(1, l.parties().get(0).aliases().size());
        }
        PartyList viaFile = ListLoader.load(dir.resolve("o/cons_prim.csv")).get(0);
        assertEquals("OFAC-CONS", viaFile.id());
        assertEquals(List.of(Alias.strong("HANIYA, I.").withKind(Alias.AKA)), viaFile.parties().get(0).aliases());
    }

    @Test
    void unAliasesWithSemicolonsAreKeptAndSplit() throws Exception {
        Path p = write("un.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>"
                + "<INDIVIDUAL><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>EXAMPLE</SECOND_NAME>"
                + "<UN_LIST_TYPE>Test</UN_LIST_TYPE><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>"
                + "<LISTED_ON>2010-01-02</LISTED_ON>"
                + "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Jon Example; John Exemple</ALIAS_NAME>"
                + "</INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Johnny</ALIAS_NAME>"
                + "</INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>"
                + "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR>"
                + "<TO_YEAR>1972</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
                + "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>P1</NUMBER>"
                + "<ISSUING_COUNTRY>Examplestan</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>"
                + "</INDIVIDUAL></INDIVIDUALS><ENTITIES><ENTITY><FIRST_NAME>ACME FRONT</FIRST_NAME>"
                + "<REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER><LISTED_ON>2011-02-03</LISTED_ON>"
                + "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ACME</ALIAS_NAME></ENTITY_ALIAS>"
                + "</ENTITY></ENTITIES></CONSOLIDATED_LIST>\n");
        PartyList l = ListLoader.load(p).get(0);
        ListedParty john = l.parties().get(0);
        assertEquals("JOHN EXAMPLE", john.primaryName());
        assertEquals(List.of(Alias.strong("Jon Example; John Exemple"), Alias.strong("Jon Example"),
                Alias.strong("John Exemple"), Alias.weak("Johnny")), john.aliases());
        assertEquals(List.of("1970 to 1972"), john.datesOfBirth());
        assertEquals(List.of(new Identifier("Passport", "P1", "Examplestan")), john.identifiers());
        assertEquals(List.of("Test"), john.programs());
        ListedParty acme = l.parties().get(1);
        assertEquals(PartyType.ORGANIZATION, acme.type());
        assertEquals("XXe.001", acme.sourceId());
        assertEquals(List.of(Alias.strong("ACME")), acme.aliases());
        assertEquals(LocalDate.of(2011, 2, 3), acme.listedOn());
    }

    @Test
    void newFormatsAreDetectedByContentNotName() throws Exception {
        Path eu = write("eu.csv", Files.readString(Samples.path(Samples.EU_FSF)));
        assertEquals(ListFormat.EU_FSF_XML, FormatDetector.detect(eu).format());
        Path euNoNamespace = write("eu2.txt", "\uFEFF<?xml version=\"1.0\"?>\n<!-- generated -->\n<export>"
                + "<sanctionEntity logicalId=\"1\"/></export>\n");
        assertEquals(ListFormat.EU_FSF_XML, FormatDetector.detect(euNoNamespace).format());
        Path uk = write("UK_Sanctions_List.json", Files.readString(Samples.path(Samples.UK_SL)));
        assertEquals(ListFormat.UK_SL_XML, FormatDetector.detect(uk).format());
        Path ftm = write("entities.xml", Files.readString(Samples.path(Samples.FTM)));
        assertEquals(ListFormat.FTM_JSON, FormatDetector.detect(ftm).format());
        Path nested = write("targets.csv", Files.readString(Samples.path(Samples.FTM_NESTED)));
        assertEquals(ListFormat.FTM_JSON, FormatDetector.detect(nested).format());
        // an export root that is not the EU's, an object that is not an entity: not recognised
        assertEquals(null, FormatDetector.detect(write("other.xml", "<?xml version=\"1.0\"?>\n<export><row/></export>\n"))
                .format());
        assertEquals(null, FormatDetector.detect(write("other2.json", "{\"id\": \"a\", \"schema\": \"Person\"}\n"))
                .format());
        // a CSL feed stays CSL
        assertEquals(ListFormat.CSL_JSON, FormatDetector.detect(write("csl.json", "{\"total\": 0, \"results\": []}"))
                .format());
    }

    @Test
    void anFtmFirstLineLongerThanTheSniffWindowIsStillAnEntity() throws Exception {
        String names = "\"" + "A".repeat(1000) + "\",";
        String line = "{\"id\":\"a\",\"caption\":\"Example\",\"schema\":\"Company\",\"properties\":{\"alias\":["
                + names.repeat(100) + "\"B\"],\"name\":[\"Example\"]},\"datasets\":[\"x\"]}\n";
        Path p = write("big.json", line);
        assertTrue(Files.size(p) > 64 * 1024);
        assertEquals(ListFormat.FTM_JSON, FormatDetector.detect(p).format());
        assertEquals("OS-X", ListLoader.load(p).get(0).id());
    }

    @Test
    void aFolderOfEveryNewFormat() throws Exception {
        Files.createDirectories(dir.resolve("all"));
        for (String s : List.of(Samples.EU_FSF, Samples.UK_SL, Samples.FTM, Samples.FTM_NESTED)) {
            Files.copy(Samples.path(s), dir.resolve("all").resolve(s));
        }
        LoadReport r = ListLoader.loadReport(dir.resolve("all"));
        assertEquals(List.of(), r.skipped());
        assertEquals(List.of("EU-FSF", "OS-EU_FSF", "OS-GB_FCDO_SANCTIONS", "OS-UN_SC_SANCTIONS", "UK-SL"),
                r.lists().stream().map(PartyList::id).sorted().toList());
        for (PartyList l : r.lists()) {
            ListInspector.Inspection i = ListInspector.inspect(l);
            assertTrue(i.entries() > 0, l.id());
            assertTrue(i.problems().stream().noneMatch(x -> x.contains("empty primary name")), l.id());
        }
    }
}
