package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.testkit.CslCsv;
import org.exportguard.testkit.ListPublisher;
import org.exportguard.testkit.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code exportguard serve --refresh} as a separate process (the built jar): it fetches the publisher's list at
 * start, serves it, picks a changed file up on its schedule without a restart, and reports each source on
 * {@code /health}. The publisher is local ({@link ListPublisher}); the schedule is lowered to a second with the
 * hidden {@code --refresh-minimum}, as only tests do.
 */
class ServeRefreshIT {
    @TempDir
    Path dir;

    @Test
    void aRefreshingServerPicksUpAChangedFileWithoutARestart() throws Exception {
        ServeProcs procs = new ServeProcs(dir);
        String data = dir.resolve("data").toString();
        ServeProcs.Proc u = procs.exec("users", "add", "vic", "--role", "viewer", "--data-dir", data);
        assertEquals(0, u.code(), u::toString);
        String viewer = u.lastLine();
        try (ListPublisher publisher = ListPublisher.start()) {
            publisher.put("/csl.csv", CslCsv.text(CslCsv.entity("el-1", "NSO Group")));
            Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n  US-CSL:\n    format: csl-csv\n"
                    + "    timeoutSeconds: 30\n    urls: [" + publisher.uri("/csl.csv") + "]\n");
            ServeProcs.Server s = procs.serve("--data-dir", data, "--refresh", "1s", "--refresh-minimum", "1s",
                    "--sources", sources.toString());
            try {
                HttpClient client = ServeProcs.client();
                String screen = "{\"name\":\"Saito Tech Ltd.\"}";
                // until the first fetch is in, the store holds no lists and screening answers 503: wait for the
                // publisher's entry, by its id
                JsonNode first = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250),
                        () -> Cli.json(ServeProcs.call(client, s.base(), "POST", "/api/screen", viewer,
                                "{\"name\":\"NSO Group\"}").body()), j -> j.at("/hits/0/sourceId").asText()
                                .equals("el-1"));
                assertEquals("el-1", first.at("/hits/0/sourceId").asText(), s::errText);
                assertEquals("US-CSL", first.at("/hits/0/source").asText(), s::errText);
                assertEquals(0, Cli.json(ServeProcs.call(client, s.base(), "POST", "/api/screen", viewer, screen)
                        .body()).get("hits").size());

                publisher.put("/csl.csv", CslCsv.text(CslCsv.entity("el-1", "NSO Group"),
                        CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd.")));
                JsonNode hit = Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250),
                        () -> Cli.json(ServeProcs.call(client, s.base(), "POST", "/api/screen", viewer, screen)
                                .body()), j -> j.get("hits").size() > 0);
                assertEquals("el-2", hit.at("/hits/0/sourceId").asText(), s::errText);

                JsonNode health = Cli.json(ServeProcs.call(client, s.base(), "GET", "/health", null, null).body());
                assertEquals("ok", health.get("status").asText());
                assertEquals("ok", health.at("/sources/US-CSL/status").asText(), health::toString);
                assertEquals(2, health.at("/sources/US-CSL/confirmedVersion").asInt(), health::toString);
                String err = s.errText();
                assertTrue(err.contains("exportguard: refresh US-CSL: fetched: list version 1 imported"), err);
                assertTrue(err.contains("exportguard: refresh US-CSL: fetched: list version 2 imported"), err);
            } finally {
                ServeProcs.kill(s);
            }
        }
    }
}
