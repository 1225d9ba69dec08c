package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.cli.demo.DemoCommand;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end tests through the REAL list loader ({@code ListLoader.load}): the shipped sample lists and the shared
 * government list files ({@code -Dexportguard.shared.data}). They fail while the loader is a placeholder and pass
 * once the list readers land. Only exact-name hits are asserted.
 */
class RealListsTest {
    @TempDir
    Path dir;

    private Path samples() throws IOException {
        Path d = dir.resolve("samples");
        DemoCommand.copySamples(d);
        return d;
    }

    @Test
    void demoRunsAndExitsZero() {
        Cli.Result r = Cli.run("demo");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("BANCO NACIONAL DE CUBA"), r::toString);
        assertTrue(r.out().contains("306"), r::toString);
        assertTrue(r.out().contains("Northwind Traders Ltd"), r::toString);
    }

    @Test
    void sampleListsLoadAsThreeLists() throws IOException {
        Path s = samples();
        for (String l : DemoCommand.LISTS) {
            Cli.Result r = Cli.run("lists", "inspect", "--json", s.resolve(l).toString());
            assertEquals(0, r.code(), r::toString);
            JsonNode lists = Cli.json(r.out()).get("lists");
            assertEquals(1, lists.size(), r::toString);
        }
        Cli.Result r = Cli.run("lists", "inspect", "--json", s.resolve("ofac-sdn").toString());
        JsonNode l = Cli.json(r.out()).get("lists").get(0);
        assertEquals("OFAC-SDN", l.get("id").asText());
        assertEquals(4, l.get("parties").asInt());
        assertEquals(1, l.get("types").get("person").asInt());
        assertEquals(1, l.get("types").get("vessel").asInt());
        r = Cli.run("lists", "inspect", "--json", s.resolve("un-consolidated.xml").toString());
        l = Cli.json(r.out()).get("lists").get(0);
        assertEquals("UN-SC", l.get("id").asText());
        assertEquals(3, l.get("parties").asInt());
        assertTrue(l.get("aliases").get("originalScript").asInt() >= 3, r::toString);
        assertTrue(l.get("aliases").get("weak").asInt() >= 1, r::toString);
    }

    @Test
    void screenSampleListsExactNames() throws IOException {
        Path s = samples();
        Cli.Result r = Cli.run("screen", "--json", "--list", s.resolve("ofac-sdn").toString(),
                "--list", s.resolve("us-csl.csv").toString(), "--list", s.resolve("un-consolidated.xml").toString(),
                "BANCO NACIONAL DE CUBA", "Candiru", "AL-QAIDA");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertEquals("306", Cli.json(lines.get(0)).get("hits").get(0).get("sourceId").asText());
        assertEquals("US-CSL", Cli.json(lines.get(1)).get("hits").get(0).get("source").asText());
        assertEquals("QDe.004", Cli.json(lines.get(2)).get("hits").get(0).get("sourceId").asText());
    }

    @Test
    void screenSharedOfacSdn() {
        Path sdn = SharedData.list("ofac-sdn-2021");
        Cli.Result r = Cli.run("screen", "--json", "--list", sdn.toString(), "BANCO NACIONAL DE CUBA");
        assertEquals(0, r.code(), r::toString);
        JsonNode hit = Cli.json(r.out().strip()).get("hits").get(0);
        assertEquals("OFAC-SDN", hit.get("source").asText());
        assertEquals("306", hit.get("sourceId").asText());
    }

    @Test
    void batchScreenSharedListsInOrder() throws IOException {
        Path sdn = SharedData.list("ofac-sdn-2021");
        Path un = SharedData.list("un-consolidated-2026-02-27.xml");
        Path in = Files.writeString(dir.resolve("names.csv"),
                "id,name,type\na,BANCO NACIONAL DE CUBA,organization\nb,Northwind Traders Ltd,\nc,AL-QAIDA,\n");
        Path out = dir.resolve("hits.jsonl");
        Cli.Result r = Cli.run("screen", "--list", sdn.toString(), "--list", un.toString(),
                "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertEquals("a", Cli.json(lines.get(0)).get("id").asText());
        assertEquals("306", Cli.json(lines.get(0)).get("hits").get(0).get("sourceId").asText());
        assertEquals("c", Cli.json(lines.get(2)).get("id").asText());
    }

    @Test
    void inspectSharedUnList() {
        Path un = SharedData.list("un-consolidated-2026-02-27.xml");
        Cli.Result r = Cli.run("lists", "inspect", "--json", un.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode l = Cli.json(r.out()).get("lists").get(0);
        assertEquals("UN-SC", l.get("id").asText());
        assertTrue(l.get("types").get("person").asInt() > 700, r::toString);
        assertTrue(l.get("types").get("organization").asInt() > 250, r::toString);
        assertTrue(l.get("aliases").get("originalScript").asInt() > 0, r::toString);
    }

    @Test
    void benchScreenOnSampleLists() throws IOException {
        Path s = samples();
        Path q = Files.writeString(dir.resolve("q.txt"), "BANCO NACIONAL DE CUBA\nNSO Group\nNorthwind Traders\n");
        Cli.Result r = Cli.run("bench", "screen", "--list", s.resolve("us-csl.csv").toString(),
                "--list", s.resolve("ofac-sdn").toString(), "--queries", q.toString(), "--seconds", "0.5");
        assertEquals(0, r.code(), r::toString);
        JsonNode n = Cli.json(r.out());
        assertEquals(9, n.get("parties").asInt(), "5 CSL rows (4 Entity List, 1 Denied Persons List), 4 SDN");
        assertEquals(3, n.get("queries").asInt());
    }
}
