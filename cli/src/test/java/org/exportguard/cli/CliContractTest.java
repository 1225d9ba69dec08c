package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.lists.ListFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end tests of the CLI contract, in-process, on an in-memory list (independent of the list readers and of
 * how fuzzy the engine is: only exact-name hits are asserted).
 */
class CliContractTest {
    @TempDir
    Path dir;
    Path list;

    @BeforeEach
    void setUp() throws IOException {
        list = Files.writeString(dir.resolve("fake.list"), "in-memory list, see Cli.fakeList()");
    }

    private Cli.Result run(String... args) {
        return Cli.run(Cli.fake(), args);
    }

    @Test
    void noArgumentsIsAUsageError() {
        Cli.Result r = run();
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("Usage: exportguard"), r::toString);
    }

    @Test
    void helpExitsZero() {
        Cli.Result r = run("--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("screen") && r.out().contains("demo"), r::toString);
    }

    @Test
    void badOptionValueIsAUsageError() {
        Cli.Result r = run("screen", "--list", list.toString(), "--threshold", "1.5", "x");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--threshold") && r.err().contains("Usage:"), r::toString);
        r = run("screen", "--list", list.toString(), "--type", "robot", "x");
        assertEquals(2, r.code(), r::toString);
        r = run("screen", "x");
        assertEquals(2, r.code(), r::toString);
    }

    @Test
    void screenShowsExactHitAsTable() {
        Cli.Result r = run("screen", "--list", list.toString(), "BANCO NACIONAL DE CUBA", "Northwind Traders");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("OFAC-SDN") && r.out().contains("306"), r::toString);
        assertTrue(r.out().contains("Northwind Traders  (0 hits"), r::toString);
    }

    @Test
    void screenJsonHasTheBatchShape() {
        Cli.Result r = run("screen", "--list", list.toString(), "--json", "--limit", "3",
                "BANCO NACIONAL DE CUBA", "NSO Group");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r::toString);
        JsonNode first = Cli.json(lines.get(0));
        assertEquals(List.of("id", "query", "hits", "lists"), Cli.fields(first));
        assertEquals("BANCO NACIONAL DE CUBA", first.get("query").asText());
        JsonNode hit = first.get("hits").get(0);
        assertEquals(List.of("source", "sourceId", "type", "name", "matchedName", "score", "explanation", "entry"),
                Cli.fields(hit)); // entry: the listed entry's details (issue 14); evidence only when a query gives some
        assertEquals("306", hit.get("sourceId").asText());
        assertEquals("organization", hit.get("type").asText());
        assertEquals("sample-el-0001", Cli.json(lines.get(1)).get("hits").get(0).get("sourceId").asText());
        assertTrue(first.get("hits").size() <= 3);
    }

    @Test
    void batchScreenKeepsInputOrderAndShape() throws IOException {
        Path in = dir.resolve("names.csv");
        Path out = dir.resolve("hits.jsonl");
        StringBuilder csv = new StringBuilder("id,name,type,country,dob\n");
        int rows = 1500; // several batches, so the parallel workers really run out of order
        for (int i = 0; i < rows; i++) {
            String name = switch (i % 3) {
                case 0 -> "BANCO NACIONAL DE CUBA";
                case 1 -> "\"Northwind Traders, Inc.\"";
                default -> "HERMANN";
            };
            String type = i % 3 == 2 ? "vessel" : "";
            csv.append("r").append(i).append(',').append(name).append(',').append(type).append(",CU,\n");
        }
        Files.writeString(in, csv);
        Cli.Result r = run("screen", "--list", list.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("1500 rows") && r.err().contains("1000 with hits")
                && r.err().contains("names/s"), r::toString);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(rows, lines.size());
        for (int i = 0; i < rows; i++) {
            JsonNode n = Cli.json(lines.get(i));
            assertEquals(List.of("id", "query", "hits", "lists"), Cli.fields(n));
            assertEquals("r" + i, n.get("id").asText(), "order at line " + (i + 1));
            if (i % 3 == 1) {
                assertEquals("Northwind Traders, Inc.", n.get("query").asText());
                assertEquals(0, n.get("hits").size(), lines.get(i));
            } else {
                JsonNode hit = n.get("hits").get(0);
                assertEquals(i % 3 == 0 ? "306" : "4234", hit.get("sourceId").asText());
                double score = hit.get("score").asDouble();
                assertEquals(Math.round(score * 10000) / 10000.0, score);
                assertTrue(hit.get("explanation").isTextual());
            }
        }
        assertNoTempFiles();
    }

    /** A bad input file: exit 2, one line naming file and line, and no output file at all. */
    private void assertBadInput(String content, String expectLine, String expectText) throws IOException {
        assertBadInput(content.getBytes(StandardCharsets.UTF_8), expectLine, expectText);
    }

    private void assertBadInput(byte[] content, String expectLine, String expectText) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.write(in, content);
        Path out = dir.resolve("hits.jsonl");
        Files.deleteIfExists(out);
        Cli.Result r = run("screen", "--list", list.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("exportguard: error: " + in + ":" + expectLine + ": "), line);
        assertTrue(line.contains(expectText), line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(Files.exists(out), "no output file after bad input");
        assertNoTempFiles();
    }

    @Test
    void missingNameHeader() throws IOException {
        assertBadInput("id,nam\n1,x\n", "1", "field 'name'");
    }

    @Test
    void wrongColumnCount() throws IOException {
        assertBadInput("id,name\n1,BANCO NACIONAL DE CUBA\n2,x,extra\n", "3", "expected 2 fields");
    }

    @Test
    void wrongColumnCountLateInABigFile() throws IOException {
        StringBuilder sb = new StringBuilder("id,name\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(i).append(",BANCO NACIONAL DE CUBA\n");
        }
        sb.append("x\n");
        assertBadInput(sb.toString(), "2002", "expected 2 fields");
    }

    @Test
    void invalidUtf8() throws IOException {
        byte[] head = "id,name\n1,ok\n2,ok\n3,caf".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        assertBadInput(all, "4", "invalid UTF-8");
    }

    @Test
    void emptyFile() throws IOException {
        assertBadInput("", "1", "empty file");
    }

    @Test
    void overLongLine() throws IOException {
        assertBadInput("id,name\n1,ok\n2," + "A".repeat(1_100_000) + "\n", "3", "line longer than");
    }

    @Test
    void unknownType() throws IOException {
        assertBadInput("id,name,type\n1,ok,person\n2,ok,robot\n", "3", "field 'type': unknown type 'robot'");
    }

    @Test
    void failedRunLeavesExistingOutputUntouched() throws IOException {
        Path in = Files.writeString(dir.resolve("bad.csv"), "id,name\n1,x,y\n");
        Path out = Files.writeString(dir.resolve("hits.jsonl"), "previous\n");
        Cli.Result r = run("screen", "--list", list.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals("previous\n", Files.readString(out));
    }

    @Test
    void missingInputFile() {
        Cli.Result r = run("screen", "--list", list.toString(), "--input", dir.resolve("nope.csv").toString(),
                "--output", dir.resolve("o.jsonl").toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("exportguard: error: ") && r.err().contains("nope.csv"), r::toString);
    }

    @Test
    void aNameOverTheLimitsIsAClearErrorNotAStackTrace() throws IOException {
        String huge = "A".repeat(70_000);
        Cli.Result r = run("screen", "--list", list.toString(), huge);
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("name too long: 70,000 characters (at most 1000)"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        r = run("match", "NSO Group", "w ".repeat(101));
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("too many words: 101 (at most 100)"), r::toString);
        // in a batch: the file, line and field, and no output
        assertBadInput("id,name\n1,NSO Group\n2," + "x".repeat(1001) + "\n", "3", "name too long");
    }

    @Test
    void matchTwoNames() {
        Cli.Result r = run("match", "NSO Group", "nso group");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("score") && r.out().contains("match"), r::toString);
        r = run("match", "--json", "--type", "organization", "NSO Group", "nso group");
        assertEquals(0, r.code(), r::toString);
        JsonNode n = Cli.json(r.out().strip());
        assertTrue(n.get("match").asBoolean());
        assertEquals(1.0, n.get("score").asDouble());
        assertTrue(n.has("explanation") && n.has("details"));
    }

    @Test
    void matchPairs() throws IOException {
        Path in = Files.writeString(dir.resolve("pairs.csv"),
                "id,name1,name2,type\np1,NSO Group,nso group,organization\np2,Candiru,Northwind Traders,\n"
                        + "p3,HERMANN,Hermann,vessel\n");
        Path out = dir.resolve("scores.jsonl");
        Cli.Result r = run("match", "--pairs", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            JsonNode n = Cli.json(l);
            assertEquals(List.of("id", "score", "match"), Cli.fields(n));
            ids.add(n.get("id").asText());
        }
        assertEquals(List.of("p1", "p2", "p3"), ids);
        assertTrue(Cli.json(lines.get(0)).get("match").asBoolean());
        assertFalse(Cli.json(lines.get(1)).get("match").asBoolean());
        assertTrue(r.err().contains("3 rows"), r::toString);
    }

    @Test
    void matchPairsBadInput() throws IOException {
        Path in = Files.writeString(dir.resolve("pairs.csv"), "id,name1\np1,x\n");
        Path out = dir.resolve("scores.jsonl");
        Cli.Result r = run("match", "--pairs", in.toString(), "--output", out.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("exportguard: error: " + in + ":1: field 'name2'"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void listsInspectCounts() {
        Cli.Result r = run("lists", "inspect", "--json", list.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode l = Cli.json(r.out()).get("lists").get(0);
        assertEquals("FAKE", l.get("id").asText());
        assertEquals("fake", l.get("format").asText());
        assertEquals(5, l.get("parties").asInt());
        assertEquals(3, l.get("types").get("organization").asInt());
        assertEquals(1, l.get("types").get("person").asInt());
        assertEquals(1, l.get("types").get("vessel").asInt());
        assertEquals(5, l.get("aliases").get("total").asInt());
        assertEquals(1, l.get("aliases").get("weak").asInt());
        assertEquals(1, l.get("aliases").get("originalScript").asInt());
        assertEquals(3, l.get("addresses").asInt());
        assertEquals(1, l.get("problems").size());
        r = run("lists", "inspect", list.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("aliases      5 (strong 4, weak 1, original script 1)"), r::toString);
    }

    @Test
    void listsDiffNamesAddedRemovedAndChangedEntries() throws IOException {
        List<String> rows;
        try (var in = getClass().getResourceAsStream("/sample-lists/us-csl.csv")) {
            rows = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        Path newer = Files.write(dir.resolve("new.csv"), rows, StandardCharsets.UTF_8);
        List<String> old = new ArrayList<>(rows);
        old.remove(1); // NSO Group is new in the newer version
        old.set(1, old.get(1).replace("Saito Tech Ltd.; ", "")); // and Candiru gained an alias
        old.add("sample-el-9999,Entity List (EL) - Bureau of Industry and Security,,,,Gone Trading Co,"
                + ",,,2020-01-01,,,,,,,,,,,,,,,,,,,");
        Path older = Files.write(dir.resolve("old.csv"), old, StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("lists", "diff", "--json", older.toString(), newer.toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode d = Cli.json(r.out());
        assertEquals("sample-el-0001", d.get("added").get(0).get("sourceId").asText(), r::toString);
        assertEquals("NSO Group", d.get("added").get(0).get("name").asText());
        assertEquals("sample-el-9999", d.get("removed").get(0).get("sourceId").asText());
        assertEquals("sample-el-0002", d.get("changed").get(0).get("sourceId").asText());
        assertEquals("aliases", d.get("changed").get(0).get("fields").get(0).asText());
        assertEquals(1, d.get("summary").get("added").asInt());
        assertEquals(rows.size() - 3, d.get("summary").get("unchanged").asInt());
        assertEquals(64, d.get("new").get("sha256").asText().length());

        r = Cli.run("lists", "diff", older.toString(), newer.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("1 added, 1 removed, 1 changed"), r::toString);
        assertTrue(r.out().contains("+ US-CSL sample-el-0001  NSO Group (unknown)"), r::toString);
    }

    @Test
    void benchScreenPrintsOneJsonObject() throws IOException {
        Path q = Files.writeString(dir.resolve("names.txt"), "BANCO NACIONAL DE CUBA\nNSO Group\n\nNorthwind\n");
        Cli.Result r = run("bench", "screen", "--list", list.toString(), "--queries", q.toString(),
                "--seconds", "0.3");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, r.outLines().size(), r::toString);
        JsonNode n = Cli.json(r.out());
        for (String k : List.of("p50_us", "p99_us", "cpu_us_per_query", "names_per_s", "build_ms", "heap_mb", "queries",
                "parties", "threads", "java")) {
            assertTrue(n.has(k), "missing " + k + " in " + r.out());
        }
        assertEquals(3, n.get("queries").asInt());
        assertEquals(5, n.get("parties").asInt());
        assertTrue(n.get("p99_us").asDouble() >= n.get("p50_us").asDouble());
        assertTrue(n.get("names_per_s").asLong() > 0);
        assertTrue(n.get("cpu_us_per_query").asDouble() > 0, r::toString);
    }

    @Test
    void listProblemIsOneLineExitTwo() {
        Cli.Result r = Cli.run(p -> {
            throw new ListFormatException(p.resolve("sdn.csv"), 12, "ent_num", "expected a whole number, got \"x\"");
        }, "screen", "--list", list.toString(), "x");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("sdn.csv:12: field 'ent_num': expected a whole number"), r::toString);
    }

    @Test
    void internalErrorIsOneLineExitOne() {
        Cli.Result r = Cli.run(p -> {
            throw new IllegalStateException("boom");
        }, "screen", "--list", list.toString(), "x");
        assertEquals(1, r.code(), r::toString);
        assertEquals(List.of("exportguard: internal error: IllegalStateException: boom"), r.errLines());
        assertFalse(r.err().contains("\tat "));
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> parts = s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
            assertTrue(parts.isEmpty(), "temp files left: " + parts);
        }
    }
}
