package org.exportguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and hostile clients against a real {@code serve} process (the built jar), as issue 13 found them: a handful of
 * connections that each send a byte and stop froze the server for everyone. Now 50 such connections leave
 * {@code /health} and {@code /api/screen} answering within a second, and a client that trickles its request head or
 * body, never idle long enough for an idle timeout, is cut off at the head or body deadline.
 */
class SlowClientsIT {
    @TempDir
    Path dir;

    private String viewerToken(ServeProcs procs, String data) throws Exception {
        ServeProcs.Proc added = procs.exec("users", "add", "slowpoke", "--role", "viewer", "--data-dir", data);
        assertEquals(0, added.code(), added::toString);
        // screening needs lists in force (a store without lists answers 503)
        ServeProcs.Proc imported = procs.exec("lists", "import", Path.of("src/main/resources/sample-lists/un-consolidated.xml").toAbsolutePath().toString(),
                "--data-dir", data);
        assertEquals(0, imported.code(), imported::toString);
        return added.lastLine();
    }

    @Test
    void fiftyStalledConnectionsLeaveHealthAndScreeningAnsweringWithinASecond() throws Exception {
        ServeProcs procs = new ServeProcs(dir);
        String data = dir.resolve("data").toString();
        String token = viewerToken(procs, data);
        ServeProcs.Server s = procs.serve("--data-dir", data);
        List<Socket> stalled = new ArrayList<>();
        try {
            URI base = URI.create(s.base());
            HttpClient client = ServeProcs.client();
            // warm up (first screening builds caches) before anything is timed
            assertEquals(200, ServeProcs.call(client, s.base(), "POST", "/api/screen", token,
                    "{\"name\":\"Banco Nacional de Cuba\"}").status());
            for (int i = 0; i < 50; i++) {
                Socket k = new Socket(base.getHost(), base.getPort());
                String partial = i % 2 == 0 ? "G" // a request line cut after one byte
                        : "POST /api/screen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.substring(0, 5);
                k.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                k.getOutputStream().flush();
                stalled.add(k);
            }
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                ServeProcs.Res health = ServeProcs.call(client, s.base(), "GET", "/health", null, null);
                long healthMs = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, health.status(), health.body());
                t0 = System.nanoTime();
                ServeProcs.Res screen = ServeProcs.call(client, s.base(), "POST", "/api/screen", token,
                        "{\"name\":\"Banco Nacional de Cuba\"}");
                long screenMs = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, screen.status(), screen.body());
                assertTrue(screen.body().contains("\"hits\""), screen.body());
                assertTrue(healthMs < 1000 && screenMs < 1000, "with 50 stalled connections open: /health took "
                        + healthMs + " ms, /api/screen " + screenMs + " ms");
            }
            for (Socket k : stalled) { // they were really held open meanwhile: the server has not closed them
                k.setSoTimeout(20);
                try {
                    int n = k.getInputStream().read();
                    throw new AssertionError("a stalled connection was already answered or closed: " + n);
                } catch (SocketTimeoutException e) {
                    // still open, still waiting for the rest of its request
                }
            }
        } finally {
            for (Socket k : stalled) {
                k.close();
            }
            ServeProcs.kill(s);
        }
    }

    @Test
    void aTrickledHeadOrBodyIsCutOffAtItsDeadline() throws Exception {
        ServeProcs procs = new ServeProcs(dir);
        String data = dir.resolve("data").toString();
        String token = viewerToken(procs, data);
        ServeProcs.Server s = procs.serve("--data-dir", data, "--header-timeout", "3s", "--body-timeout", "3s",
                "--idle-timeout", "30s");
        try {
            URI base = URI.create(s.base());
            // A head that never ends: one header byte every 300 ms, never idle for the 30 s idle timeout.
            long headMs = trickleUntilClosed(base, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ", "a");
            assertTrue(headMs >= 2500 && headMs < 10_000, "the trickled head was cut after " + headMs + " ms");
            // A body that never ends: the head is complete, then one body byte every 300 ms.
            long bodyMs = trickleUntilClosed(base, "POST /api/screen HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\":\"", "a");
            assertTrue(bodyMs >= 2500 && bodyMs < 10_000, "the trickled body was cut after " + bodyMs + " ms");
            // the server is fine afterwards
            assertEquals(200, ServeProcs.call(ServeProcs.client(), s.base(), "GET", "/health", null, null).status());
        } finally {
            ServeProcs.kill(s);
        }
    }

    /**
     * Sends {@code start}, then {@code drip} every 300 ms until the server closes the connection (or answers an
     * error, which it may before closing); returns how long that took. Fails after 30 s.
     */
    private static long trickleUntilClosed(URI base, String start, String drip) throws Exception {
        long t0 = System.nanoTime();
        try (Socket k = new Socket(base.getHost(), base.getPort())) {
            k.setSoTimeout(300);
            OutputStream out = k.getOutputStream();
            InputStream in = k.getInputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[4096];
            while (System.nanoTime() - t0 < 30_000_000_000L) {
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        return (System.nanoTime() - t0) / 1_000_000; // closed by the server
                    }
                    String got = new String(buf, 0, n, StandardCharsets.US_ASCII);
                    assertTrue(got.startsWith("HTTP/1.1 4"), "only an error may come back: " + got);
                } catch (SocketTimeoutException e) {
                    // nothing yet: send the next drop
                } catch (IOException e) {
                    return (System.nanoTime() - t0) / 1_000_000; // reset by the server
                }
                try {
                    out.write(drip.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            }
        }
        throw new AssertionError("the server kept a trickling connection open for 30 s");
    }
}
