package org.exportguard.lists.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 reader that refuses bad input instead of guessing: malformed bytes and over-long lines end the read with
 * a {@link BadTextException} naming the line. It decodes itself (rather than wrapping InputStreamReader) so that
 * the characters before a bad byte are delivered first and the line number is exact. A leading byte order mark is
 * dropped.
 */
public final class CheckedReader extends Reader {
    /** Longest line (in characters) accepted from a line-oriented file: 1 MiB. */
    public static final long MAX_LINE = 1L << 20;

    private final InputStream in;
    private final long maxLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean eof;
    private boolean done;
    private boolean first = true;
    private BadTextException pending;
    private long line = 1;
    private long lineLength;
    private long bytesRead;

    /**
     * @param in      the bytes
     * @param maxLine longest accepted line in characters ({@link Long#MAX_VALUE} for no limit)
     */
    public CheckedReader(InputStream in, long maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Bytes taken from the input so far (read ahead of decoding by at most one buffer): for progress bars. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The line being read (1-based). */
    public long line() {
        return line;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        do {
            n = readOnce(cbuf, off, len);
        } while (n == 0);
        return n;
    }

    private int readOnce(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        CoderResult error = null;
        while (out.position() == off && !done) {
            CoderResult cr = decoder.decode(bytes, out, eof);
            if (cr.isError()) {
                error = cr;
                break;
            }
            if (cr.isOverflow()) {
                break;
            }
            if (eof) {
                if (decoder.flush(out).isOverflow()) {
                    break;
                }
                done = true;
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
            }
            bytes.flip();
        }
        int n = out.position() - off;
        if (first && n > 0) {
            first = false;
            if (cbuf[off] == '\uFEFF') {
                System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                n--;
            }
        }
        count(cbuf, off, n);
        if (error != null) {
            pending = new BadTextException(line, "encoding",
                    "invalid UTF-8: " + error.length() + " bad byte(s)", null);
            if (n == 0) {
                throw pending;
            }
        }
        if (n == 0 && done) {
            return -1;
        }
        return n;
    }

    private void count(char[] cbuf, int off, int n) throws BadTextException {
        for (int i = off; i < off + n; i++) {
            if (cbuf[i] == '\n') {
                line++;
                lineLength = 0;
            } else if (++lineLength > maxLine) {
                pending = new BadTextException(line, "line", maxLine == MAX_LINE ? "line longer than 1 MiB" : "line longer than " + maxLine + " characters", null);
                throw pending;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
