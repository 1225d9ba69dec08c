package org.exportguard.cli.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON and reads Content-Length responses: all a load generator
 * needs, at a small fraction of {@code java.net.http.HttpClient}'s CPU per request, so on a small machine the
 * client does not eat the server's share of the cores. Not thread-safe: one per worker.
 */
final class KeepAliveConnection implements AutoCloseable {
    private final String host;
    private final int port;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];
    private byte[] body = new byte[16384];
    private int bodyLength;

    /** @param path the request path; {@code authorization} the whole header value, e.g. "Bearer T" */
    KeepAliveConnection(String host, int port, String path, String authorization) {
        this.host = host;
        this.port = port;
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: "
                + authorization + "\r\nContent-Type: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends one POST with this body and returns the status code; the response body is then in {@link #body()}
     * (its first {@link #bodyLength()} bytes), until the next request.
     */
    int post(byte[] json) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(head);
        out.write(Integer.toString(json.length).getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        out.write('\r');
        out.write('\n');
        out.write(json);
        out.flush();
        int n = readLine();
        if (n < 12 || line[0] != 'H') {
            throw new IOException("bad status line");
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long length = -1;
        boolean close = false;
        while ((n = readLine()) > 0) {
            String h = new String(line, 0, n, StandardCharsets.US_ASCII);
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        if (n < 0) {
            throw new IOException("connection closed in the headers");
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        read(length);
        if (close) {
            close();
        }
        return status;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setSoTimeout(30_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(s.getOutputStream(), 4096);
    }

    /** Reads a line without its CRLF into {@link #line}; its length, or -1 at end of stream. */
    private int readLine() throws IOException {
        int n = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n == line.length) {
                throw new IOException("header line too long");
            }
            line[n++] = (byte) c;
        }
    }

    /** The largest response body kept; a longer one is refused (an answer to one screen call is a few KB). */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private void read(long length) throws IOException {
        if (length > MAX_BODY) {
            throw new IOException("response body of " + length + " bytes");
        }
        if (length > body.length) {
            body = new byte[(int) length];
        }
        int n = 0;
        while (n < length) {
            int r = in.read(body, n, (int) length - n);
            if (r < 0) {
                throw new IOException("connection closed in the body");
            }
            n += r;
        }
        bodyLength = n;
    }

    /** The last response's body: its first {@link #bodyLength()} bytes. */
    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    /** Drops the connection; the next request opens a new one. */
    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
