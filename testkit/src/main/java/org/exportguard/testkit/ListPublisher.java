package org.exportguard.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A list publisher for fetch tests: the JDK's HTTP server on 127.0.0.1 (a free port) serving list files a test puts
 * under paths, as a publisher would: 200 with an ETag (from the content) and a Last-Modified, 304 to a conditional
 * GET whose If-None-Match is the current ETag, 404 for a path it has no file for. Each path can be made to misbehave
 * ({@link Mode}): answer 500, never answer, break the body off half-way, stall half-way, or give no validators.
 *
 * <pre>{@code
 * try (ListPublisher p = ListPublisher.start()) {
 *     p.put("/un.xml", SharedData.list("un-consolidated-2026-02-27.xml"));
 *     URI url = p.uri("/un.xml");
 *     p.mode("/un.xml", ListPublisher.Mode.ERROR_500);
 * }
 * }</pre>
 */
public final class ListPublisher implements AutoCloseable {
    /** How a path answers. */
    public enum Mode {
        /** 200 with ETag and Last-Modified; 304 when If-None-Match is the current ETag. */
        NORMAL,
        /** 200 without ETag or Last-Modified (so every fetch gets the whole file). */
        NO_VALIDATORS,
        /** 500 Internal Server Error. */
        ERROR_500,
        /** Never answers (until the publisher is closed). */
        HANG,
        /** Sends the headers with the full Content-Length, half the body, then drops the connection. */
        TRUNCATE,
        /** Sends the headers with the full Content-Length and half the body, then nothing (until closed). */
        STALL
    }

    private record File(byte[] body, String etag, String lastModified) {
    }

    private final HttpServer http;
    private final ExecutorService threads;
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    private ListPublisher(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    /** Starts serving on 127.0.0.1, on a free port. */
    public static ListPublisher start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService threads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "list-publisher");
                t.setDaemon(true);
                return t;
            });
            ListPublisher p = new ListPublisher(http, threads);
            http.createContext("/", p::handle);
            http.setExecutor(threads);
            http.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code body} at {@code path} from now on (a new ETag when the content changed). */
    public ListPublisher put(String path, byte[] body) {
        String etag = "\"" + sha256(body).substring(0, 16) + "\"";
        File old = files.get(path);
        Instant modified = old != null && old.etag().equals(etag) ? null : Instant.now();
        files.put(path, new File(body.clone(), etag, modified == null ? old.lastModified()
                : DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC))));
        return this;
    }

    /** Serves the bytes of {@code file} at {@code path}. */
    public ListPublisher put(String path, Path file) {
        try {
            return put(path, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code text} (UTF-8) at {@code path}. */
    public ListPublisher put(String path, String text) {
        return put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** How {@code path} answers from now on. */
    public ListPublisher mode(String path, Mode mode) {
        modes.put(path, mode);
        return this;
    }

    /** The URL of {@code path} on this publisher. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** Requests answered so far (any status). */
    public int requests() {
        return requests.get();
    }

    /** 304 answers so far. */
    public int notModified() {
        return notModified.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String path = ex.getRequestURI().getPath();
        File f = files.get(path);
        Mode mode = modes.getOrDefault(path, Mode.NORMAL);
        try {
            if (f == null) {
                send(ex, 404, "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (mode) {
                case ERROR_500 -> send(ex, 500, "internal error".getBytes(StandardCharsets.UTF_8));
                case HANG -> {
                    try {
                        closing.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case TRUNCATE -> {
                    ex.sendResponseHeaders(200, f.body().length);
                    OutputStream out = ex.getResponseBody();
                    out.write(f.body(), 0, f.body().length / 2);
                    out.flush();
                    // the JDK server drops the connection when a handler throws: the client sees the body end early
                    throw new IllegalStateException("dropping the connection half-way, as a test asked");
                }
                case STALL -> {
                    ex.sendResponseHeaders(200, f.body().length);
                    OutputStream out = ex.getResponseBody();
                    out.write(f.body(), 0, f.body().length / 2);
                    out.flush();
                    try {
                        closing.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("dropping a stalled connection");
                }
                case NO_VALIDATORS -> send(ex, 200, f.body());
                case NORMAL -> {
                    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
                    if (f.etag().equals(inm)) {
                        notModified.incrementAndGet();
                        ex.getResponseHeaders().set("ETag", f.etag());
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                    ex.getResponseHeaders().set("ETag", f.etag());
                    ex.getResponseHeaders().set("Last-Modified", f.lastModified());
                    send(ex, 200, f.body());
                }
                default -> throw new IllegalStateException(mode.toString());
            }
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases any request held by {@link Mode#HANG} and stops serving. */
    @Override
    public void close() {
        closing.countDown();
        http.stop(0);
        threads.shutdownNow();
    }
}
