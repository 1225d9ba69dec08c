package org.exportguard.lists.diff;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff on the real OFAC SDN set, edited the way a new publication would change it. */
class ListDiffTest {
    @TempDir
    Path tmp;

    private static Path sdnSet() {
        return SharedData.list("ofac-sdn-2021");
    }

    /**
     * Two separately loaded copies of the real SDN set (the second from a copy of its folder whose rows are shuffled,
     * as a re-publication in another order would be): no change, every entry unchanged. Two loads, never one object
     * compared with itself, so equal content has to be found equal field by field.
     */
    @Test
    void twoSeparateLoadsOfTheSameSetHaveNoChangesWhateverTheRowOrder() throws Exception {
        Path set = sdnSet();
        Path shuffled = tmp.resolve("sdn-shuffled");
        Files.createDirectories(shuffled);
        Random rnd = new Random(2021);
        for (String f : new String[] {"sdn.csv", "alt.csv", "add.csv"}) {
            // rows end with CR LF and the file with an end-of-file byte (0x1A); no quoted cell holds a line end
            String text = Files.readString(set.resolve(f), StandardCharsets.UTF_8);
            List<String> rows = new ArrayList<>(List.of(text.split("\r\n", -1)));
            String last = rows.remove(rows.size() - 1);
            Collections.shuffle(rows, rnd);
            Files.writeString(shuffled.resolve(f), String.join("\r\n", rows) + "\r\n" + last,
                    StandardCharsets.UTF_8);
        }
        Files.copy(set.resolve("sdn_comments.csv"), shuffled.resolve("sdn_comments.csv"));

        List<PartyList> first = ListLoader.load(set);
        List<PartyList> second = ListLoader.load(set);
        List<PartyList> reordered = ListLoader.load(shuffled);
        assertNotSame(first.get(0).parties().get(0), second.get(0).parties().get(0), "two loads, two objects");
        int entries = first.get(0).parties().size();
        assertTrue(entries > 8000, "the real set: " + entries);
        for (List<PartyList> other : List.of(second, reordered)) {
            ListDiff d = ListDiff.between(first, other);
            assertTrue(d.isEmpty(), () -> "added " + d.added().size() + ", removed " + d.removed().size()
                    + ", changed " + d.changed().stream().limit(3).toList());
            assertEquals(entries, d.unchanged());
        }
        assertNotEquals(first.get(0).parties().get(0).sourceId(), reordered.get(0).parties().get(0).sourceId(),
                "the shuffled copy really lists its entries in another order");
    }

    /** The same on small files written here, so the diff is checked without the shared data too. */
    @Test
    void smallListsRemovedAddedAndChangedEntriesAreFoundAndACopyIsUnchanged() throws Exception {
        List<CslCsv.Entry> base = List.of(CslCsv.entity("el-1", "NSO Group"),
                CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd."),
                CslCsv.entity("el-3", "Positive Technologies").addresses("Moscow, RU"),
                CslCsv.entity("el-4", "Intellexa S.A."));
        Path before = CslCsv.write(tmp.resolve("before.csv"), base);
        // the same entries in another order, and one entry's aliases in another order: not a change
        Path copy = CslCsv.write(tmp.resolve("copy.csv"), List.of(base.get(3), base.get(2),
                base.get(1).aliases("Taveta Ltd.; Saito Tech Ltd."), base.get(0)));
        Path after = CslCsv.write(tmp.resolve("after.csv"), List.of(base.get(0),
                base.get(1).aliases("Taveta Ltd.; Saito Tech Ltd.; Grindavik Solutions"), // one alias added
                base.get(2).listed("86 FR 60759", "2021-11-04"), // now cites its notice and listing date
                CslCsv.entity("el-5", "Cytrox AD"))); // el-4 gone, el-5 new

        ListDiff same = ListDiff.between(ListLoader.load(before), ListLoader.load(copy));
        assertTrue(same.isEmpty(), same.toString());
        assertEquals(4, same.unchanged());

        ListDiff d = ListDiff.between(ListLoader.load(before), ListLoader.load(after));
        assertEquals(List.of("el-5"), d.added().stream().map(ListedParty::sourceId).toList());
        assertEquals(List.of("el-4"), d.removed().stream().map(ListedParty::sourceId).toList());
        assertEquals(List.of("el-2 [aliases]", "el-3 [identifiers, listedOn, remarks]"), d.changed().stream()
                .map(c -> c.after().sourceId() + " " + c.fields()).sorted().toList(), d.changed().toString());
        assertEquals(1, d.unchanged());
        assertEquals(List.of("el-5", "el-2", "el-3"), d.addedOrChanged().stream().map(ListedParty::sourceId)
                .toList());
        // what impact screens against: also the removed entry and the old forms of the changed ones
        List<ListedParty> touched = d.touched();
        assertEquals(List.of("el-5", "el-2", "el-3", "el-4", "el-2", "el-3"), touched.stream()
                .map(ListedParty::sourceId).toList());
        assertTrue(touched.contains(d.changed().get(0).before()) && touched.contains(d.changed().get(1).before()));

        // the JSON shape the CLI's lists diff and GET /api/lists/diff share
        com.fasterxml.jackson.databind.node.ObjectNode o = org.exportguard.json.Json.object();
        ListDiffJson.write(o, d, p -> org.exportguard.json.Json.object().put("sourceId", p.sourceId()));
        assertEquals("{\"added\":1,\"removed\":1,\"changed\":2,\"unchanged\":1}", o.get("summary").toString());
        assertEquals("el-5", o.get("added").get(0).get("sourceId").asText());
        assertEquals("el-4", o.get("removed").get(0).get("sourceId").asText());
        assertEquals(2, o.get("changed").size());
        assertTrue(o.get("changed").toString().contains("\"fields\":[\"aliases\"]"), o.toString());
    }

    @Test
    void findsAnAddedARemovedAndARenamedEntryAndAnAddedAlias() throws Exception {
        Path set = sdnSet();
        Path edited = tmp.resolve("sdn-edited");
        Files.createDirectories(edited);
        for (String f : new String[]{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}) {
            Files.copy(set.resolve(f), edited.resolve(f));
        }
        List<String> rows = new ArrayList<>(Files.readAllLines(edited.resolve("sdn.csv"), StandardCharsets.UTF_8));
        String removedRow = rows.remove(1);
        String renamedRow = rows.get(1);
        String renamedId = renamedRow.substring(0, renamedRow.indexOf(','));
        rows.set(1, renamedRow.replaceFirst("^(\\d+),\"([^\"]*)\"", "$1,\"$2 RENAMED\""));
        rows.add("99999991,\"NEW EXAMPLE TRADING LLC\",-0- ,\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ");
        Files.write(edited.resolve("sdn.csv"), rows, StandardCharsets.UTF_8);
        String firstAlt = Files.readAllLines(set.resolve("alt.csv"), StandardCharsets.UTF_8).get(0);
        String aliasedId = firstAlt.substring(0, firstAlt.indexOf(','));
        Files.writeString(edited.resolve("alt.csv"),
                aliasedId + ",99999992,\"aka\",\"EXTRA ALIAS FOR TEST\",-0- \n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        ListDiff d = ListDiff.between(ListLoader.load(set), ListLoader.load(edited));

        assertEquals(List.of("99999991"), d.added().stream().map(ListedParty::sourceId).toList());
        assertEquals(List.of(removedRow.substring(0, removedRow.indexOf(','))),
                d.removed().stream().map(ListedParty::sourceId).toList());
        assertEquals(2, d.changed().size(), "the renamed entry and the entry with a new alias: " + d.changed());
        ListDiff.Change renamed = d.changed().stream().filter(c -> c.after().sourceId().equals(renamedId))
                .findFirst().orElseThrow();
        assertEquals(List.of("primaryName"), renamed.fields());
        ListDiff.Change aliased = d.changed().stream().filter(c -> c.after().sourceId().equals(aliasedId))
                .findFirst().orElseThrow();
        assertEquals(List.of("aliases"), aliased.fields());
        assertEquals(3, d.addedOrChanged().size());
    }
}
