package org.exportguard.cli.serve;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as people write it: {@code 6h}, {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 1d}, or ISO-8601 {@code PT6H}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PARTS = Pattern.compile("(\\d{1,9})([dhms])");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** The duration, or a picocli type conversion error saying what is accepted. */
    public static Duration parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(value);
            }
        }
        Matcher m = PARTS.matcher(v);
        Duration d = Duration.ZERO;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                throw bad(value);
            }
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            at = m.end();
        }
        if (at == 0 || at != v.length()) {
            throw bad(value);
        }
        return d;
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 6h, 30m, 1h30m, "
                + "90s, 1d)");
    }
}
