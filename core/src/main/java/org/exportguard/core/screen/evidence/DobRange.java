package org.exportguard.core.screen.evidence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as a span of days, as precise as it was given: a day ({@code 1951-06-19}), a month
 * ({@code 1951-06}), a year ({@code 1951}) or a range ({@code 1950..1955}). Queries are parsed strictly
 * ({@link #parseQuery}: a bad date is the caller's error); listed dates leniently ({@link #parseListed}: the lists
 * write "19 Jun 1951", "circa 1960", "1960 to 1962", and what cannot be read is simply not evidence).
 */
public record DobRange(LocalDate from, LocalDate to) {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[ /.-]([A-Za-z]{3,9}|\\d{1,2})[ /.-](\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})[ ,]+(\\d{4})");
    private static final Pattern YEARS = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    public DobRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a date range must not end before it starts: " + from + ".." + to);
        }
    }

    /** True when the span is one day. */
    public boolean isDay() {
        return from.equals(to);
    }

    /** True when the span lies within one calendar year. */
    public boolean withinOneYear() {
        return from.getYear() == to.getYear();
    }

    public boolean overlaps(DobRange o) {
        return !from.isAfter(o.to) && !o.from.isAfter(to);
    }

    /** As written back: {@code 1951-06-19}, {@code 1951}, {@code 1950-01-01..1955-12-31}. */
    @Override
    public String toString() {
        if (isDay()) {
            return from.toString();
        }
        if (from.getDayOfYear() == 1 && to.equals(LocalDate.of(to.getYear(), 12, 31))) {
            return from.getYear() == to.getYear() ? String.valueOf(from.getYear())
                    : from.getYear() + ".." + to.getYear();
        }
        return from + ".." + to;
    }

    /**
     * A query's date of birth: {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, or two of them joined by
     * {@code ..} for a range. Throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static DobRange parseQuery(String text) {
        String t = text.strip();
        int dots = t.indexOf("..");
        try {
            if (dots >= 0) {
                DobRange a = iso(t.substring(0, dots).strip());
                DobRange b = iso(t.substring(dots + 2).strip());
                return new DobRange(a.from, b.to);
            }
            return iso(t);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of birth (expected YYYY, YYYY-MM, "
                    + "YYYY-MM-DD or a range FROM..TO of those)");
        }
    }

    private static DobRange iso(String t) {
        Matcher m = ISO.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(t);
        }
        return of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** A span for year, month (0 = unknown) and day (0 = unknown). */
    private static DobRange of(int year, int month, int day) {
        if (month == 0) {
            return new DobRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (day == 0) {
            YearMonth ym = YearMonth.of(year, month);
            return new DobRange(ym.atDay(1), ym.atEndOfMonth());
        }
        LocalDate d = LocalDate.of(year, month, day);
        return new DobRange(d, d);
    }

    /**
     * A listed date of birth as the lists write them, or null when it cannot be read: ISO dates and months,
     * "19 Jun 1951", "19/06/1951", "Jun 1951", a year; "circa" / "approximately" a year widens it by a year each
     * way; two years ("1960 to 1962", "Between 1955 and 1957") are a range.
     */
    public static DobRange parseListed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.matches()) {
                return iso(t);
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(t);
            if (dmy.matches()) {
                int month = month(dmy.group(2));
                return month == 0 ? null : of(Integer.parseInt(dmy.group(3)), month, Integer.parseInt(dmy.group(1)));
            }
            Matcher my = MONTH_YEAR.matcher(t);
            if (my.matches() && month(my.group(1)) > 0) {
                return of(Integer.parseInt(my.group(2)), month(my.group(1)), 0);
            }
            Matcher years = YEARS.matcher(t);
            int first = 0;
            int last = 0;
            int count = 0;
            while (years.find()) {
                int y = Integer.parseInt(years.group(1));
                first = count == 0 ? y : Math.min(first, y);
                last = Math.max(last, y);
                count++;
            }
            if (count == 0 || count > 2) {
                return null;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (count == 1 && (lower.contains("circa") || lower.contains("approx") || lower.startsWith("c."))) {
                first--;
                last++;
            }
            return new DobRange(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int month(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            int m = Integer.parseInt(text);
            return m >= 1 && m <= 12 ? m : 0;
        }
        return MONTHS.getOrDefault(text.substring(0, 3).toLowerCase(Locale.ROOT), 0);
    }
}
