package org.exportguard.lists.io;

import java.io.IOException;

/**
 * Raised by {@link CheckedReader} from inside a parser (CSV, XML, JSON) that only lets IOExceptions through: bytes
 * that are not valid UTF-8, or a line longer than the cap. Readers turn it into a ListFormatException.
 */
public final class BadTextException extends IOException {
    private final long line;
    private final String field;
    private final String problem;

    public BadTextException(long line, String field, String problem, Throwable cause) {
        super("line " + line + ": " + problem, cause);
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public long line() { return line; }
    public String field() { return field; }
    public String problem() { return problem; }
}
