package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deals decided against the real government lists in {@code ../shared/data/lists} (absent: skipped; under CI, a
 * failure).
 */
class RealListsDealTest {
    @TempDir
    Path dir;

    private Path lists() {
        return SharedData.lists();
    }

    private JsonNode decide(String exporter, String party, String type, String day, String... lists) throws IOException {
        String deal = DealJson.deal("r").date(day).exporter("E", exporter).item("US-EAR", "EAR99").destination("DE")
                .endUser(party, null, type).json();
        Path f = dir.resolve("deal.json");
        Files.writeString(f, deal);
        String[] args = new String[3 + 2 * lists.length];
        args[0] = "deal";
        args[1] = "evaluate";
        args[2] = f.toString();
        for (int i = 0; i < lists.length; i++) {
            args[3 + 2 * i] = "--list";
            args[4 + 2 * i] = lists[i];
        }
        Cli.Result r = Cli.run(concat(args, "--json"));
        assertEquals(0, r.code(), r::toString);
        return Cli.json(r.out());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    private static JsonNode finding(JsonNode decision, String rule) {
        for (JsonNode r : decision.get("regimes")) {
            for (JsonNode f : r.get("findings")) {
                if (f.get("rule").asText().equals(rule)) {
                    return f;
                }
            }
        }
        return null;
    }

    @Test
    void anSdnMatchBlocksAUsExporter() throws IOException {
        Path l = lists();
        JsonNode d = decide("US", "BANCO NACIONAL DE CUBA", "non-government", "2022-06-01",
                l.resolve("ofac-sdn-2021").toString());
        assertEquals("BLOCKED", d.get("outcome").asText(), d::toString);
        JsonNode f = finding(d, "US-EAR-OFAC-SDN");
        assertTrue(f != null && f.get("list").asText().equals("OFAC-SDN"), d::toString);
        assertTrue(d.get("listVersions").get("OFAC-SDN").asText().startsWith("sha256:"));
    }

    @Test
    void aDeniedPersonCountsFromTheOrdersEffectiveDate() throws IOException {
        Path dpl = lists().resolve("bis-dpl-2022-09.txt");
        JsonNode after = decide("US", "AARON ABRAHAM VILLA", "individual", "2022-09-01", dpl.toString());
        assertEquals("BLOCKED", finding(after, "US-EAR-DENIED-PERSONS").get("outcome").asText(), after::toString);
        JsonNode before = decide("US", "AARON ABRAHAM VILLA", "individual", "2022-08-01", dpl.toString());
        assertEquals(null, finding(before, "US-EAR-DENIED-PERSONS"), before::toString);
    }

    @Test
    void theUnListAppliesToEveryExporter() throws IOException {
        JsonNode d = decide("JP", "AL-QAIDA", "non-government", "2022-06-01",
                lists().resolve("un-consolidated-2026-02-27.xml").toString());
        assertEquals("BLOCKED", d.get("outcome").asText(), d::toString);
        JsonNode un = finding(d, "UN-SC-LIST");
        assertTrue(un != null && un.get("outcome").asText().equals("BLOCKED"), d::toString);
        assertEquals("UN-SC", un.get("list").asText());
    }
}
