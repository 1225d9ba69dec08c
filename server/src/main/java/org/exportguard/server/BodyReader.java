package org.exportguard.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body, refusing (413) as soon as it would pass the limit: never holds more than the limit. */
public final class BodyReader {
    private BodyReader() {
    }

    /** @param contentLength the Content-Length header, or null when absent (chunked) */
    static byte[] read(InputStream in, String contentLength, long limit) throws ApiException, IOException {
        int expected = 0;
        if (contentLength != null) {
            long n;
            try {
                n = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad Content-Length");
            }
            if (n > limit) {
                throw tooLarge(limit);
            }
            expected = (int) n;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(expected, 256));
        byte[] buf = new byte[8192];
        long total = 0;
        while (true) {
            // Ask for at most one byte past the limit, so an oversized body is caught without reading it all.
            int want = (int) Math.min(buf.length, limit + 1 - total);
            int n = in.read(buf, 0, want);
            if (n < 0) {
                return out.toByteArray();
            }
            total += n;
            if (total > limit) {
                throw tooLarge(limit);
            }
            out.write(buf, 0, n);
        }
    }

    /**
     * Copies a streamed body into {@code file}, refusing (413) as soon as it passes the limit, so an upload of any
     * size costs a fixed buffer of memory; returns the bytes copied. On a refusal the file is left for the caller
     * to delete.
     */
    public static long toFile(java.io.InputStream in, String contentLength, long limit, java.nio.file.Path file)
            throws ApiException, IOException {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad Content-Length");
            }
        }
        long total = 0;
        byte[] buf = new byte[65536];
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "request body larger than " + limit + " bytes");
    }
}
