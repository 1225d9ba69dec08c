package org.exportguard.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.cli.Main;
import org.exportguard.json.Json;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark jobs in {@code local[2]} against the single-machine CLI batch on the same inputs: every output line
 * must be the same (after sorting by id), on the real shared lists. About a minute: each job starts a Spark session.
 */
class SparkJobsTest {
    @TempDir
    static Path dir;

    static Path names;
    static Path deals;

    @BeforeAll
    static void inputs() throws IOException {
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        names = dir.resolve("names.csv");
        List<String> queries = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(SharedData.dev("ofac-alias-queries.csv"));
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                if (queries.size() < 300) {
                    queries.add(rec.get("query_name"));
                }
            }
        }
        try (Stream<String> s = Files.lines(SharedData.dev("background-company-names-sec-half.txt"))) {
            s.limit(200).forEach(queries::add);
        }
        // quotes inside a cell are doubled in CSV (RFC 4180), a backslash is a letter: both must read as the CLI reads
        queries.add("IHSAN MEDHAT \"SAMMY\" ELASHI");
        queries.add("Acme \\ \"Trading\" Co");
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(names), CSVFormat.DEFAULT)) {
            out.printRecord("id", "name", "type", "country", "dob");
            for (int i = 0; i < queries.size(); i++) {
                out.printRecord("n" + i, queries.get(i), i % 7 == 0 ? "organization" : "", i % 5 == 0 ? "CU" : "", "");
            }
        }
        deals = dir.resolve("deals.jsonl");
        List<String> lines = new ArrayList<>();
        String[] countries = {"CU", "IL", "DE", "RU", "IR", "AE", "IN", "CN"};
        for (int i = 0; i < 160; i++) {
            String party = i % 3 == 0 ? queries.get(i) : "Ordinary Trading Company " + i;
            lines.add(DealJson.usSoftware("d" + i, party, countries[i % countries.length]).json());
        }
        lines.add("{\"id\": \"bad\""); // a bad line is answered in place, as the CLI does
        Files.write(deals, lines);
    }

    @Test
    void screenMatchesTheCliBatchOnListFiles() throws Exception {
        Path lists = SharedData.lists();
        Path cliOut = dir.resolve("cli-screen.jsonl");
        assertEquals(0, cli("screen", "--list", lists.toString(), "--input", names.toString(), "--output",
                cliOut.toString()));
        Path sparkOut = dir.resolve("spark-screen");
        assertEquals(0, spark("screen", "--master", "local[2]", "--lists", lists.toString(), "--input",
                names.toString(), "--output", sparkOut.toString()));
        Map<String, String> want = byKey(Files.readAllLines(cliOut), "id");
        Map<String, String> got = byKey(parts(sparkOut), "id");
        assertEquals(502, want.size()); // 300 aliases, 200 company names, 2 names with quotes
        assertTrue(want.values().stream().anyMatch(l -> Json.readTree(l).path("hits").size() > 0),
                "some names are listed: the comparison must cover hits");
        assertEquals(want, got);
    }

    @Test
    void evaluateMatchesTheCliBatchOnListFiles() throws Exception {
        Path lists = SharedData.lists();
        Path cliOut = dir.resolve("cli-decisions.jsonl");
        assertEquals(Main.EXIT_BAD_LINES, cli("deal", "evaluate", "--list", lists.toString(), "--input",
                deals.toString(), "--output", cliOut.toString()));
        Path sparkOut = dir.resolve("spark-decisions");
        assertEquals(SparkMain.EXIT_BAD_ROWS, spark("evaluate", "--master", "local[2]", "--lists", lists.toString(),
                "--input", deals.toString(), "--output", sparkOut.toString()));
        List<String> want = sorted(Files.readAllLines(cliOut));
        List<String> got = sorted(parts(sparkOut));
        assertEquals(161, want.size());
        assertTrue(want.stream().anyMatch(l -> l.contains("\"BLOCKED\"")), "some deals are blocked");
        assertEquals(want, got);
    }

    @Test
    void screenWithAStoreBundleMatchesTheCliOnTheStore() throws Exception {
        Path data = dir.resolve("store");
        assertEquals(0, cli("lists", "import", SharedData.list("un-consolidated-2026-02-27.xml").toString(),
                "--data-dir", data.toString()));
        assertEquals(0, cli("lists", "import", SharedData.list("ofac-sdn-2021").toString(), "--data-dir",
                data.toString()));
        Path bundle = dir.resolve("lists.zip");
        assertEquals(0, cli("lists", "export", "--output", bundle.toString(), "--data-dir", data.toString()));
        Path cliOut = dir.resolve("cli-store-screen.jsonl");
        assertEquals(0, cli("screen", "--data-dir", data.toString(), "--input", names.toString(), "--output",
                cliOut.toString()));
        Path sparkOut = dir.resolve("spark-bundle-screen");
        assertEquals(0, spark("screen", "--master", "local[2]", "--lists", bundle.toString(), "--input",
                names.toString(), "--output", sparkOut.toString()));
        Map<String, String> want = byKey(Files.readAllLines(cliOut), "id");
        JsonNode lists = Json.readTree(want.get("n0")).path("lists");
        assertEquals(2, lists.size(), "the store's two sources, each with its stored version: " + lists);
        assertEquals(want, byKey(parts(sparkOut), "id"));
    }

    @Test
    void aBadAsOfStopsTheDealJobsBeforeAnySessionAndWritesNothing() {
        for (String job : new String[]{"evaluate", "impact"}) {
            Path out = dir.resolve("bad-as-of-" + job);
            int code = spark(job, "evaluate".equals(job) ? "--lists" : "--lists-before",
                    SharedData.list("un-consolidated-2026-02-27.xml").toString(), "--input", deals.toString(),
                    "--as-of", "2021-13-01", "--output", out.toString());
            assertEquals(SparkMain.EXIT_FAILED, code, job);
            assertFalse(Files.exists(out), job + ": no output for a job that never ran");
        }
    }

    @Test
    void impactFindsExactlyTheDealsAFullReEvaluationFinds() throws Exception {
        // before: UN and the OFAC SDN set; after: UN only (every SDN entry removed)
        Path un = SharedData.list("un-consolidated-2026-02-27.xml");
        Path sdn = SharedData.list("ofac-sdn-2021");
        Path out = dir.resolve("spark-impact");
        assertEquals(SparkMain.EXIT_BAD_ROWS, spark("impact", "--master", "local[2]", "--lists-before", un.toString(),
                sdn.toString(), "--lists-after", un.toString(), "--input", deals.toString(), "--output",
                out.toString()));
        Map<String, String> got = new TreeMap<>();
        for (String l : parts(out)) {
            JsonNode n = Json.readTree(l);
            if (!n.has("error")) {
                got.put(n.path("dealId").asText(), n.path("before").asText() + "->" + n.path("after").asText());
            }
        }
        Path before = dir.resolve("full-before.jsonl");
        Path after = dir.resolve("full-after.jsonl");
        cli("deal", "evaluate", "--list", un.toString(), "--list", sdn.toString(), "--input", deals.toString(),
                "--output", before.toString());
        cli("deal", "evaluate", "--list", un.toString(), "--input", deals.toString(), "--output", after.toString());
        Map<String, String> was = outcomes(before);
        Map<String, String> now = outcomes(after);
        Map<String, String> want = new TreeMap<>();
        was.forEach((id, o) -> {
            if (!o.equals(now.get(id))) {
                want.put(id, o + "->" + now.get(id));
            }
        });
        assertFalse(want.isEmpty(), "removing the SDN list must change some deal");
        assertEquals(want, got);
    }

    private static Map<String, String> outcomes(Path decisions) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String l : Files.readAllLines(decisions)) {
            JsonNode n = Json.readTree(l);
            if (n.has("dealId")) {
                out.put(n.path("dealId").asText(), n.path("outcome").asText());
            }
        }
        return out;
    }

    static int cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), args);
        if (code != 0) {
            System.err.println("cli " + String.join(" ", args) + " -> " + code + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    static int spark(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkMain.run(args, new PrintStream(err, true));
        System.err.println("spark " + args[0] + " -> " + code + ": " + err.toString(StandardCharsets.UTF_8));
        return code;
    }

    /** The lines of a Spark output folder's part files. */
    static List<String> parts(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        return lines;
    }

    static Map<String, String> byKey(List<String> lines, String key) {
        Map<String, String> out = new TreeMap<>();
        for (String l : lines) {
            out.put(Json.readTree(l).path(key).asText(), l);
        }
        return out;
    }

    static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
