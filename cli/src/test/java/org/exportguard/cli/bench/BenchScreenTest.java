package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.cli.demo.DemoCommand;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.screen.ScreeningIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench screen}: hits counted, and the self-check, which fails on an index that lacks the sampled names. */
class BenchScreenTest {
    @TempDir
    Path dir;

    static PartyList list(String id, String... names) {
        List<ListedParty> ps = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            ps.add(ListedParty.builder(id, id + "-" + i).type(PartyType.ORGANIZATION).primaryName(names[i]).build());
        }
        return new PartyList(id, "test", id + ".list", ps, List.of());
    }

    @Test
    void countsHitsAndChecksTheIndexOnListedNames() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        DemoCommand.copySamples(samples);
        Path q = Files.writeString(dir.resolve("q.txt"), "NSO Group\nNorthwind Traders\nBANCO NACIONAL DE CUBA\n");
        BenchRun r = BenchRun.of("bench", "screen", "--list", samples.resolve("us-csl.csv").toString(),
                "--list", samples.resolve("ofac-sdn").toString(), "--queries", q.toString(), "--seconds", "0.3");
        assertEquals(0, r.code(), r::toString);
        JsonNode o = r.json();
        assertEquals(2, o.get("queries_with_hits").asInt(), r::toString); // not Northwind Traders
        assertTrue(o.get("hits_per_query").asDouble() >= 2 / 3.0 - 0.01, r::toString);
        assertTrue(o.get("throughput_hits_per_query").asDouble() > 0, r::toString);
        JsonNode sc = o.get("self_check");
        assertEquals(o.get("parties").asInt(), sc.get("sampled").asInt(), r::toString); // fewer than 200: all
        assertEquals(sc.get("sampled").asInt(), sc.get("found").asInt(), r::toString);
    }

    @Test
    void theSelfCheckFailsOnAnIndexWithoutTheSampledNames() {
        PartyList sampled = list("A", "Northwind Traders Ltd", "Meridian Falcon Systems", "Ivan Petrov");
        PartyList other = list("B", "Banco Nacional de Cuba", "Atlas Harbor Logistics", "Olga Ivanova");
        double t = NameMatcher.DEFAULT_THRESHOLD;
        assertNull(BenchCommand.Screen.selfCheck(List.of(sampled), ScreeningIndex.build(List.of(sampled, other)), t,
                200, 1).problem());

        BenchCommand.Screen.SelfCheck wrong = BenchCommand.Screen.selfCheck(List.of(sampled),
                ScreeningIndex.build(List.of(other)), t, 200, 1);
        assertEquals(3, wrong.sampled());
        assertEquals(0, wrong.found());
        assertNotNull(wrong.problem());
        assertTrue(wrong.problem().contains("3 of 3 listed names did not find their own entry"), wrong.problem());

        // the same names under other ids are not their own entries
        PartyList renamed = list("C", "Northwind Traders Ltd", "Meridian Falcon Systems", "Ivan Petrov");
        assertEquals(0, BenchCommand.Screen.selfCheck(List.of(sampled), ScreeningIndex.build(List.of(renamed)), t,
                200, 1).found());
        assertNotNull(BenchCommand.Screen.selfCheck(List.of(), ScreeningIndex.build(List.of(other)), t, 200, 1)
                .problem(), "nothing to check with is no pass");
    }
}
