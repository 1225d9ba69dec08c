package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deal evaluate}, {@code policy diff} and {@code bench deals}, in-process, on the shipped pack and sample lists. */
class DealCommandTest {
    @TempDir
    Path dir;

    static String deal(String id, String exporter, String destination, String endUser, String date, String extra) {
        return ("{'id':'" + id + "','date':'" + date + "','exporter':{'name':'Exporter','country':'" + exporter + "'},"
                + "'items':[{'description':'intrusion platform','classification':{'WA':'4.D.4'}}],"
                + "'destination':'" + destination + "','parties':[{'role':'end-user','name':'" + endUser + "',"
                + "'country':'" + destination + "','type':'government'}]" + extra + "}").replace('\'', '"');
    }

    /** The shipped sample lists, given explicitly: {@code deal evaluate} never falls back to them. */
    static final String SAMPLES = Path.of("src/main/resources/sample-lists").toString();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void evaluateShowsATableWithReasons() throws IOException {
        Path f = write("deal.json", deal("d1", "IL", "AE", "Ministry of Interior", "2021-12-01", ""));
        Cli.Result r = Cli.run("deal", "evaluate", "--list", SAMPLES, f.toString());
        assertEquals(0, r.code(), r::toString);
        // issue 15: off the reported list is an individual licence, not a ban
        assertTrue(r.out().startsWith("deal d1 as of 2021-12-01: LICENCE_REQUIRED"), r::toString);
        assertTrue(r.out().contains("IL-DECA-CYBER-OFF-LIST"), r::toString);
        assertTrue(r.out().contains("NOT authoritative"), r::toString);
    }

    @Test
    void asOfOverridesTheDealDateAndJsonIsByteIdenticalOnRerun() throws IOException {
        Path f = write("deal.json", deal("d1", "IL", "IN", "Ministry of Home Affairs", "2021-12-01", ""));
        Cli.Result a = Cli.run("deal", "evaluate", "--list", SAMPLES, f.toString(), "--as-of", "2021-10-01", "--json");
        Cli.Result b = Cli.run("deal", "evaluate", "--list", SAMPLES, f.toString(), "--as-of", "2021-10-01", "--json");
        assertEquals(0, a.code(), a::toString);
        assertEquals(a.out(), b.out());
        JsonNode d = Cli.json(a.out());
        assertEquals("2021-10-01", d.get("asOf").asText());
        assertEquals("LICENCE_REQUIRED", d.get("outcome").asText());
        assertEquals(List.of("dealId", "asOf", "outcome", "policyVersion", "listVersions", "lists", "regimes"),
                Cli.fields(d));
        assertTrue(d.get("listVersions").get("US-CSL").asText().startsWith("sha256:"), a::toString);
    }

    @Test
    void nsoGroupBlockedFromNovember2021WithTheListFinding() throws IOException {
        Path f = write("deal.json", deal("us", "US", "IL", "NSO Group", "2021-12-01", ",'flags':['subject-to-ear']"
                .replace('\'', '"')));
        JsonNode d = Cli.json(Cli.run("deal", "evaluate", "--list", SAMPLES, f.toString(), "--json").out());
        assertEquals("BLOCKED", d.get("outcome").asText());
        JsonNode el = null;
        for (JsonNode r : d.get("regimes")) {
            for (JsonNode x : r.get("findings")) {
                if (x.get("rule").asText().equals("US-EAR-ENTITY-LIST")) {
                    el = x;
                }
            }
        }
        assertTrue(el != null, d::toString);
        assertEquals("sample-el-0001", el.get("sourceId").asText());
        assertEquals(1.0, el.get("score").asDouble());
        assertTrue(el.get("listVersion").asText().startsWith("sha256:"));
    }

    /** Without --list, the lists imported into the store are used (here only the UN list, so no Entity List hit). */
    @Test
    void withoutListTheStoredListsAreUsed() throws IOException {
        Path f = write("deal.json", deal("us", "US", "IL", "NSO Group", "2021-12-01", ",'flags':['subject-to-ear']"
                .replace('\'', '"')));
        Path data = dir.resolve("data");
        Path un = dir.resolve("un.xml");
        try (var in = getClass().getResourceAsStream("/sample-lists/un-consolidated.xml")) {
            Files.copy(in, un);
        }
        assertEquals(0, Cli.run("lists", "import", un.toString(), "--data-dir", data.toString()).code());
        JsonNode d = Cli.json(Cli.run("deal", "evaluate", f.toString(), "--json", "--data-dir", data.toString()).out());
        assertEquals(List.of("UN-SC"), listIds(d.get("listVersions")), d::toString);
        // The Entity List was not imported: not BLOCKED, and the decision says the list was missing.
        assertEquals("REVIEW", d.get("outcome").asText(), d::toString);
        assertTrue(d.toString().contains("the Entity List was not among the loaded lists (UN-SC)"), d::toString);

        // a data directory that does not exist is an error naming it (never the shipped samples), and not created
        Cli.Result none = Cli.run("deal", "evaluate", f.toString(), "--json", "--data-dir",
                dir.resolve("no-store").toString());
        assertEquals(Main.EXIT_STORE, none.code(), none::toString);
        assertTrue(none.err().contains(dir.resolve("no-store").toString()), none::toString);
        assertFalse(Files.exists(dir.resolve("no-store")), "a missing data directory is not created");
    }

    private static List<String> listIds(JsonNode versions) {
        List<String> ids = new java.util.ArrayList<>();
        versions.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    @Test
    void badDealIsOneLineNamingTheField() throws IOException {
        Path f = write("deal.json", deal("d1", "IL", "XX", "Ministry", "2021-12-01", ""));
        Cli.Result r = Cli.run("deal", "evaluate", "--list", SAMPLES, f.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(List.of("exportguard: error: " + f + ": destination: unknown country code 'XX' (expected ISO "
                + "3166-1 alpha-2, e.g. DE)"), r.errLines());
    }

    @Test
    void batchReportsABadLineAndEvaluatesTheOthers() throws IOException {
        Path in = write("deals.jsonl", String.join("\n",
                deal("a", "IL", "AE", "Ministry of Interior", "2021-12-01", ""),
                deal("b", "IL", "IN", "Ministry of Home Affairs", "2021-12-01", ""),
                deal("c", "IL", "IN", "Ministry", "2021-13-01", ""),
                "",
                deal("d", "IL", "MX", "Secretaria de la Defensa", "2021-10-01", "")) + "\n");
        Path out = dir.resolve("decisions.jsonl");
        Cli.Result r = Cli.run("deal", "evaluate", "--list", SAMPLES, "--input", in.toString(), "--output", out.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("exportguard: error: " + in + ":3: date: not a date '2021-13-01'"), r::toString);
        assertTrue(r.err().contains("evaluated 3 deals"), r::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size());
        assertEquals("LICENCE_REQUIRED", Cli.json(lines.get(0)).get("outcome").asText());
        assertEquals("LICENCE_REQUIRED", Cli.json(lines.get(1)).get("outcome").asText());
        assertEquals(3, Cli.json(lines.get(2)).get("line").asInt());
        assertEquals("LICENCE_REQUIRED", Cli.json(lines.get(3)).get("outcome").asText());
    }

    @Test
    void cleanBatchExitsZero() throws IOException {
        Path in = write("deals.jsonl", deal("a", "IL", "AE", "Ministry of Interior", "2021-12-01", "") + "\n");
        Path out = dir.resolve("decisions.jsonl");
        Cli.Result r = Cli.run("deal", "evaluate", "--list", SAMPLES, "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, Files.readAllLines(out).size());
    }

    @Test
    void badPolicyPackNamesFileAndPath() throws IOException {
        Path pack = Files.createDirectory(dir.resolve("pack"));
        Files.writeString(pack.resolve("pack.yaml"), "pack: {id: t, version: '1'}\nschemes: [WA]\n"
                + "groups:\n  G:\n    description: g\n    versions: [{complete: true, members: [DE, XX]}]\n"
                + "    source: s\n    verified: true\n");
        Path f = write("deal.json", deal("d1", "IL", "AE", "Ministry", "2021-12-01", ""));
        Cli.Result r = Cli.run("deal", "evaluate", "--list", SAMPLES, f.toString(), "--policy", pack.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(List.of("exportguard: error: " + pack.resolve("pack.yaml") + ": groups.G.versions[0].members[1]: "
                + "unknown country code 'XX' (expected ISO 3166-1 alpha-2, e.g. DE)"), r.errLines());
    }

    @Test
    void policyDiffShowsTheIsraeliListAppearing() {
        Cli.Result r = Cli.run("policy", "diff", "--from", "2021-10-01", "--to", "2021-12-01", "--json");
        assertEquals(0, r.code(), r::toString);
        JsonNode d = Cli.json(r.out());
        JsonNode g = d.get("groups").get(0);
        assertEquals("IL_DECA_CYBER_REPORTED_37", g.get("group").asText());
        assertEquals(37, g.get("gained").size());
        assertTrue(d.get("impact").get("allDestinations").asBoolean(), "a group's unknowns changed");
        Cli.Result t = Cli.run("policy", "diff", "--from", "2022-01-01", "--to", "2022-06-01");
        assertTrue(t.out().contains("added   US-ACE-GOV-D"), t::toString);
        Cli.Result bad = Cli.run("policy", "diff", "--from", "2022-02-30", "--to", "2022-06-01");
        assertEquals(2, bad.code(), bad::toString);
    }

    @Test
    void benchDealsPrintsOneJsonObject() {
        Cli.Result r = Cli.run("bench", "deals", "--deals", "300", "--counterparties", "200");
        assertEquals(0, r.code(), r::toString);
        JsonNode o = Cli.json(r.out().strip());
        assertEquals(300, o.get("deals").asInt());
        assertTrue(o.get("deals_per_s").asLong() > 0);
        assertFalse(o.get("outcomes").isEmpty());
    }
}
