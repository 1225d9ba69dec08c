package org.exportguard.cli;

import java.nio.file.Path;

/**
 * A problem the user can fix (a bad list, a bad input file, a missing file): reported as one line on stderr and
 * exit code 2, never with a stack trace. Located problems read {@code FILE:LINE: field 'x': problem}, the same shape
 * as {@link org.exportguard.lists.ListFormatException}.
 */
public class UserException extends Exception {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at a place in a file; {@code line <= 0} and {@code field == null} leave those parts out. */
    public static UserException at(Path file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        return new UserException(sb.append(problem).toString());
    }
}
