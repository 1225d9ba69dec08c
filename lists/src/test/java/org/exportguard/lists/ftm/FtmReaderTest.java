package org.exportguard.lists.ftm;

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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FollowTheMoney reader on hand-written files in the layout of OpenSanctions' exports. */
class FtmReaderTest {
    @TempDir
    Path dir;

    static Map<String, PartyList> byId(List<PartyList> lists) {
        return lists.stream().collect(Collectors.toMap(PartyList::id, Function.identity()));
    }

    static ListedParty party(PartyList l, String id) {
        return l.parties().stream().filter(p -> p.sourceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void oneListPerDataset() throws Exception {
        List<PartyList> lists = ListLoader.load(Samples.path(Samples.FTM));
        assertEquals(List.of("OS-EU_FSF", "OS-GB_FCDO_SANCTIONS"), lists.stream().map(PartyList::id).toList());
        Map<String, PartyList> l = byId(lists);
        assertEquals(List.of("os-ex-abdul", "os-ex-plane", "os-ex-putin", "os-ex-vessel"),
                l.get("OS-EU_FSF").parties().stream().map(ListedParty::sourceId).toList());
        assertEquals(List.of("os-ex-chen-co", "os-ex-putin"),
                l.get("OS-GB_FCDO_SANCTIONS").parties().stream().map(ListedParty::sourceId).toList());
        lists.forEach(x -> assertEquals("ftm-json", x.format()));
        assertEquals("OS-EU_FSF", party(l.get("OS-EU_FSF"), "os-ex-putin").source());
    }

    @Test
    void skippedEntitiesAreCountedInWarnings() throws Exception {
        PartyList first = ListLoader.load(Samples.path(Samples.FTM)).get(0);
        assertEquals(List.of("skipped 1 Ownership entity (not a listed party)",
                "skipped 1 entity marked \"target\": false (Person 1): in the file as relatives of listed parties,"
                        + " not listed themselves"), first.warnings());
    }

    @Test
    void typesFollowTheSchema() throws Exception {
        PartyList eu = byId(ListLoader.load(Samples.path(Samples.FTM))).get("OS-EU_FSF");
        assertEquals(PartyType.PERSON, party(eu, "os-ex-putin").type());
        assertEquals(PartyType.VESSEL, party(eu, "os-ex-vessel").type());
        assertEquals(PartyType.AIRCRAFT, party(eu, "os-ex-plane").type());
        PartyList gb = byId(ListLoader.load(Samples.path(Samples.FTM))).get("OS-GB_FCDO_SANCTIONS");
        assertEquals(PartyType.ORGANIZATION, party(gb, "os-ex-chen-co").type());
    }

    @Test
    void aPartyInTwoDatasetsTakesEachDatasetsSanction() throws Exception {
        Map<String, PartyList> l = byId(ListLoader.load(Samples.path(Samples.FTM)));
        ListedParty eu = party(l.get("OS-EU_FSF"), "os-ex-putin");
        ListedParty gb = party(l.get("OS-GB_FCDO_SANCTIONS"), "os-ex-putin");
        assertEquals("Vladimir Vladimirovich PUTIN", eu.primaryName(), "the caption");
        assertEquals(List.of(new Alias("Владимир Владимирович ПУТИН", AliasStrength.STRONG, true),
                Alias.strong("Vladimir Vladimirovitch POUTINE"), Alias.weak("Vova")), eu.aliases());
        assertEquals(List.of("RUS"), eu.programs());
        assertEquals(LocalDate.of(2022, 2, 25), eu.listedOn(), "the EU sanction's startDate");
        assertTrue(eu.identifiers().contains(new Identifier("Authority ID", "EU.9001.11", null)));
        assertEquals(List.of("The Russia (Sanctions) (EU Exit) Regulations 2019"), gb.programs());
        assertEquals(LocalDate.of(2022, 2, 26), gb.listedOn(), "the UK sanction's listingDate before its startDate");
        assertTrue(gb.identifiers().contains(new Identifier("Authority ID", "RUS9001", null)));
        assertTrue(gb.identifiers().contains(new Identifier("Diplomatic passport", "900000001", "RU")),
                gb.identifiers().toString());
        for (ListedParty p : List.of(eu, gb)) {
            assertEquals(List.of("1952-10-07"), p.datesOfBirth());
            assertEquals(List.of("Leningrad"), p.placesOfBirth());
            assertEquals(List.of("RU"), p.nationalities());
            assertEquals(List.of(new Address("The Kremlin", "Moscow", null, "103132", "RU", "RU")), p.addresses(),
                    "the Address entity");
        }
    }

    @Test
    void arabicNameYearOnlyDatesAndCreatedAt() throws Exception {
        ListedParty p = party(byId(ListLoader.load(Samples.path(Samples.FTM))).get("OS-EU_FSF"), "os-ex-abdul");
        assertEquals("Abdul Rahman", p.primaryName());
        assertEquals(List.of(new Alias("عبد الرحمن", AliasStrength.STRONG, true), Alias.weak("Abu Omar")),
                p.aliases());
        assertEquals(List.of("1963", "1964-03"), p.datesOfBirth());
        assertEquals(List.of(new Identifier("ID Number", "900-000-004", null)), p.identifiers());
        assertEquals(List.of("sanction"), p.programs(), "no program: the topics");
        assertEquals(LocalDate.of(2002, 5, 29), p.listedOn(), "no sanction: createdAt");
    }

    @Test
    void companyWithChineseNameCountryAndNotes() throws Exception {
        ListedParty p = party(byId(ListLoader.load(Samples.path(Samples.FTM))).get("OS-GB_FCDO_SANCTIONS"),
                "os-ex-chen-co");
        assertEquals(List.of(new Alias("新疆示例建设有限公司", AliasStrength.STRONG, true)), p.aliases());
        assertEquals(List.of(new Address("Urumqi, Xinjiang, China", null, null, null, null, null),
                new Address(null, null, null, null, "CN", "CN")), p.addresses());
        assertEquals(List.of(new Identifier("Registration Number", "91650000000000000X", null)), p.identifiers());
        assertEquals("Economic organisation in Xinjiang.", p.remarks());
        assertEquals(LocalDate.of(2021, 3, 22), p.listedOn());
    }

    @Test
    void vesselAndAirplane() throws Exception {
        PartyList eu = byId(ListLoader.load(Samples.path(Samples.FTM))).get("OS-EU_FSF");
        ListedParty v = party(eu, "os-ex-vessel");
        assertEquals(List.of(Alias.strong("STAR EXAMPLE")), v.aliases(), "previousName");
        assertEquals(List.of(new Identifier("IMO Number", "IMO9000003", null)), v.identifiers());
        assertNull(v.listedOn(), "createdAt 2025 is a year, not a date");
        ListedParty a = party(eu, "os-ex-plane");
        assertEquals(List.of(new Identifier("Registration Number", "RA-00001", null),
                new Identifier("Serial Number", "90001", null)), a.identifiers());
    }

    @Test
    void nestedFormResolvesSanctionsAddressesAndDocuments() throws Exception {
        List<PartyList> lists = ListLoader.load(Samples.path(Samples.FTM_NESTED));
        assertEquals(1, lists.size());
        PartyList l = lists.get(0);
        assertEquals("OS-UN_SC_SANCTIONS", l.id());
        assertEquals(List.of(), l.warnings());
        ListedParty p = party(l, "os-ex-nested-1");
        assertEquals(List.of(new Alias("مثال أحمد", AliasStrength.STRONG, true)), p.aliases());
        assertEquals(List.of("Iraq"), p.programs());
        assertEquals(LocalDate.of(2004, 4, 7), p.listedOn());
        assertEquals(List.of(new Address("Baghdad, Iraq", "Baghdad", null, null, "IQ", "IQ")), p.addresses());
        assertTrue(p.identifiers().contains(new Identifier("National ID", "N900001", "IQ")));
        assertTrue(p.identifiers().contains(new Identifier("UN Reference Number", "IQi.900", null)));
        ListedParty o = party(l, "os-ex-nested-2");
        assertEquals(PartyType.ORGANIZATION, o.type());
        assertEquals(List.of("DPRK"), o.programs());
        assertEquals(LocalDate.of(2009, 4, 24), o.listedOn());
        assertEquals(2, l.parties().size(), "the company nested in an ownership is not a listed party");
    }

    @Test
    void entitiesWithoutDatasetsAreOneList() throws Exception {
        Path p = dir.resolve("plain.json");
        Files.writeString(p, "{\"id\": \"a\", \"schema\": \"Company\", \"properties\": {\"name\": [\"ACME\"]}}\n\n"
                + "{\"id\": \"b\", \"schema\": \"LegalEntity\", \"properties\": {\"name\": [\"Example Holding\"],"
                + " \"country\": [\"de\"]}}\n", StandardCharsets.UTF_8);
        List<PartyList> lists = ListLoader.load(p);
        assertEquals(1, lists.size());
        assertEquals("OS-FTM", lists.get(0).id());
        assertEquals(2, lists.get(0).parties().size());
    }
}
