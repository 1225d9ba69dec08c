package org.exportguard.lists;

import java.nio.file.Path;

/**
 * A list file that cannot be read. The message is one line that names the file, the line (when known) and the
 * field, e.g. {@code sdn.csv:12: field 'ent_num': expected a whole number, got "x12"}.
 */
public class ListFormatException extends Exception {
    private final transient Path file;
    private final long line;
    private final String field;

    public ListFormatException(Path file, long line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public ListFormatException(Path file, long line, String field, String problem, Throwable cause) {
        this(file, line, field, problem);
        initCause(cause);
    }

    private static String format(Path file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(problem).toString();
    }

    public Path file() { return file; }
    public long line() { return line; }
    public String field() { return field; }
}
