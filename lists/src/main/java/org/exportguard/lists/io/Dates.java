package org.exportguard.lists.io;

import org.exportguard.lists.ListFormatException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Strict date parsing with a one-line error naming file, line and field. */
public final class Dates {
    /** ISO 8601 calendar date, e.g. 2017-10-16. */
    public static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** US month/day/year, e.g. 06/19/2003 (BIS). */
    public static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** The date, or null for a blank cell; anything else that does not parse is an error. */
    public static LocalDate parse(Path file, long line, String field, String text, DateTimeFormatter format,
                                  String expected) throws ListFormatException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        // Some feeds write a time of day or a zone offset after ISO dates ("2019-05-21T00:00:00", the UN's
        // xsd:date "2015-04-07-04:00"); the calendar date is what counts.
        if (format == ISO && t.length() > 10 && "T+-Z".indexOf(t.charAt(10)) >= 0) {
            t = t.substring(0, 10);
        }
        try {
            return LocalDate.parse(t, format);
        } catch (DateTimeParseException e) {
            String shown = t.length() > 40 ? t.substring(0, 40) + "..." : t;
            throw new ListFormatException(file, line, field, "expected a date " + expected + ", got \"" + shown
                    + "\"", e);
        }
    }
}
