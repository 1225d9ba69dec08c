package org.exportguard.cli;

import org.exportguard.testkit.DealJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input made to mislead (issue 13): a deal with a key given twice is refused, as the API refuses it, rather than
 * read with the last value winning; control characters in names never reach the terminal raw.
 */
class HostileInputTest {
    static final String SAMPLES = DealCommandTest.SAMPLES;

    @TempDir
    Path dir;

    @Test
    void aDealWithADuplicateKeyIsRefusedNamingIt() throws IOException {
        // the first destination is the one a reviewer reading the file sees; last-wins would decide another
        String json = DealJson.usSoftware("d-dup", "Harmless Widgets GmbH", "DE").json()
                .replace("\"destination\":\"DE\"", "\"destination\":\"IR\",\"destination\":\"DE\"");
        assertTrue(json.contains("\"destination\":\"IR\",\"destination\":\"DE\""), json);
        Path f = Files.writeString(dir.resolve("deal.json"), json, StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("deal", "evaluate", f.toString(), "--list", SAMPLES);
        assertEquals(Main.EXIT_USER, r.code(), r.toString());
        assertTrue(r.err().contains("Duplicate field 'destination'"), r.err());

        Path lines = Files.writeString(dir.resolve("deals.jsonl"), json + "\n", StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        assertEquals(0, Cli.run("users", "add", "a", "--role", "analyst", "--data-dir", data.toString()).code());
        Cli.Result add = Cli.run("deals", "add", "--input", lines.toString(), "--data-dir", data.toString());
        assertEquals(Main.EXIT_USER, add.code(), add.toString());
        assertTrue(add.err().contains(lines + ":1:") && add.err().contains("Duplicate field"), add.err());
    }

    @Test
    void controlCharactersFromADealAreShownEscapedInTheTerminal() throws IOException {
        String evil = "Harmless \u001b[2J\u001b[31mWidgets\u202e GmbH\u0085";
        Path f = Files.writeString(dir.resolve("deal.json"),
                DealJson.usSoftware("d-\u001b]0;pwned\u0007", evil, "DE").json(), StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("deal", "evaluate", f.toString(), "--list", SAMPLES);
        assertEquals(0, r.code(), r.toString());
        assertNoRawControls(r.out());
        assertTrue(r.out().contains("d-\\u001B]0;pwned\\u0007"), r.out());

        Cli.Result screen = Cli.run("screen", "--list", SAMPLES, "Banco \u001b[31mNacional\u202e de Cuba");
        assertEquals(0, screen.code(), screen.toString());
        assertNoRawControls(screen.out());
        assertTrue(screen.out().contains("Banco \\u001B[31mNacional\\u202E de Cuba"), screen.out());

        Cli.Result json = Cli.run("screen", "--list", SAMPLES, "--json", "Banco \u001b[31mNacional de Cuba");
        assertEquals("Banco \u001b[31mNacional de Cuba", Cli.json(json.out().strip()).get("query").asText(),
                "JSON keeps the value; its own escaping makes it safe");
    }

    @Test
    void safeEscapesWhatATerminalActsOnAndNothingElse() {
        assertEquals("a\\u001B[0mb\\u009B\\u202E\\u2066c\\u0000\\u007F\n\td\u00e9\u4e2d",
                CliText.safe("a\u001b[0mb\u009b\u202e\u2066c\u0000\u007f\n\td\u00e9\u4e2d"));
        assertEquals("plain", CliText.safe("plain"));
    }

    private static void assertNoRawControls(String out) {
        for (char c : out.toCharArray()) {
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            assertFalse(control, "raw U+" + Integer.toHexString(c) + " in: " + out);
        }
    }
}
