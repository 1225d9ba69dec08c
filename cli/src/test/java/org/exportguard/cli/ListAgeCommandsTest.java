package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.service.Desk;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI over a store whose only list source was imported three days ago (by a store opened with a clock three
 * days back; the commands run on the real clock): {@code deal evaluate} holds it to the sources file's
 * {@code maxAgeDays} unless {@code --max-list-age} says otherwise, and {@code deals recheck} re-decides the open
 * deal decided while it was current, once.
 */
class ListAgeCommandsTest {
    static final String DPL = "Denied Persons List (DPL) - Bureau of Industry and Security";
    static final String SDN = "Specially Designated Nationals (SDN) - Treasury Department";

    @TempDir
    Path tmp;
    Path data;
    Path deal;

    @BeforeEach
    void storeWithAListImportedThreeDaysAgo() throws Exception {
        data = tmp.resolve("data");
        Path csl = CslCsv.write(tmp.resolve("csl.csv"), List.of(
                CslCsv.entity("t-1", "Listed Party Number 1 Holdings"),
                CslCsv.entity("t-2", "Listed Party Number 2 Holdings").source(DPL),
                CslCsv.entity("t-3", "Listed Party Number 3 Holdings").source(SDN)));
        TestClock then = new TestClock(Instant.now().minus(Duration.ofDays(3)));
        try (Store s = Store.open(StoreLocation.sqlite(data), then)) {
            Desk desk = new Desk(s);
            desk.importList(csl, "US-CSL", null, "test");
            desk.addDeals(List.of(DealJson.usSoftware("d-1", "Harmless Gadgets GmbH", "DE").json()), "test");
        }
        deal = Files.writeString(tmp.resolve("deal.json"), DealJson.usSoftware("d-2", "Harmless Gadgets GmbH", "DE")
                .json());
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return Cli.run(all);
    }

    /** The US-EAR regime's outcome in a decision (no UN list is stored: that regime is REVIEW throughout). */
    private static String usEar(JsonNode decision) {
        for (JsonNode r : decision.get("regimes")) {
            if (r.get("regime").asText().equals("US-EAR")) {
                return r.get("outcome").asText();
            }
        }
        throw new AssertionError("no US-EAR regime in " + decision);
    }

    private String evaluate(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "deal";
        args[1] = "evaluate";
        args[2] = deal.toString();
        args[3] = "--json";
        System.arraycopy(options, 0, args, 4, options.length);
        Cli.Result r = run(args);
        assertEquals(0, r.code(), r::toString);
        return usEar(Cli.json(r.out()));
    }

    private Path sources(int cslMaxAgeDays) throws Exception {
        return Files.writeString(tmp.resolve("sources-" + cslMaxAgeDays + ".yaml"), "sources:\n  US-CSL:\n"
                + "    format: csl-csv\n    maxAgeDays: " + cslMaxAgeDays + "\n"
                + "    urls: [https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv]\n");
    }

    @Test
    void theSourcesFilesMaxAgeDaysLimitsDecisionsAndTheOptionOverridesIt() throws Exception {
        assertEquals("REVIEW", evaluate(), "the shipped sources file: 2 days");
        String week = sources(7).toString();
        assertEquals("CLEARED", evaluate("--sources", week), "the sources file says 7 days for US-CSL");
        assertEquals("REVIEW", evaluate("--sources", week, "--max-list-age", "US-CSL=1"),
                "the option names the source: it wins");
        assertEquals("REVIEW", evaluate("--sources", week, "--max-list-age", "*=2.5"),
                "the option's default for every source wins over the file too");
        assertEquals("CLEARED", evaluate("--sources", sources(1).toString(), "--max-list-age", "US-CSL=4"));

        Cli.Result bad = run("deal", "evaluate", deal.toString(), "--sources", tmp.resolve("none.yaml").toString());
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("exportguard: error: "), bad::toString);
    }

    @Test
    void dealsRecheckReDecidesTheDealDecidedWhileTheSourceWasCurrentOnce() throws Exception {
        Cli.Result patient = run("deals", "recheck", "--sources", sources(7).toString());
        assertEquals(0, patient.code(), patient::toString);
        assertEquals("no open deal was decided before a list source in force went over its staleness limit: "
                + "nothing re-decided", patient.out().strip());

        Cli.Result r = run("deals", "recheck");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("impact: re-decided 1 open deals, 0 changed outcome (report 2"), r::toString);
        assertTrue(r.out().contains("change: list US-CSL version 1 stale (last confirmed current "), r::toString);
        Cli.Result show = run("deals", "show", "d-1", "--json");
        JsonNode shown = Cli.json(show.out());
        JsonNode decisions = shown.get("decisions");
        assertEquals(2, decisions.size(), shown::toString);
        assertEquals("list age: US-CSL stale", decisions.get(1).get("reason").asText());
        assertEquals("REVIEW", usEar(decisions.get(1).get("decision")));
        assertEquals("CLEARED", usEar(decisions.get(0).get("decision")));

        Cli.Result impact = run("impact", "--json");
        assertEquals("list-age", Cli.json(impact.out()).at("/change/kind").asText(), impact::toString);

        Cli.Result again = run("deals", "recheck");
        assertTrue(again.out().startsWith("no open deal was decided before"), again::toString);
    }
}
