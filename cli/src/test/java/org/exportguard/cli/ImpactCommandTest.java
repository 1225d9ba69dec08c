package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change impact end to end from the CLI on a fresh data directory (issue 4): deals stored and decided, then a list
 * version holding the Entity List entries of 4 November 2021 re-decides exactly the deals it touches.
 */
class ImpactCommandTest {
    @TempDir
    Path tmp;

    private static final String[][] OTHERS = {{"Siemens Logistics GmbH", "DE"}, {"Orion Networks SAS", "FR"},
            {"Kyoto Data Systems KK", "JP"}, {"Harbor Analytics Ltd", "GB"}, {"Maple Secure Inc.", "CA"},
            {"Southern Cross Telecom Pty Ltd", "AU"}, {"Bangalore Cyber Labs Pvt Ltd", "IN"},
            {"Delta Water Engineering BV", "NL"}, {"Nordic Grid Software AB", "SE"}, {"Sao Paulo Payments SA", "BR"}};

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = tmp.resolve("data").toString();
        all[args.length + 2] = "--actor";
        all[args.length + 3] = "tester";
        return Cli.run(all);
    }

    private Cli.Result ok(String... args) {
        Cli.Result r = run(args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    /** A US exporter's EAR99 software to one end user, shipping in 2027 (an open deal). */
    static String usDeal(String id, String endUser, String country) {
        return DealJson.usSoftware(id, endUser, country).json();
    }

    private Path deals() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(usDeal("d-nso", "NSO Group", "IL"));
        lines.add(usDeal("d-saito", "Saito Tech Ltd.", "IL"));
        for (int i = 0; i < OTHERS.length; i++) {
            lines.add(usDeal(String.format("d-other-%02d", i + 1), OTHERS[i][0], OTHERS[i][1]));
        }
        return Files.write(tmp.resolve("deals.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private Path sample(String name) throws IOException {
        Path p = tmp.resolve(name);
        if (Files.exists(p)) {
            return p;
        }
        try (InputStream in = getClass().getResourceAsStream("/sample-lists/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private Map<String, String> outcomes() {
        Map<String, String> m = new TreeMap<>();
        for (String id : List.of("d-nso", "d-saito")) {
            m.put(id, Cli.json(ok("deals", "show", id, "--json").out()).get("outcome").asText());
        }
        for (int i = 1; i <= OTHERS.length; i++) {
            String id = String.format("d-other-%02d", i);
            m.put(id, Cli.json(ok("deals", "show", id, "--json").out()).get("outcome").asText());
        }
        return m;
    }

    /**
     * The Done-when line: UN list, then the Entity List as it stood before (the 2019 CSL sample), deals added, then
     * the CSL version with the four 2021-11-04 entries: exactly NSO and Saito change, to BLOCKED, incrementally.
     */
    @Test
    void aListVersionWithTheNovember2021EntriesBlocksExactlyTheDealsItNames() throws IOException {
        Path cslBefore = SharedData.list("us-csl-sample-2019.csv"); // the earlier version of the Entity List
        // The next version: the same list plus the four rows of FR Doc 2021-24123 (the shipped sample's rows,
        // without the _id column the 2019 file does not have).
        List<String> added = Files.readAllLines(sample("us-csl.csv"), StandardCharsets.UTF_8);
        List<String> after = new ArrayList<>(Files.readAllLines(cslBefore, StandardCharsets.UTF_8));
        // (The sample's Denied Persons row is left out: the 2019 file holds it already.)
        added.subList(1, added.size()).stream().filter(row -> row.startsWith("sample-el-"))
                .forEach(row -> after.add(row.substring(row.indexOf(',') + 1)));
        Path cslAfter = Files.write(tmp.resolve("us-csl-2021-11-04.csv"), after, StandardCharsets.UTF_8);

        ok("lists", "import", sample("un-consolidated.xml").toString());
        ok("lists", "import", cslBefore.toString());
        Cli.Result add = ok("deals", "add", "--input", deals().toString());
        assertTrue(add.out().contains("added 12 deals"), add.out());
        Map<String, String> before = outcomes();
        assertEquals(12, before.values().stream().filter("CLEARED"::equals).count(), before.toString());

        Cli.Result imp = ok("lists", "import", cslAfter.toString());
        assertTrue(imp.out().contains("impact: re-decided 2 open deals, 2 changed outcome"), imp.out());

        JsonNode r = Cli.json(ok("impact", "--json").out());
        assertTrue(r.get("incremental").asBoolean(), r.toString());
        assertEquals("list", r.at("/change/kind").asText());
        assertEquals("US-CSL", r.at("/change/source").asText());
        assertEquals(4, r.at("/change/added").asInt());
        assertEquals(0, r.at("/change/removed").asInt());
        assertEquals("only the 4 added, changed or removed entries", r.at("/screening/against").asText());
        assertEquals(12, r.at("/screening/openDeals").asInt());
        assertEquals(2, r.get("reevaluated").asInt(), "only the deals with a hit are re-decided");
        Map<String, String> changed = new TreeMap<>();
        for (JsonNode c : r.get("changed")) {
            changed.put(c.get("dealId").asText(), c.get("before").asText() + "->" + c.get("after").asText());
            assertTrue(c.get("reasons").get(0).asText().startsWith("US-EAR-ENTITY-LIST"), c.toString());
        }
        assertEquals(Map.of("d-nso", "CLEARED->BLOCKED", "d-saito", "CLEARED->BLOCKED"), changed);

        Map<String, String> now = outcomes();
        for (int i = 1; i <= OTHERS.length; i++) {
            String id = String.format("d-other-%02d", i);
            assertEquals(before.get(id), now.get(id), id + " must be unchanged");
            assertEquals(1, Cli.json(ok("deals", "show", id, "--json").out()).get("decisions").size(),
                    id + " was not re-decided");
        }
        JsonNode nso = Cli.json(ok("deals", "show", "d-nso", "--json").out());
        assertEquals(2, nso.get("decisions").size());
        assertEquals("list US-CSL version 3", nso.at("/decisions/1/reason").asText());
        ok("audit", "verify");
    }

    /**
     * With only the UN list stored, no deal could be checked against the Entity List (REVIEW). The first CSL
     * version both blocks NSO and Saito and lets the others through, and the report says why.
     */
    @Test
    void theFirstVersionOfAListAlsoLiftsTheReviewItsAbsenceCaused() throws IOException {
        ok("lists", "import", sample("un-consolidated.xml").toString());
        ok("lists", "import", Path.of("src/main/resources/sample-lists/ofac-sdn").toString()); // US-EAR needs SDN
        ok("deals", "add", "--input", deals().toString());
        assertEquals("REVIEW", outcomes().get("d-other-01"));
        ok("lists", "import", sample("us-csl.csv").toString());
        JsonNode r = Cli.json(ok("impact", "--json").out());
        assertEquals("US-CSL", r.at("/change/listsNowLoaded/0").asText());
        assertEquals(12, r.get("reevaluated").asInt());
        Map<String, String> changed = new TreeMap<>();
        r.get("changed").forEach(c -> changed.put(c.get("dealId").asText(), c.get("after").asText()));
        assertEquals("BLOCKED", changed.get("d-nso"));
        assertEquals("BLOCKED", changed.get("d-saito"));
        assertEquals("CLEARED", changed.get("d-other-07"));
        assertEquals(12, changed.size());
    }

    /**
     * A folder of three sources is one import with one report per source: {@code impact} shows them all (the last,
     * then the others of the same import under {@code sameImport}), not only the last.
     */
    @Test
    void aMultiSourceImportShowsEveryReportOfTheImport() throws IOException {
        ok("users", "add", "alice", "--role", "analyst"); // creating a store is explicit
        ok("deals", "add", "--input", deals().toString());
        Path folder = Files.createDirectories(tmp.resolve("all"));
        Files.copy(sample("un-consolidated.xml"), folder.resolve("un-consolidated.xml"));
        Files.copy(sample("us-csl.csv"), folder.resolve("us-csl.csv"));
        Path sdn = Files.createDirectories(folder.resolve("ofac-sdn"));
        try (var files = Files.list(Path.of("src/main/resources/sample-lists/ofac-sdn"))) {
            for (Path f : files.toList()) {
                Files.copy(f, sdn.resolve(f.getFileName()));
            }
        }
        ok("lists", "import", folder.toString());
        JsonNode r = Cli.json(ok("impact", "--json").out());
        List<String> sources = new java.util.ArrayList<>();
        sources.add(r.at("/change/source").asText());
        r.get("sameImport").forEach(o -> sources.add(o.at("/change/source").asText()));
        assertEquals(3, sources.size(), r::toString);
        assertEquals(java.util.Set.of("OFAC-SDN", "UN-SC", "US-CSL"), new java.util.TreeSet<>(sources));
        r.get("sameImport").forEach(o -> assertTrue(o.get("report").asLong() < r.get("report").asLong()));
        String text = ok("impact").out();
        for (String s : sources) {
            assertTrue(text.contains("change: list " + s + " version "), text);
        }
        assertTrue(text.contains("(the same import, source 3 of 3: report "), text);

        // a later import of one source is a change of its own: only its report
        Path csl2 = org.exportguard.testkit.CslCsv.write(tmp.resolve("csl2.csv"),
                org.exportguard.testkit.CslCsv.entity("el-x", "Omega Widgets Ltd"));
        ok("lists", "import", csl2.toString(), "--allow-shrink");
        JsonNode one = Cli.json(ok("impact", "--json").out());
        assertEquals("US-CSL", one.at("/change/source").asText(), one::toString);
        assertEquals(0, one.get("sameImport").size(), one::toString);
    }

    @Test
    void importingTheSameListAgainChangesNothing() throws IOException {
        ok("lists", "import", sample("us-csl.csv").toString());
        ok("deals", "add", "--input", deals().toString());
        Cli.Result again = ok("lists", "import", sample("us-csl.csv").toString());
        assertTrue(again.out().contains("impact: nothing changed"), again.out());
    }

    @Test
    void badDealsStoreNothingAndNameTheLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.jsonl"), usDeal("a", "X", "DE") + "\n\n"
                + usDeal("b", "Y", "DE").replace("\"destination\":\"DE\"", "\"destination\":\"Germany\"") + "\n");
        Cli.Result r = run("deals", "add", "--input", f.toString());
        assertEquals(Main.EXIT_STORE, r.code(), "deals add creates no store: " + r);
        ok("users", "add", "alice", "--role", "analyst"); // creating a store is explicit
        r = run("deals", "add", "--input", f.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("exportguard: error: " + f + ":3: "), r.err());
        assertTrue(r.err().contains("destination"), r.err());
        assertTrue(r.err().contains("nothing stored"), r.err());
        Cli.Result show = run("deals", "show", "a");
        assertEquals(2, show.code(), show.toString());

        ok("deals", "add", "--input", deals().toString());
        Cli.Result dup = run("deals", "add", "--input", deals().toString());
        assertEquals(2, dup.code(), dup.toString());
        assertTrue(dup.err().contains("already exists"), dup.err());
    }

    @Test
    void updateAndCloseKeepTheHistory() throws IOException {
        ok("lists", "import", sample("us-csl.csv").toString());
        ok("deals", "add", "--input", deals().toString());
        Path changed = Files.writeString(tmp.resolve("d.json"), usDeal("d-other-01", "NSO Group", "IL"));
        Cli.Result u = ok("deals", "update", "d-other-01", changed.toString());
        assertTrue(u.out().contains("BLOCKED"), u.out());
        ok("deals", "close", "d-other-01");
        JsonNode d = Cli.json(ok("deals", "show", "d-other-01", "--json").out());
        assertEquals("closed", d.get("status").asText());
        assertEquals(2, d.get("decisions").size());
        assertEquals("deal updated", d.at("/decisions/1/reason").asText());
        Cli.Result again = run("deals", "close", "d-other-01");
        assertEquals(2, again.code(), again.toString());
        assertFalse(again.err().contains("Exception"), again.err());
    }
}
