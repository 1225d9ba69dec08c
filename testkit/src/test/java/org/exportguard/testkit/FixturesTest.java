package org.exportguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixtures write what the product reads: the deal JSON of the schema, CSL rows of 29 cells. */
class FixturesTest {
    @TempDir
    Path dir;

    @Test
    void dealJsonHasTheSchemaFieldsInOrderAndLeavesUnsetFieldsOut() throws Exception {
        assertEquals("{\"id\":\"d-1\",\"date\":\"2027-03-01\",\"exporter\":{\"name\":\"Acme Software Inc.\","
                        + "\"country\":\"US\"},\"items\":[{\"description\":\"network management software\","
                        + "\"classification\":{\"US-EAR\":\"EAR99\"}}],\"destination\":\"IL\",\"parties\":[{\"role\":"
                        + "\"end-user\",\"name\":\"NSO Group\",\"country\":\"IL\",\"type\":\"non-government\"}],"
                        + "\"flags\":[\"subject-to-ear\"]}",
                DealJson.usSoftware("d-1", "NSO Group", "IL").json());
        JsonNode d = new ObjectMapper().readTree(DealJson.deal("x").date("2022-06-01").item("WA", "4.D.4")
                .party("end-user", "O'Brien \"Ltd\"", null, null).extra("note", "kept").json());
        assertEquals("O'Brien \"Ltd\"", d.at("/parties/0/name").asText(), "text is escaped, not pasted");
        assertFalse(d.has("exporter") || d.has("destination") || d.has("flags"), d.toString());
        assertFalse(d.at("/items/0").has("description"), d.toString());
        assertFalse(d.at("/parties/0").has("country"), d.toString());
        assertEquals("kept", d.get("note").asText());
        JsonNode story = new ObjectMapper().readTree(DealJson.intrusionSoftware("il-AE", "AE", "Ministry of Interior",
                "2021-12-01").json());
        assertEquals("4.D.4", story.at("/items/0/classification/WA").asText());
        assertEquals("government", story.at("/parties/0/type").asText());
        assertEquals("AE", story.at("/parties/0/country").asText());
    }

    @Test
    void cslRowsHaveEveryColumnAndQuoteWhatNeedsIt() throws Exception {
        Path f = CslCsv.write(dir.resolve("sub/csl.csv"), CslCsv.entity("el-1", "NSO Group"),
                CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd.")
                        .addresses("1 Main Street, Springfield, IL").listed("86 FR 60759", "2021-11-04"));
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals(CslCsv.HEADER, lines.get(0));
        assertEquals(29, CslCsv.HEADER.split(",").length);
        assertEquals("el-1," + CslCsv.ENTITY_LIST + ",,,,NSO Group" + ",".repeat(23), lines.get(1));
        String row = lines.get(2);
        assertTrue(row.contains(",\"1 Main Street, Springfield, IL\",86 FR 60759,2021-11-04,"), row);
        assertTrue(row.contains(",Saito Tech Ltd.; Taveta Ltd.,"), row);
        assertEquals(29, row.replace("\"1 Main Street, Springfield, IL\"", "x").split(",", -1).length, row);
    }

    @Test
    void aLineThatDoesNotComeFailsSayingWhatWasAwaited() throws Exception {
        try (PipedOutputStream w = new PipedOutputStream(); PipedInputStream r = new PipedInputStream(w)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(r, StandardCharsets.UTF_8));
            w.write("ready\n".getBytes(StandardCharsets.UTF_8));
            w.flush();
            assertEquals("ready", TimedLines.readLine(in, Duration.ofSeconds(5), "the first line", null));
            AssertionError e = assertThrows(AssertionError.class, () -> TimedLines.readLine(in,
                    Duration.ofMillis(200), "the startup line", () -> "stderr: nothing"));
            assertEquals("the startup line did not come within 200 ms; stderr: nothing", e.getMessage());
        }
    }
}
