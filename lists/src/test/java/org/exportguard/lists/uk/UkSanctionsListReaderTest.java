package org.exportguard.lists.uk;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListLoader;
import org.exportguard.lists.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UK Sanctions List reader on a hand-written file in the layout of the FCDO's XML. */
class UkSanctionsListReaderTest {
    @TempDir
    Path dir;

    static PartyList sample() throws Exception {
        List<PartyList> lists = ListLoader.load(Samples.path(Samples.UK_SL));
        assertEquals(1, lists.size());
        return lists.get(0);
    }

    @Test
    void readsTheListAsUkSl() throws Exception {
        PartyList l = sample();
        assertEquals("UK-SL", l.id());
        assertEquals("uk-sl-xml", l.format());
        assertEquals(List.of("RUS9001", "GHR9002", "AFG9003", "RUS9004"),
                l.parties().stream().map(ListedParty::sourceId).toList());
        assertEquals(List.of(PartyType.PERSON, PartyType.PERSON, PartyType.ORGANIZATION, PartyType.VESSEL),
                l.parties().stream().map(ListedParty::type).toList());
        assertEquals(List.of(), l.warnings());
    }

    @Test
    void individualWithCyrillicNameVariationAndPassport() throws Exception {
        ListedParty p = sample().parties().get(0);
        assertEquals("Vladimir Vladimirovich PUTIN", p.primaryName(), "Name1 Name2 Name6");
        assertEquals(List.of(Alias.strong("Vladimir Vladimirovitch POUTINE"),
                new Alias("Владимир Владимирович Путин", AliasStrength.STRONG, true)), p.aliases());
        assertEquals(List.of("1952-10-07"), p.datesOfBirth());
        assertEquals(List.of("Leningrad (now St Petersburg), Russia"), p.placesOfBirth());
        assertEquals(List.of("Russia"), p.nationalities());
        assertEquals(List.of("The Russia (Sanctions) (EU Exit) Regulations 2019"), p.programs());
        assertEquals(LocalDate.of(2022, 2, 26), p.listedOn());
        assertEquals("President of the Russian Federation.", p.remarks());
        assertEquals(List.of(new Address("The Kremlin", "Moscow", null, "103132", "Russia", null)), p.addresses());
        assertTrue(p.identifiers().contains(new Identifier("Passport (Russian diplomatic passport)", "900000001",
                null)), p.identifiers().toString());
        assertTrue(p.titles().contains("President"), p.titles().toString());
        assertTrue(p.identifiers().contains(new Identifier("OFSI Group ID", "90001", null)));
    }

    @Test
    void individualWithChineseNameAndPartialDatesOfBirth() throws Exception {
        ListedParty p = sample().parties().get(1);
        assertEquals("Mingguo CHEN", p.primaryName());
        assertEquals(List.of(new Alias("陈明国", AliasStrength.STRONG, true)), p.aliases());
        assertEquals(List.of("1976", "1976-01"), p.datesOfBirth(), "dd/mm/1976 and dd/01/1976");
        assertTrue(p.identifiers().contains(new Identifier("National Identification Number",
                "900000000000000002", null)));
        assertEquals(LocalDate.of(2021, 3, 22), p.listedOn());
    }

    @Test
    void entityWithArabicScriptNameAndWeakAlias() throws Exception {
        ListedParty p = sample().parties().get(2);
        assertEquals("EXAMPLE HAWALA MONEY EXCHANGE", p.primaryName());
        assertEquals(List.of(Alias.strong("Example Hawala"), Alias.weak("EHME"),
                new Alias("صرافی حواله نمونه", AliasStrength.STRONG, true)), p.aliases(),
                "\"ALias\" is an alias whatever its case; Low quality a.k.a is weak");
        assertEquals(List.of(new Address("Shop 12, Money Exchange Market", "Kandahar", "Kandahar Province", null,
                "Afghanistan", null)), p.addresses());
        assertTrue(p.identifiers().contains(new Identifier("Business Registration Number", "AF-900-03", null)));
        assertTrue(p.identifiers().contains(new Identifier("UN Reference Number", "TAe.900", null)));
        assertEquals(List.of(), p.datesOfBirth());
    }

    @Test
    void shipWithImoNumber() throws Exception {
        ListedParty p = sample().parties().get(3);
        assertEquals(PartyType.VESSEL, p.type());
        assertEquals("EXAMPLE STAR", p.primaryName(), "NameType \"Primary name\" in another case");
        assertEquals(List.of(Alias.strong("STAR EXAMPLE")), p.aliases());
        assertEquals(List.of(new Identifier("IMO Number", "9000003", null)), p.identifiers());
    }

    @Test
    void datesOfBirthAreAsPreciseAsTheListSays() {
        assertEquals("1958-03-01", UkSanctionsListReader.dateOfBirth("01/03/1958"));
        assertEquals("1958-03", UkSanctionsListReader.dateOfBirth("dd/03/1958"));
        assertEquals("1945", UkSanctionsListReader.dateOfBirth("dd/mm/1945"));
        assertEquals("1945", UkSanctionsListReader.dateOfBirth("DD/MM/1945"));
        assertEquals("circa 1945", UkSanctionsListReader.dateOfBirth("circa 1945"), "anything else as written");
        assertEquals("31/02/1970", UkSanctionsListReader.dateOfBirth("31/02/1970"), "not a day: as written");
    }

    @Test
    void withoutPrimaryNameTheFirstNameIsPrimaryWithAWarning() throws Exception {
        Path p = dir.resolve("uk.xml");
        Files.writeString(p, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Designations>\n<Designation>"
                + "<UniqueID>CYB9001</UniqueID><Names><Name><Name6>EXAMPLE GROUP</Name6><NameType>Alias</NameType>"
                + "</Name><Name><Name6>EXG</Name6><NameType>Alias</NameType></Name></Names>"
                + "<IndividualEntityShip>Entity</IndividualEntityShip></Designation>\n</Designations>\n",
                StandardCharsets.UTF_8);
        PartyList l = ListLoader.load(p).get(0);
        assertEquals("EXAMPLE GROUP", l.parties().get(0).primaryName());
        assertEquals(List.of(Alias.strong("EXG")), l.parties().get(0).aliases());
        assertEquals(1, l.warnings().size());
        assertTrue(l.warnings().get(0).contains("CYB9001"), l.warnings().toString());
    }

    @Test
    void nonLatinNamesWithoutTheNonLatinNameWrapper() throws Exception {
        Path p = dir.resolve("uk.xml");
        Files.writeString(p, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Designations>\n<Designation>"
                + "<UniqueID>RUS9005</UniqueID><Names><Name><Name1>Ivan</Name1><Name6>PETROV</Name6>"
                + "<NameType>Primary Name</NameType></Name></Names><NonLatinNames>"
                + "<NameNonLatinScript>Иван Петров</NameNonLatinScript><NonLatinScriptLanguage>Russian"
                + "</NonLatinScriptLanguage></NonLatinNames>"
                + "<IndividualEntityShip>Individual</IndividualEntityShip></Designation>\n</Designations>\n",
                StandardCharsets.UTF_8);
        ListedParty party = ListLoader.load(p).get(0).parties().get(0);
        assertEquals(List.of(new Alias("Иван Петров", AliasStrength.STRONG, true)), party.aliases());
    }
}
