package org.exportguard.lists.eu;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListInspector;
import org.exportguard.lists.ListLoader;
import org.exportguard.lists.Samples;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EU FSF reader on a hand-written file in the layout of the Commission's xmlFullSanctionsList_1_1. */
class EuFsfReaderTest {
    static PartyList sample() throws Exception {
        List<PartyList> lists = ListLoader.load(Samples.path(Samples.EU_FSF));
        assertEquals(1, lists.size());
        return lists.get(0);
    }

    @Test
    void readsTheListAsEuFsf() throws Exception {
        PartyList l = sample();
        assertEquals("EU-FSF", l.id());
        assertEquals("eu-fsf-xml", l.format());
        assertEquals(4, l.parties().size());
        assertEquals(List.of(), l.warnings());
        assertEquals(List.of(PartyType.PERSON, PartyType.PERSON, PartyType.ORGANIZATION, PartyType.ORGANIZATION),
                l.parties().stream().map(ListedParty::type).toList());
    }

    @Test
    void personWithCyrillicAndGreekNamesFullDateOfBirthAndPassport() throws Exception {
        ListedParty p = sample().parties().get(0);
        assertEquals("EU.9001.11", p.sourceId());
        assertEquals("EU-FSF", p.source());
        assertEquals("Vladimir Vladimirovich PUTIN", p.primaryName());
        assertEquals(List.of(
                new Alias("Владимир Владимирович ПУТИН", AliasStrength.STRONG, true),
                new Alias("Βλαντιμίρ Βλαντιμίροβιτς ΠΟΥΤΙΝ", AliasStrength.STRONG, true),
                Alias.weak("Vova")), p.aliases());
        assertEquals(List.of("1952-10-07"), p.datesOfBirth());
        assertEquals(List.of("Leningrad (now Saint Petersburg), RUSSIAN FEDERATION"), p.placesOfBirth());
        assertEquals(List.of("RUSSIAN FEDERATION"), p.nationalities());
        assertTrue(p.identifiers().contains(new Identifier("National passport", "100000001", "RUSSIAN FEDERATION")),
                p.identifiers().toString());
        assertTrue(p.titles().contains("President of the Russian Federation"), p.titles().toString());
        assertEquals(List.of("RUS"), p.programs());
        assertEquals(LocalDate.of(2022, 2, 25), p.listedOn(), "designationDate");
        assertEquals("Member of the Security Council of the Russian Federation.", p.remarks());
    }

    @Test
    void personWithArabicNameYearOnlyCircaAndListingRegulation() throws Exception {
        ListedParty p = sample().parties().get(1);
        assertEquals("EU.9002.22", p.sourceId());
        assertEquals("Abdul Rahman", p.primaryName(), "no wholeName: first and last name");
        assertEquals(List.of(new Alias("عبد الرحمن", AliasStrength.STRONG, true), Alias.weak("Abu Omar")),
                p.aliases(), "a remark saying low quality makes the alias weak");
        assertEquals(List.of("circa 1963", "1964-03"), p.datesOfBirth());
        assertEquals(List.of("Kandahar Province, AFGHANISTAN"), p.placesOfBirth(), "UNKNOWN is no place");
        assertEquals(List.of("AFGHANISTAN"), p.nationalities());
        assertEquals(List.of(), p.addresses(), "an address of country UNKNOWN and nothing else is no address");
        assertTrue(p.identifiers().contains(new Identifier("UN Reference Number", "QDi.900", null)));
        assertTrue(p.titles().contains("Mullah"), p.titles().toString());
        assertEquals(List.of("AQD"), p.programs());
        assertEquals(LocalDate.of(2002, 5, 29), p.listedOn(), "the listing regulation's date, not the amendment's");
    }

    @Test
    void enterpriseListedOnlyByAnAmendmentHasNoListingDate() throws Exception {
        ListedParty p = sample().parties().get(2);
        assertEquals(PartyType.ORGANIZATION, p.type());
        assertEquals("Great Eastern Example Front", p.primaryName());
        assertEquals(4, p.aliases().size());
        assertEquals(2, p.aliases().stream().filter(Alias::originalScript).count(), "Bulgarian and Greek");
        assertTrue(p.aliases().contains(Alias.strong("Front du grand exemple oriental")));
        assertNull(p.listedOn(), "an amendment's date is not the listing date");
        assertEquals(List.of(new Address("Example Caddesi 12", "Istanbul", null, "34000", "TÜRKIYE", "TR")),
                p.addresses());
        assertEquals("Founded in the 1970s. Listed as a terrorist group.", p.remarks());
    }

    @Test
    void enterpriseWithRegistrationNumbersAndAddress() throws Exception {
        ListedParty p = sample().parties().get(3);
        assertEquals(List.of(new Alias("ООО «Пример Арктик Шиппинг»", AliasStrength.STRONG, true)), p.aliases());
        assertEquals(List.of(new Address("Portovy proezd 1, PO Box 77", "Murmansk", "Murmansk Oblast", "183038",
                "RUSSIAN FEDERATION", "RU")), p.addresses());
        assertTrue(p.identifiers().contains(new Identifier("Registration Number", "1025100000001",
                "RUSSIAN FEDERATION")));
        assertTrue(p.identifiers().contains(new Identifier("Tax identification number (INN)", "5190000001",
                "RUSSIAN FEDERATION")));
        assertEquals(LocalDate.of(2024, 6, 24), p.listedOn());
    }

    @Test
    void inspection() throws Exception {
        ListInspector.Inspection i = ListInspector.inspect(sample());
        assertEquals(2L, i.byType().get(PartyType.PERSON));
        assertEquals(2L, i.byType().get(PartyType.ORGANIZATION));
        assertEquals(6, i.originalScriptAliases(), "Cyrillic, Greek, Arabic");
        assertEquals(2, i.weakAliases());
        assertEquals(2, i.entriesWithDateOfBirth());
        assertEquals(List.of(), i.problems());
    }
}
