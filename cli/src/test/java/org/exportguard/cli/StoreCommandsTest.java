package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store commands end to end in-process, on a SQLite data directory: output, exit codes, one-line errors. */
class StoreCommandsTest {
    @TempDir
    Path tmp;

    private Path csl(String name, String entity) throws Exception {
        String header = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
                + "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,"
                + "gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,"
                + "citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";
        String row = "x-1,Entity List (EL) - Bureau of Industry and Security,,,," + entity
                + ",,,86 FR 60759,2021-11-04,,,,,,,,,,,,,,,,,,,";
        return Files.writeString(tmp.resolve(name), header + "\n" + row + "\n");
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = tmp.resolve("data").toString();
        all[args.length + 2] = "--actor";
        all[args.length + 3] = "tester";
        return Cli.run(all);
    }

    @Test
    void listsImportStoresOnceAndSaysSoTheSecondTime() throws Exception {
        Path list = csl("el.csv", "NSO Group");
        Cli.Result r = run("lists", "import", list.toString(), "--effective", "2021-11-04");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("imported list version 1: US-CSL, 1 file"), r.out());
        Cli.Result again = run("lists", "import", list.toString());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith("already stored as list version 1"), again.out());

        Cli.Result h = run("lists", "history", "--json");
        assertEquals(0, h.code(), h.toString());
        JsonNode a = Cli.json(h.out()).get("versions");
        assertEquals(1, a.size());
        assertEquals("2021-11-04", a.get(0).get("effectiveDate").asText());
        assertEquals("cli:tester", a.get(0).get("importedBy").asText());
    }

    @Test
    void theSampleFolderIsOneVersionPerSourceAndBadImportsAreRefused() throws Exception {
        Path samples = Path.of("src", "main", "resources", "sample-lists");
        Path sdnOnly = Files.createDirectories(tmp.resolve("sdn-only"));
        Files.copy(samples.resolve("ofac-sdn/sdn.csv"), sdnOnly.resolve("sdn.csv"));
        Cli.Result incomplete = run("lists", "import", sdnOnly.resolve("sdn.csv").toString());
        assertEquals(2, incomplete.code(), incomplete.toString());
        assertTrue(incomplete.err().contains("missing add.csv, alt.csv, sdn_comments.csv"), incomplete.err());
        Cli.Result wrong = run("lists", "import", samples.resolve("un-consolidated.xml").toString(), "--source",
                "US-CSL");
        assertEquals(2, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("holds UN-SC, not US-CSL"), wrong.err());
        assertEquals(2, run("lists", "import", samples.toString(), "--source", "../x").code());

        Cli.Result r = run("lists", "import", samples.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("imported list version")).count(), r.out());
        JsonNode h = Cli.json(run("lists", "history", "--json").out());
        List<String> sources = new java.util.ArrayList<>();
        h.get("versions").forEach(v -> sources.add(v.get("source").asText() + (v.get("inForce").asBoolean()
                ? " in force" : "")));
        assertEquals(List.of("OFAC-SDN in force", "UN-SC in force", "US-CSL in force"), sources);
        assertEquals(3, h.get("events").size());
        String table = run("lists", "history").out();
        assertTrue(table.contains("OFAC-SDN") && table.contains("events"), table);
    }

    @Test
    void aBadListIsOneLineExit2AndNothingIsStored() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "not,a,list\n1,2,3\n");
        Cli.Result r = run("lists", "import", bad.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("exportguard: error: " + bad), r.err());
        assertEquals("no list versions stored", run("lists", "history").out().strip());
        Cli.Result missing = run("lists", "import", tmp.resolve("nope.xml").toString());
        assertEquals(2, missing.code());
    }

    @Test
    void policyImportStoresTheYamlFiles() throws Exception {
        // The shipped default pack, as a folder (the module's sources; tests run in the cli folder).
        Path shipped = Path.of("..", "policy", "src", "main", "resources", "org", "exportguard", "policy", "default-pack");
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        try (var files = Files.list(shipped)) {
            for (Path f : files.toList()) {
                Files.copy(f, pack.resolve(f.getFileName()));
            }
        }
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("policy.yaml"), "name: base\n");
        Cli.Result invalid = run("policy", "import", bad.toString());
        assertEquals(2, invalid.code(), invalid.toString());
        assertTrue(invalid.err().contains("policy.yaml: unknown field 'name'")
                && invalid.err().contains("(nothing imported)"), invalid.err());
        Cli.Result r = run("policy", "import", pack.toString(), "--effective", "2026-03-01");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("imported policy version 1: pack"), r.out());
        assertTrue(run("policy", "history").out().contains("2026-03-01"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result e = run("policy", "import", empty.toString());
        assertEquals(2, e.code(), e.toString());
        assertTrue(e.err().contains("no policy files"), e.err());
    }

    @Test
    void usersAddPrintsTheTokenAsItsLastLineAndErrorsAreOneLine() {
        Cli.Result r = run("users", "add", "alice", "--role", "approver");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.outLines();
        assertTrue(lines.get(lines.size() - 1).matches("eg_[A-Za-z0-9_-]{43}"), r.out());
        Cli.Result dup = run("users", "add", "alice", "--role", "viewer");
        assertEquals(4, dup.code(), dup.toString());
        assertEquals(List.of("exportguard: error: user alice already exists (revoke it first to issue a new token)"),
                dup.errLines());
        assertEquals(2, run("users", "add", "bob", "--role", "boss").code());
        assertTrue(run("users", "list").out().contains("alice  approver"));
        assertEquals(0, run("users", "revoke", "alice").code());
        assertTrue(run("users", "list").out().contains("revoked"));
        assertEquals(4, run("users", "revoke", "nobody").code());
    }

    @Test
    void auditVerifyExits3NamingTheFirstBadRecordAndExportWritesJsonLines() throws Exception {
        run("users", "add", "a1", "--role", "viewer");
        run("users", "add", "a2", "--role", "viewer");
        run("users", "revoke", "a1");
        Cli.Result ok = run("audit", "verify");
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().startsWith("audit chain intact: 3 records"), ok.out());

        Path out = tmp.resolve("audit.jsonl");
        assertEquals(0, run("audit", "export", "--output", out.toString()).code());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertEquals("users.revoke", Cli.json(lines.get(2)).get("action").asText());
        assertEquals("cli:tester", Cli.json(lines.get(2)).get("actor").asText());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/exportguard.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_log SET subject = 'mallory' WHERE seq = 2");
        }
        Cli.Result bad = run("audit", "verify");
        assertEquals(5, bad.code(), bad.toString());
        assertEquals(1, bad.errLines().size(), bad.toString());
        assertTrue(bad.err().startsWith("exportguard: error: audit chain broken at record 2: "), bad.err());
    }

    @Test
    void anUnreachablePostgresIsOneLineNamingTheUrlExit4() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres";
        Cli.Result r = Cli.run("lists", "history", "--db", url);
        assertEquals(4, r.code(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertTrue(r.err().startsWith("exportguard: error: cannot open the store at " + url + ": "), r.err());
    }
}
