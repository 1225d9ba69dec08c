package org.exportguard.lists;

import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the real list files and checks counts and known entries.
 *
 * <p>Counts are what the files hold, checked independently (Python's csv module gives the same): alt.csv has
 * 11,910 alias rows and add.csv 13,837 address rows, cons_prim.csv 442 entries and cons_alt.csv 1,073 aliases - one
 * more each than the shared data README says (11,909 / 13,836 / 441 / 1,072). No row is an orphan or a header, so
 * the README figures look off by one.
 */
class RealListsTest {

    static PartyList one(Path p) throws Exception {
        List<PartyList> lists = ListLoader.load(p);
        assertEquals(1, lists.size(), "lists in " + p);
        return lists.get(0);
    }

    static Map<String, ListedParty> byId(PartyList l) {
        return l.parties().stream().collect(Collectors.toMap(ListedParty::sourceId, Function.identity()));
    }

    static long aliases(PartyList l, AliasStrength s) {
        return l.parties().stream().flatMap(p -> p.aliases().stream()).filter(a -> a.strength() == s).count();
    }

    @Test
    void ofacSdn2021() throws Exception {
        PartyList l = one(SharedData.list("ofac-sdn-2021"));
        assertEquals("OFAC-SDN", l.id());
        assertEquals("ofac-csv", l.format());
        assertEquals(8976, l.parties().size());
        assertEquals(13837, l.parties().stream().mapToLong(p -> p.addresses().size()).sum());
        assertEquals(11910, aliases(l, AliasStrength.STRONG), "alt.csv aliases are the strong ones");
        assertEquals(List.of(), l.warnings());
        Map<String, ListedParty> byId = byId(l);
        ListedParty bnc = byId.get("306");
        assertEquals("BANCO NACIONAL DE CUBA", bnc.primaryName());
        assertEquals(PartyType.ORGANIZATION, bnc.type());
        assertEquals(List.of("CUBA"), bnc.programs());
        assertTrue(bnc.aliases().contains(Alias.weak("BNC").withKind(Alias.AKA)), bnc.aliases().toString());
        assertTrue(bnc.aliases().contains(Alias.strong("NATIONAL BANK OF CUBA").withKind(Alias.AKA)));
        assertEquals("a.k.a. 'BNC'.", bnc.remarks());
        assertEquals(4, bnc.addresses().size());
        // remarks continued in sdn_comments.csv
        ListedParty cont = byId.get("28264");
        assertTrue(cont.remarks().endsWith("Linked To: LAZARUS GROUP."), cont.remarks());
        assertTrue(cont.aliases().contains(Alias.weak("khaleesi").withKind(Alias.AKA)), cont.aliases().toString());
        ListedParty zawahiri = byId.get("2676");
        assertEquals(PartyType.PERSON, zawahiri.type());
        assertEquals(List.of("19 Jun 1951"), zawahiri.datesOfBirth());
        assertEquals(List.of("Giza, Egypt"), zawahiri.placesOfBirth());
        assertTrue(zawahiri.identifiers().contains(
                new org.exportguard.core.model.Identifier("Passport", "1084010", "Egypt")));
        assertTrue(zawahiri.identifiers().contains(
                new org.exportguard.core.model.Identifier("Passport", "19820215", null)));
        assertEquals(List.of("SDGT", "SYRIA"), byId.get("2686").programs());
        assertEquals(4, byId.get("2686").datesOfBirth().size());
        long people = l.parties().stream().filter(p -> p.type() == PartyType.PERSON).count();
        assertTrue(people > 3000, "people: " + people);
        assertTrue(l.parties().stream().anyMatch(p -> p.programs().size() > 1));
    }

    @Test
    void loadingSdnCsvLoadsItsWholeSet() throws Exception {
        PartyList l = one(SharedData.list("ofac-sdn-2021/sdn.csv"));
        assertEquals(8976, l.parties().size());
        assertEquals(11910, aliases(l, AliasStrength.STRONG));
    }

    @Test
    void ofacCons2025() throws Exception {
        PartyList l = one(SharedData.list("ofac-cons-2025"));
        assertEquals("OFAC-CONS", l.id());
        assertEquals(442, l.parties().size());
        assertEquals(1073, aliases(l, AliasStrength.STRONG));
    }

    @Test
    void unConsolidated() throws Exception {
        PartyList l = one(SharedData.list("un-consolidated-2026-02-27.xml"));
        assertEquals("UN-SC", l.id());
        assertEquals("un-xml", l.format());
        assertEquals(730, l.parties().stream().filter(p -> p.type() == PartyType.PERSON).count());
        assertEquals(273, l.parties().stream().filter(p -> p.type() == PartyType.ORGANIZATION).count());
        ListedParty frank = byId(l).get("CDi.002");
        assertEquals("FRANK KAKOLELE BWAMBALE", frank.primaryName());
        assertTrue(frank.aliases().contains(Alias.strong("AIGLE BLANC")));
        assertEquals(List.of("DRC"), frank.programs());
        assertEquals(LocalDate.of(2005, 11, 1), frank.listedOn());
        assertTrue(frank.remarks().startsWith("Left the CNDP in January 2008."));
        ListedParty saddam = byId(l).get("IQi.001");
        assertTrue(saddam.aliases().contains(Alias.originalScript("صدام حسين التكريتي")), saddam.aliases().toString());
        assertEquals(List.of("1937-04-28"), saddam.datesOfBirth());
        assertEquals(List.of("Iraq"), saddam.nationalities());
        assertEquals("QUSAY SADDAM HUSSEIN AL-TIKRITI", byId(l).get("IQi.002").primaryName());
        assertTrue(l.parties().stream().flatMap(p -> p.aliases().stream())
                .anyMatch(a -> a.originalScript() && a.name().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)),
                "an Arabic original-script name");
        assertTrue(aliases(l, AliasStrength.WEAK) >= 615);
    }

    @Test
    void blsDeniedPersons() throws Exception {
        PartyList l = one(SharedData.list("bis-dpl-2022-09.txt"));
        assertEquals("BIS-DPL", l.id());
        assertEquals("dpl-tsv", l.format());
        assertEquals(581, l.parties().size());
        assertEquals(581, l.parties().stream().map(ListedParty::sourceId).distinct().count());
        ListedParty first = l.parties().get(0);
        assertEquals("I. ASH", first.primaryName());
        assertEquals(LocalDate.of(2003, 6, 19), first.listedOn());
        assertEquals(LocalDate.of(2056, 6, 29), first.listingEnd());
        assertTrue(first.sourceId().startsWith("dpl-"));
        assertEquals(first.sourceId(), one(SharedData.list("bis-dpl-2022-09.txt")).parties().get(0)
                .sourceId(), "ids are stable");
    }

    @Test
    void cslSample2019() throws Exception {
        PartyList l = one(SharedData.list("us-csl-sample-2019.csv"));
        assertEquals("US-CSL", l.id());
        assertEquals("csl-csv", l.format());
        assertEquals(115, l.parties().size());
        assertEquals(115, l.parties().stream().map(ListedParty::sourceId).distinct().count());
        ListedParty el = l.parties().stream().filter(p -> p.primaryName().equals("32 Group China Ltd."))
                .findFirst().orElseThrow();
        assertEquals("Entity List (EL) - Bureau of Industry and Security", el.sourceList());
        assertEquals(PartyType.UNKNOWN, el.type());
        assertEquals(LocalDate.of(2015, 11, 12), el.listedOn());
        assertEquals("Presumption of denial.", el.licencePolicy());
        assertNotNull(el.licenceRequirement());
        assertEquals(2, el.addresses().size());
        assertEquals("HK", el.addresses().get(0).countryCode());
        assertTrue(el.remarks().contains("80 FR 69852"));
        ListedParty sdn = l.parties().stream().filter(p -> p.sourceId().equals("8124")).findFirst().orElseThrow();
        assertEquals(PartyType.ORGANIZATION, sdn.type());
        assertEquals(List.of(Alias.strong("CARIBE SOL"), Alias.strong("HAVANTUR CANADA INC.")), sdn.aliases());
    }

    @Test
    void inspectionOfEveryRealList() throws Exception {
        for (PartyList l : ListLoader.load(SharedData.lists())) {
            ListInspector.Inspection i = ListInspector.inspect(l);
            System.out.printf("%s %s entries=%d types=%s aliases=%d strong=%d weak=%d script=%d addresses=%d"
                            + " identifiers=%d withDob=%d programs=%d problems=%d%n", i.listId(), i.format(),
                    i.entries(), i.byType(), i.aliases(), i.strongAliases(), i.weakAliases(),
                    i.originalScriptAliases(), i.addresses(), i.identifiers(), i.entriesWithDateOfBirth(),
                    i.programs().size(), i.problems().size());
            assertEquals(l.parties().size(), i.entries());
            if (l.id().equals("UN-SC")) {
                assertEquals(730L, i.byType().get(PartyType.PERSON));
                assertEquals(273L, i.byType().get(PartyType.ORGANIZATION));
                assertTrue(i.originalScriptAliases() >= 377, "original script: " + i.originalScriptAliases());
            }
            if (l.id().equals("OFAC-SDN")) {
                assertEquals(13837, i.addresses());
            }
        }
    }

    @Test
    void wholeFolder() throws Exception {
        LoadReport r = ListLoader.loadReport(SharedData.lists());
        assertEquals(List.of("BIS-DPL", "OFAC-CONS", "OFAC-SDN", "UN-SC", "US-CSL"),
                r.lists().stream().map(PartyList::id).sorted().collect(Collectors.toList()));
        assertEquals(List.of(), r.skipped());
    }
}
