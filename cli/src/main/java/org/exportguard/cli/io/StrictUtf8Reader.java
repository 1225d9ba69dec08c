package org.exportguard.cli.io;

import org.exportguard.cli.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decodes UTF-8 strictly (no silent replacement characters) and refuses over-long lines, reporting both with the
 * file and line. Lines are counted on the raw bytes, so the line of a bad byte is exact even inside a quoted CSV
 * field. Also counts bytes consumed, for progress bars.
 */
public final class StrictUtf8Reader extends Reader {
    /** Longest line accepted, in bytes, without its line break. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final Path file;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private long line = 1;
    private long lineBytes;
    private long consumed;
    private boolean eof;
    private boolean flushed;

    public StrictUtf8Reader(InputStream in, Path file) {
        this(in, file, MAX_LINE_BYTES);
    }

    public StrictUtf8Reader(InputStream in, Path file, int maxLineBytes) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        bytes.flip(); // empty, in read mode
    }

    /** Bytes decoded so far. */
    public long bytesConsumed() {
        return consumed;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer chars = CharBuffer.wrap(cbuf, off, len);
        while (chars.position() == off) {
            if (!bytes.hasRemaining() && !eof) {
                fill();
            }
            int start = bytes.position();
            CoderResult r = decoder.decode(bytes, chars, eof);
            account(start, bytes.position());
            if (r.isError()) {
                throw new ProblemIOException(UserException.at(file, line, null,
                        "invalid UTF-8 (byte 0x" + String.format("%02X", bytes.get(bytes.position()) & 0xff)
                        + " at byte offset " + consumed + "); save the file as UTF-8"));
            }
            if (r.isOverflow()) {
                break;
            }
            if (eof) {
                if (!flushed) {
                    decoder.flush(chars);
                    flushed = true;
                }
                if (chars.position() == off) {
                    return -1;
                }
                break;
            }
            if (chars.position() != off) {
                break;
            }
            fill();
        }
        return chars.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void account(int from, int to) throws ProblemIOException {
        byte[] a = bytes.array();
        for (int i = from; i < to; i++) {
            byte b = a[i];
            if (b == '\n') {
                line++;
                lineBytes = 0;
            } else if (b != '\r' && ++lineBytes > maxLineBytes) {
                throw new ProblemIOException(UserException.at(file, line, null,
                        "line longer than " + maxLineBytes + " bytes"));
            }
        }
        consumed += to - from;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Carries a located {@link UserException} through APIs that only let IOExceptions pass. */
    public static final class ProblemIOException extends IOException {
        private final UserException problem;

        public ProblemIOException(UserException problem) {
            super(problem.getMessage());
            this.problem = problem;
        }

        public UserException problem() {
            return problem;
        }
    }
}
