package org.exportguard.cli;

import org.exportguard.testkit.Prerequisite;
import org.exportguard.testkit.TimedLines;

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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the shaded jar as separate processes for the process-level ITs: one-shot commands, and {@code serve} processes
 * that are told apart by their startup line. Each process gets its own {@code java.io.tmpdir} under the test's
 * directory, so a SIGKILLed server's temp files go with the test's {@code @TempDir}.
 */
final class ServeProcs {
    record Proc(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** A running {@code serve}: the process and the base URI it printed. */
    record Server(Process process, String base, Path err) {
        String errText() {
            return readQuietly(err);
        }
    }

    record Res(int status, String body) {
    }

    private final Path dir;
    private int seq;

    ServeProcs(Path dir) {
        this.dir = dir;
    }

    /**
     * The shaded jar {@code mvn package} builds. Missing (an IT run without packaging first), the testkit's rule
     * applies: skipped on a developer's machine, a failure under CI.
     */
    static Path jar() {
        Path jar = Path.of("target", "exportguard.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            jar = Path.of("cli", "target", "exportguard.jar").toAbsolutePath();
        }
        Path found = jar;
        Prerequisite.require(Files.exists(found), () -> found + " not built (run mvn package first)");
        return jar;
    }

    private List<String> command(List<String> args) throws IOException {
        Path tmp = dir.resolve("jvm-tmp");
        Files.createDirectories(tmp);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(args);
        return cmd;
    }

    synchronized Proc exec(String... args) throws IOException, InterruptedException {
        int n = ++seq;
        Path out = dir.resolve("exec-" + n + ".out");
        Path err = dir.resolve("exec-" + n + ".err");
        Process p = new ProcessBuilder(command(List.of(args))).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar did not finish in 120 s: " + List.of(args));
        } finally {
            p.destroyForcibly();
        }
        return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code serve --port 0 ARGS...} and waits (at most 90 s) for its startup line: a server that never prints
     * it fails the test with its stderr, instead of blocking the build.
     */
    Server serve(String... args) throws Exception {
        int n;
        synchronized (this) {
            n = ++seq;
        }
        Path err = dir.resolve("serve-" + n + ".err");
        List<String> a = new ArrayList<>(List.of("serve", "--port", "0", "--rate-limit", "1000000", "--burst",
                "1000000"));
        a.addAll(List.of(args));
        Process p = new ProcessBuilder(command(a)).redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = TimedLines.readLine(out, Duration.ofSeconds(90), "the startup line of serve " + a,
                    () -> "stderr: " + readQuietly(err));
            assertTrue(line != null && line.matches("exportguard: serving https?://127\\.0\\.0\\.1:.*"),
                    () -> "serve did not start: " + line + "\n" + readQuietly(err));
            // keep draining stdout so the server never blocks on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "drain-" + n);
            drain.setDaemon(true);
            drain.start();
            return new Server(p, line.replaceAll(".*serving (https?://[0-9.:]+).*", "$1"), err);
        } catch (Exception | Error e) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static Res call(HttpClient client, String base, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return call(client, base, method, path, token, body, "application/json");
    }

    static Res call(HttpClient client, String base, String method, String path, String token, String body,
                    String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body());
    }

    /** The impact test's open deal: EAR99 software to a non-government end user in 2027. */
    static String deal(String id, String endUser, String country) {
        return ImpactCommandTest.usDeal(id, endUser, country);
    }

    static void kill(Server s) throws InterruptedException {
        if (s != null) {
            s.process().destroyForcibly();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
