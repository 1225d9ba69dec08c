package org.exportguard.cli;

import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.TimedLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real shaded jar ({@code cli/target/exportguard.jar}) as a separate process, as the launcher does. An
 * integration test (failsafe): {@code mvn verify} runs it after {@code package} has built the jar.
 */
class JarProcessIT {
    @TempDir
    Path dir;

    record Proc(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Path jar() {
        return ServeProcs.jar();
    }

    private Proc exec(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar did not finish in 120 s");
        return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The shipped sample lists, given explicitly: only {@code demo} uses them unasked. */
    static final String SAMPLES = Path.of("src/main/resources/sample-lists").toAbsolutePath().toString();

    @Test
    void helpAndExitCodes() throws Exception {
        Proc r = exec("--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Usage: exportguard"), r::toString);
        r = exec();
        assertEquals(2, r.code(), r::toString);
        r = exec("match", "--json", "NSO Group", "NSO Group");
        assertEquals(0, r.code(), r::toString);
        assertTrue(Cli.json(r.out().strip()).get("match").asBoolean(), r::toString);
    }

    @Test
    void missingListIsOneLineNoStackTrace() throws Exception {
        Proc r = exec("screen", "--list", dir.resolve("missing").toString(), "x");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("exportguard: error: "), r::toString);
        assertEquals(1, r.err().strip().split("\n").length, r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    /** Needs the real list loader in the jar. */
    @Test
    void demoRunsFromTheJar() throws Exception {
        Proc r = exec("demo");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("BANCO NACIONAL DE CUBA"), r::toString);
    }

    /** The demo tells the deal story from the jar alone (shipped pack and sample lists, no shared data). */
    @Test
    void demoTellsTheDealStory() throws Exception {
        Proc r = exec("demo");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Deal decisions"), r::toString);
        // issue 15: off the reported Israeli list an individual licence is needed (often refused), not a ban
        assertTrue(r.out().matches("(?s).*AE +2021-12-01 +LICENCE_REQUIRED.*IL-DECA-CYBER-OFF-LIST.*"), r::toString);
        assertTrue(r.out().matches("(?s).*NSO Group +2021-12-01 +BLOCKED.*"), r::toString);
        assertTrue(r.out().contains("Change impact"), r::toString);
        assertTrue(r.out().contains("2 deal(s) re-decided"), r::toString);
        assertTrue(r.out().matches("(?s).*deal-1 +CLEARED -> BLOCKED.*"), r::toString);
        assertTrue(r.out().matches("(?s).*deal-2 +CLEARED -> BLOCKED.*"), r::toString);
        assertFalse(r.out().matches("(?s).*deal-3 +CLEARED -> .*"), r::toString);
    }

    /** Deal evaluation from the jar: the default pack is read from the jar's resources; a bad batch line exits 3. */
    @Test
    void dealEvaluateFromTheJar() throws Exception {
        String deal = DealJson.deal("j1").date("2021-12-01").exporter("X", "IL").item("WA", "4.D.4").destination("SA")
                .endUser("Ministry", null, "government").json();
        Path f = dir.resolve("deal.json");
        Files.writeString(f, deal);
        Proc r = exec("deal", "evaluate", f.toString(), "--json", "--list", SAMPLES);
        assertEquals(0, r.code(), r::toString);
        assertEquals("LICENCE_REQUIRED", Cli.json(r.out()).get("outcome").asText(), r::toString);

        Path in = dir.resolve("deals.jsonl");
        Files.writeString(in, deal + "\n" + deal.replace("\"SA\"", "\"XX\"") + "\n");
        Path out = dir.resolve("decisions.jsonl");
        r = exec("deal", "evaluate", "--input", in.toString(), "--output", out.toString(), "--list", SAMPLES);
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains(in + ":2: destination: unknown country code 'XX'"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertEquals(2, Files.readAllLines(out).size());
    }

    /** The store from the jar: SQLite's native library and the migrations must be in it. */
    @Test
    void storeCommandsRunFromTheJar() throws Exception {
        String data = dir.resolve("data").toString();
        Proc r = exec("users", "add", "ops", "--role", "admin", "--data-dir", data);
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("eg_"), r::toString);
        r = exec("audit", "verify", "--data-dir", data);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("audit chain intact: 1 records"), r::toString);
        assertTrue(Files.isRegularFile(dir.resolve("data").resolve("exportguard.db")));
    }

    /**
     * serve: screens the store's lists (the shipped OFAC sample set imported into it); answers a token from
     * {@code users add}, refuses without one; stops on SIGTERM.
     */
    @Test
    void serveStartsAnswersAndStops() throws Exception {
        Path data = dir.resolve("serve-data");
        Proc added = exec("users", "add", "ivy", "--role", "viewer", "--data-dir", data.toString());
        assertEquals(0, added.code(), added::toString);
        List<String> lines = added.out().lines().toList();
        String token = lines.get(lines.size() - 1);
        Proc imported = exec("lists", "import", Path.of(SAMPLES, "ofac-sdn").toString(), "--data-dir",
                data.toString());
        assertEquals(0, imported.code(), imported::toString);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "serve", "--port", "0", "--data-dir", data.toString());
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("serve-err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            // the startup message, once the port is bound; a server that never says it fails here, not hangs
            String line = TimedLines.readLine(out, Duration.ofSeconds(90), "the startup line of serve",
                    () -> "stderr: " + readQuietly(dir.resolve("serve-err.txt")));
            assertTrue(line != null && line.startsWith("exportguard: serving http://127.0.0.1:")
                            && line.contains("1 lists") && !line.contains("NO LISTS"),
                    () -> line + " / " + readQuietly(dir.resolve("serve-err.txt")));
            String base = line.replaceAll(".*serving (http://[0-9.:]+).*", "$1");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/screen"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Banco Nacional de Cuba\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("306", Cli.json(r.body()).get("hits").get(0).get("sourceId").asText(), r.body());
            r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/screen"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), r.body());
            p.destroy(); // SIGTERM: the shutdown hook stops the server
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            assertFalse(readQuietly(dir.resolve("serve-err.txt")).contains("\tat "));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
