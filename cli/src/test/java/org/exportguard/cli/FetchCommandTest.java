package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.ListPublisher;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lists fetch} in-process against a local publisher ({@link ListPublisher}) into a SQLite data directory:
 * one line per source, exit 3 when any failed, the fetch status in {@code lists history}, source selection, the
 * sources file checked; and {@code serve --refresh}'s options refused before anything starts.
 */
class FetchCommandTest {
    @TempDir
    Path tmp;
    ListPublisher publisher;

    @BeforeEach
    void start() {
        publisher = ListPublisher.start();
        publisher.put("/un/consolidated.xml", SharedData.list("un-consolidated-2026-02-27.xml"));
        publisher.put("/csl/consolidated.csv", CslCsv.text(CslCsv.entity("el-1", "NSO Group"),
                CslCsv.entity("el-2", "Candiru")));
    }

    @AfterEach
    void stop() {
        publisher.close();
    }

    private Path sources(String extra) throws Exception {
        return Files.writeString(tmp.resolve("sources.yaml"), "sources:\n"
                + "  UN-SC:\n    format: un-xml\n    timeoutSeconds: 30\n    urls: [" + publisher.uri("/un/consolidated.xml")
                + "]\n"
                + "  US-CSL:\n    format: csl-csv\n    timeoutSeconds: 30\n    urls: [" + publisher.uri("/csl/consolidated.csv")
                + "]\n" + extra);
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
    void fetchesEverySourceOnceThenFindsThemUnchangedAndHistoryShowsIt() throws Exception {
        String file = sources("").toString();
        Cli.Result r = run("lists", "fetch", "--sources", file);
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("UN-SC: fetched: list version 1 imported (1003 entries, sha256 "), r::toString);
        assertTrue(lines.get(1).startsWith("US-CSL: fetched: list version 2 imported (2 entries, sha256 "), r::toString);
        assertTrue(lines.get(1).contains("; impact: "), r::toString);

        Cli.Result again = run("lists", "fetch", "--sources", file);
        assertEquals(0, again.code(), again::toString);
        assertEquals(List.of("UN-SC: unchanged: not modified since the last fetch (HTTP 304): list version 1 confirmed "
                + "current", "US-CSL: unchanged: not modified since the last fetch (HTTP 304): list version 2 "
                + "confirmed current"), again.outLines());

        Cli.Result h = run("lists", "history");
        assertEquals(0, h.code(), h::toString);
        assertTrue(h.out().contains("fetch status (lists fetch, serve --refresh"), h::toString);
        assertTrue(h.outLines().stream().anyMatch(l -> l.startsWith("UN-SC ") && l.contains(" ok ")
                && l.contains(" unchanged ")), h::toString);
        JsonNode json = Cli.json(run("lists", "history", "--json").out()).get("versions");
        assertEquals(2, json.size());
        assertEquals("ok", json.get(0).get("fetch").get("status").asText());
        assertEquals(1, json.get(0).get("fetch").get("confirmedVersion").asInt());
        assertEquals("US-CSL", json.get(1).get("fetch").get("source").asText());
    }

    @Test
    void aFailedSourceIsExit3TheOthersAreFetchedAndHistoryShowsWhy() throws Exception {
        publisher.mode("/un/consolidated.xml", ListPublisher.Mode.ERROR_500);
        Cli.Result r = run("lists", "fetch", "--sources", sources("").toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals("UN-SC: failed: HTTP 500 from " + publisher.uri("/un/consolidated.xml") + "; no version of UN-SC "
                + "is stored yet (1 failure)", r.outLines().get(0));
        assertTrue(r.outLines().get(1).startsWith("US-CSL: fetched: list version 1 imported"), r::toString);
        Cli.Result h = run("lists", "history");
        assertTrue(h.outLines().stream().anyMatch(l -> l.startsWith("UN-SC ") && l.contains(" failing ")
                && l.contains(" never ") && l.contains("HTTP 500 from")), h::toString);
        Cli.Result json = run("lists", "history", "--json");
        assertEquals(1, Cli.json(json.out()).get("versions").size(), "no UN-SC version, so no row for it");
    }

    @Test
    void sourcesAreChosenByNameAndAnUnknownNameIsAUsageError() throws Exception {
        String file = sources("  OS-CH_SECO_SANCTIONS:\n    format: ftm-json\n    enabled: false\n    timeoutSeconds: 30\n"
                + "    urls: [" + publisher.uri("/os/entities.ftm.json") + "]\n").toString();
        Cli.Result r = run("lists", "fetch", "--sources", file, "--source", "US-CSL");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, r.outLines().size(), r::toString);
        assertTrue(r.out().startsWith("US-CSL: fetched"), r::toString);

        Cli.Result disabled = run("lists", "fetch", "--sources", file, "--source", "OS-CH_SECO_SANCTIONS");
        assertEquals(3, disabled.code(), disabled::toString);
        assertTrue(disabled.out().startsWith("OS-CH_SECO_SANCTIONS: failed: HTTP 404 from "), disabled::toString);

        Cli.Result unknown = run("lists", "fetch", "--sources", file, "--source", "EU-FSF");
        assertEquals(2, unknown.code(), unknown::toString);
        assertTrue(unknown.err().startsWith("Invalid value for option '--source': EU-FSF is not in " + file
                + " (it has UN-SC, US-CSL, OS-CH_SECO_SANCTIONS)"), unknown::toString);
    }

    @Test
    void aBadSourcesFileIsOneLineNamingTheFileAndTheKey() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), "sources:\n  UN-SC:\n    format: un-xml\n"
                + "    maxAge: 3\n    urls: [http://127.0.0.1:1/un.xml]\n");
        Cli.Result r = run("lists", "fetch", "--sources", file.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals("exportguard: error: " + file + ": sources.UN-SC.maxAge: unknown key (allowed: enabled, format, "
                + "maxAgeDays, maxMiB, timeoutSeconds, urls)", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("data")), "nothing opened");
    }

    @Test
    void aShrunkListNeedsAllowShrink() throws Exception {
        String file = sources("").toString();
        assertEquals(0, run("lists", "fetch", "--sources", file, "--source", "UN-SC").code());
        String un = Files.readString(SharedData.list("un-consolidated-2026-02-27.xml"));
        int at = 0;
        for (int i = 0; i < 10; i++) {
            at = un.indexOf("</INDIVIDUAL>", at) + "</INDIVIDUAL>".length();
        }
        publisher.put("/un/consolidated.xml", un.substring(0, at)
                + "\n  </INDIVIDUALS>\n  <ENTITIES>\n  </ENTITIES>\n</CONSOLIDATED_LIST>\n");
        Cli.Result refused = run("lists", "fetch", "--sources", file, "--source", "UN-SC");
        assertEquals(3, refused.code(), refused::toString);
        assertTrue(refused.out().startsWith("UN-SC: failed: refused: UN-SC: 10 entries where the version in force (1) has 1003"),
                refused::toString);
        Cli.Result stillRefused = run("lists", "fetch", "--sources", file, "--source", "UN-SC", "--max-shrink", "98");
        assertEquals(3, stillRefused.code(), stillRefused::toString);
        assertTrue(stillRefused.out().contains("99% fewer, more than the 98% an import may drop"), stillRefused::toString);
        Cli.Result allowed = run("lists", "fetch", "--sources", file, "--source", "UN-SC", "--max-shrink", "99.5");
        assertEquals(0, allowed.code(), allowed::toString);
        assertTrue(allowed.out().startsWith("UN-SC: fetched: list version 2 imported (10 entries"), allowed::toString);
    }

    @Test
    void listsImportTakesMaxShrinkValidated() throws Exception {
        Path four = CslCsv.write(tmp.resolve("four.csv"), List.of(CslCsv.entity("e-1", "Alpha Widgets"),
                CslCsv.entity("e-2", "Beta Widgets"), CslCsv.entity("e-3", "Gamma Widgets"),
                CslCsv.entity("e-4", "Delta Widgets")));
        Path two = CslCsv.write(tmp.resolve("two.csv"), List.of(CslCsv.entity("e-1", "Alpha Widgets"),
                CslCsv.entity("e-2", "Beta Widgets")));
        assertEquals(0, run("lists", "import", four.toString()).code());
        Cli.Result refused = run("lists", "import", two.toString(), "--max-shrink", "25");
        assertEquals(2, refused.code(), refused::toString);
        assertTrue(refused.err().contains("US-CSL: 2 entries where the version in force (1) has 4: 50% fewer, more "
                + "than the 25% an import may drop; if the publisher really removed them, import with --allow-shrink "
                + "or a higher --max-shrink PERCENT"), refused::toString);
        Cli.Result bad = run("lists", "import", two.toString(), "--max-shrink", "-1");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("Invalid value for option '--max-shrink': the largest shrink is a percentage "
                + "from 0 to 100, not -1.0"), bad::toString);
        Cli.Result byDefault = run("lists", "import", two.toString());
        assertEquals(0, byDefault.code(), "half of the entries is not over the default 50%: " + byDefault);
    }

    @Test
    void serveRefreshOptionsAreCheckedBeforeAnythingStarts() throws Exception {
        Cli.Result tooOften = run("serve", "--port", "0", "--refresh", "1m");
        assertEquals(2, tooOften.code(), tooOften::toString);
        assertTrue(tooOften.err().startsWith("Invalid value for option '--refresh': 1m is shorter than 15m"),
                tooOften::toString);
        Cli.Result notADuration = run("serve", "--port", "0", "--refresh", "often");
        assertEquals(2, notADuration.code(), notADuration::toString);
        assertTrue(notADuration.err().contains("'often' is not a duration (e.g. 6h, 30m"), notADuration::toString);
        Cli.Result shrink = run("serve", "--port", "0", "--max-shrink", "150");
        assertEquals(2, shrink.code(), shrink::toString);
        assertTrue(shrink.err().startsWith("Invalid value for option '--max-shrink': the largest shrink is a "
                + "percentage from 0 to 100, not 150.0"), shrink::toString);
        Cli.Result recheck = run("serve", "--port", "0", "--recheck-every", "soon");
        assertEquals(2, recheck.code(), recheck::toString);
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "sources:\n  XX: {}\n");
        Cli.Result badFile = run("serve", "--port", "0", "--refresh", "6h", "--sources", bad.toString());
        assertEquals(2, badFile.code(), badFile::toString);
        assertTrue(badFile.err().startsWith("exportguard: error: " + bad + ": sources.XX: unknown source id"),
                badFile::toString);
        assertFalse(Files.exists(tmp.resolve("data")), "no store opened, no server started");
    }
}
