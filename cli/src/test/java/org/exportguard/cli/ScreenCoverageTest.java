package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.lists.ListHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code screen} answers name the sources screened: lists given with {@code --list} by their content hash (no
 * version, no age: the caller's choice), and without {@code --list} the store's lists in force, by version, import
 * time and age. A store without lists is an error saying what to do, never the shipped samples.
 */
class ScreenCoverageTest {
    static final Path SAMPLE_CSL = Path.of("src/main/resources/sample-lists/us-csl.csv");
    static final String EL = "Entity List (EL) - Bureau of Industry and Security";
    static final String DPL = "Denied Persons List (DPL) - Bureau of Industry and Security";

    @TempDir
    Path tmp;

    private String dataDir() {
        return tmp.resolve("data").toString();
    }

    @Test
    void listsGivenWithListAreNamedByTheirHashWithoutVersionOrAge() throws Exception {
        Cli.Result r = Cli.run("screen", "--list", SAMPLE_CSL.toString(), "--json", "NSO Group", "Nobody At All");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        for (String line : lines) {
            JsonNode lists = Cli.json(line).get("lists");
            assertEquals(1, lists.size(), line);
            JsonNode csl = lists.get(0);
            assertEquals("US-CSL", csl.get("source").asText());
            assertTrue(csl.get("version").isNull(), line);
            assertEquals(ListHash.of(SAMPLE_CSL), csl.get("sha256").asText(), line);
            assertTrue(csl.get("importedAt").isNull() && csl.get("ageDays").isNull()
                    && csl.get("effective").isNull(), line);
            assertEquals("[\"" + DPL + "\",\"" + EL + "\"]", csl.get("subLists").toString(), line);
        }
        assertEquals("sample-el-0001", Cli.json(lines.get(0)).get("hits").get(0).get("sourceId").asText());
    }

    @Test
    void withoutListAnEmptyStoreIsAnErrorSayingWhatToDo() {
        Cli.Result r = Cli.run("screen", "--data-dir", dataDir(), "--json", "NSO Group");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no lists to screen against") && r.err().contains("lists import")
                && r.err().contains("--list"), r.err());
        assertEquals("", r.out());
        assertTrue(!Files.exists(tmp.resolve("data")), "a missing store is not created just to be read");

        // a store that exists but holds no lists says the same
        assertEquals(0, Cli.run("users", "add", "vic", "--role", "viewer", "--data-dir", dataDir()).code());
        r = Cli.run("screen", "--data-dir", dataDir(), "NSO Group");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no lists to screen against"), r.err());
    }

    @Test
    void withoutListTheStoresListsInForceAreScreenedAndNamed() throws Exception {
        Cli.Result imp = Cli.run("lists", "import", SAMPLE_CSL.toString(), "--effective", "2021-11-04",
                "--data-dir", dataDir());
        assertEquals(0, imp.code(), imp.toString());

        Cli.Result r = Cli.run("screen", "--data-dir", dataDir(), "--json", "NSO Group");
        assertEquals(0, r.code(), r.toString());
        JsonNode answer = Cli.json(r.out().strip());
        assertEquals("sample-el-0001", answer.get("hits").get(0).get("sourceId").asText(), r.out());
        JsonNode csl = answer.get("lists").get(0);
        assertEquals(1, answer.get("lists").size(), r.out());
        assertEquals("US-CSL", csl.get("source").asText());
        assertEquals(1, csl.get("version").asLong());
        assertEquals(ListHash.of(SAMPLE_CSL), csl.get("sha256").asText());
        assertEquals("2021-11-04", csl.get("effective").asText());
        assertTrue(csl.get("importedAt").isTextual(), r.out());
        assertTrue(csl.get("ageDays").isNumber() && csl.get("ageDays").asDouble() < 0.01, r.out());

        // a batch names them on every line
        Path in = Files.writeString(tmp.resolve("names.csv"), "id,name\n1,NSO Group\n2,Nobody At All\n");
        Path out = tmp.resolve("hits.jsonl");
        Cli.Result b = Cli.run("screen", "--data-dir", dataDir(), "--input", in.toString(), "--output",
                out.toString());
        assertEquals(0, b.code(), b.toString());
        for (String line : Files.readAllLines(out)) {
            assertEquals(1, Cli.json(line).get("lists").get(0).get("version").asLong(), line);
        }
    }
}
