package org.exportguard.service.fetch;

import org.exportguard.core.hash.Sha256;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downloads one publisher file to a local file with the JDK's {@link HttpClient}: a connect timeout; an idle
 * timeout (no answer, or no more data, for that long fails the download, however long the file); a size cap
 * checked while the body arrives; a body shorter than its Content-Length is a truncated download; a conditional GET
 * ({@code If-None-Match}, {@code If-Modified-Since}) when validators of the file last fetched are given, answered
 * 304 as {@link NotModified}. Redirects are followed (not from https to http). Thread-safe.
 */
public final class Downloader {
    public static final String USER_AGENT = "exportguard/0.1 (restricted-party list fetch)";
    private static final long POLL_MILLIS = 100;

    private final HttpClient client;

    public Downloader() {
        this(Duration.ofSeconds(30));
    }

    /** With this connect timeout (each download's idle timeout is its own). */
    public Downloader(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** What a download got. */
    public sealed interface Result permits NotModified, Fetched {
    }

    /** The publisher answered 304: the file is the one the validators describe. */
    public record NotModified() implements Result {
    }

    /**
     * The whole file, written to the target.
     *
     * @param bytes        its size
     * @param sha256       SHA-256 of its bytes
     * @param etag         the ETag the publisher gave (null: none)
     * @param lastModified its Last-Modified header (null: none)
     */
    public record Fetched(long bytes, String sha256, String etag, String lastModified) implements Result {
    }

    /**
     * Downloads {@code uri} to {@code target}.
     *
     * @param etag         sent as If-None-Match (null: not sent)
     * @param lastModified sent as If-Modified-Since (null: not sent)
     * @param idleTimeout  how long to wait for the answer, or for more of the body
     * @param maxBytes     the largest body accepted
     */
    public Result download(URI uri, Path target, String etag, String lastModified, Duration idleTimeout,
                           long maxBytes) throws FetchFailure, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET().timeout(idleTimeout)
                .header("User-Agent", USER_AGENT);
        boolean conditional = false;
        if (etag != null) {
            rb.header("If-None-Match", etag);
            conditional = true;
        }
        if (lastModified != null) {
            rb.header("If-Modified-Since", lastModified);
            conditional = true;
        }
        AtomicReference<FileSubscriber> body = new AtomicReference<>();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Long>> f = client.sendAsync(rb.build(), info -> {
            if (info.statusCode() == 200) {
                FileSubscriber s = new FileSubscriber(target, maxBytes,
                        info.headers().firstValueAsLong("Content-Length").orElse(-1));
                body.set(s);
                return s;
            }
            return HttpResponse.BodySubscribers.replacing(-1L);
        });
        HttpResponse<Long> response;
        while (true) {
            try {
                response = f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                FileSubscriber s = body.get();
                long last = s == null ? started : s.lastProgress;
                if (System.nanoTime() - last > idleTimeout.toNanos()) {
                    if (s != null) {
                        s.abort();
                    }
                    f.cancel(true);
                    throw new FetchFailure("timeout: " + (s == null ? "no answer from " + uri + " within "
                            + seconds(idleTimeout) : "no data from " + uri + " for " + seconds(idleTimeout)
                            + " after " + s.count + " bytes" + expected(s)));
                }
            } catch (ExecutionException e) {
                throw failure(uri, e.getCause(), body.get(), idleTimeout);
            } catch (InterruptedException e) {
                FileSubscriber s = body.get();
                if (s != null) {
                    s.abort();
                }
                f.cancel(true);
                throw e;
            }
        }
        int status = response.statusCode();
        if (status == 304) {
            if (!conditional) {
                throw new FetchFailure("HTTP 304 (not modified) from " + uri + " to a request that was not "
                        + "conditional");
            }
            return new NotModified();
        }
        if (status != 200) {
            throw new FetchFailure("HTTP " + status + " from " + uri + (status >= 300 && status < 400
                    ? " (a redirect not followed: " + response.headers().firstValue("Location").orElse("no Location")
                    + ")" : ""));
        }
        FileSubscriber s = body.get();
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && s.count != length.getAsLong()) {
            throw new FetchFailure("truncated download from " + uri + ": " + s.count + " of " + length.getAsLong()
                    + " bytes (Content-Length)");
        }
        return new Fetched(s.count, Sha256.hex(s.sha), response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    private static FetchFailure failure(URI uri, Throwable t, FileSubscriber s, Duration idleTimeout) {
        if (t instanceof TooLarge tl) {
            return new FetchFailure(tl.getMessage());
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new FetchFailure("cannot connect to " + host(uri) + ": timed out", t);
        }
        if (t instanceof HttpTimeoutException) {
            return new FetchFailure("timeout: no answer from " + uri + " within " + seconds(idleTimeout), t);
        }
        if (t instanceof ConnectException || t.getCause() instanceof ConnectException) {
            return new FetchFailure("cannot connect to " + host(uri) + ": " + message(t), t);
        }
        if (t instanceof UnresolvedAddressException || t.getCause() instanceof UnresolvedAddressException) {
            return new FetchFailure("cannot connect to " + host(uri) + ": unknown host", t);
        }
        if (s != null) {
            String of = s.expectedLength > 0 ? " of " + s.expectedLength + " bytes (Content-Length)" : " bytes";
            return new FetchFailure((s.expectedLength > 0 && s.count < s.expectedLength ? "truncated download from "
                    : "download broken off from ") + uri + ": " + s.count + of + ": " + message(t), t);
        }
        return new FetchFailure("download of " + uri + " failed: " + message(t), t);
    }

    private static String expected(FileSubscriber s) {
        return s.expectedLength > 0 ? " of " + s.expectedLength : "";
    }

    private static String host(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).replaceAll("\\s*\\R\\s*", " ");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }

    /** Over the size cap. */
    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Writes the body to the file as it arrives, hashing and counting it, and stops at the cap. */
    private static final class FileSubscriber implements HttpResponse.BodySubscriber<Long> {
        private final Path target;
        private final long maxBytes;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        final MessageDigest sha = Sha256.digest();
        volatile long count;
        volatile long lastProgress = System.nanoTime();
        final long expectedLength;
        private volatile Flow.Subscription subscription;
        private FileChannel channel;

        FileSubscriber(Path target, long maxBytes, long expectedLength) {
            this.target = target;
            this.maxBytes = maxBytes;
            this.expectedLength = expectedLength;
        }

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (expectedLength > maxBytes) {
                s.cancel();
                result.completeExceptionally(new TooLarge("larger than the limit of " + (maxBytes >> 20)
                        + " MiB (maxMiB in the sources file): Content-Length " + expectedLength));
                return;
            }
            try {
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                s.cancel();
                result.completeExceptionally(new IOException("cannot write " + target + ": " + e.getMessage(), e));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            try {
                for (ByteBuffer b : items) {
                    long n = count + b.remaining();
                    if (n > maxBytes) {
                        throw new TooLarge("larger than the limit of " + (maxBytes >> 20) + " MiB (maxMiB in the "
                                + "sources file): refused after " + count + " bytes");
                    }
                    sha.update(b.duplicate());
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                    count = n;
                }
                lastProgress = System.nanoTime();
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                close();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            close();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            close();
            result.complete(count);
        }

        /** Stops the download (a timeout): the connection is dropped. */
        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            close();
            result.completeExceptionally(new IOException("aborted"));
        }

        private synchronized void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the download has failed or ended; nothing more to write
                }
                channel = null;
            }
        }
    }
}
