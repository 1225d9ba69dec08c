package org.exportguard.lists.diff;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff on the real OFAC SDN set, edited the way a new publication would change it. */
class ListDiffTest {
    @TempDir
    Path tmp;

    private static Path sdnSet() {
        String p = System.getProperty("exportguard.shared.data");
        Path set = p == null ? null : Path.of(p, "lists", "ofac-sdn-2021");
        Assumptions.assumeTrue(set != null && Files.isDirectory(set),
                "shared data folder not available; skipping the diff test on the real SDN set");
        return set;
    }

    @Test
    void aListComparedWithItselfHasNoChanges() throws Exception {
        List<PartyList> sdn = ListLoader.load(sdnSet());
        ListDiff d = ListDiff.between(sdn, sdn);
        assertTrue(d.isEmpty());
        assertEquals(sdn.get(0).parties().size(), d.unchanged());
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
