package org.exportguard.policy.screen;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How old each stored list source may get before decisions that need it say it is stale: per source, with a
 * default for the others (2 days: the lists ExportGuard reads are published daily). Age counts from when the store
 * last confirmed the source current. Lists the caller gives explicitly are never checked. Immutable.
 */
public final class Staleness {
    /** Two days: a daily list missed once is still current, missed twice it is not. */
    public static final Duration DEFAULT_LIMIT = Duration.ofDays(2);
    public static final Staleness DEFAULT = new Staleness(Map.of(), DEFAULT_LIMIT);

    private final Map<String, Duration> limits;
    private final Duration defaultLimit;

    public Staleness(Map<String, Duration> limits, Duration defaultLimit) {
        this.limits = Collections.unmodifiableMap(new TreeMap<>(limits));
        this.defaultLimit = defaultLimit;
    }

    /** The limit of {@code source}. */
    public Duration limitOf(String source) {
        return limits.getOrDefault(source, defaultLimit);
    }

    /** These limits with {@code source}'s set ({@code *}: the default for every source not named). */
    public Staleness with(String source, Duration limit) {
        if (source.equals("*")) {
            return new Staleness(limits, limit);
        }
        Map<String, Duration> m = new TreeMap<>(limits);
        m.put(source, limit);
        return new Staleness(m, defaultLimit);
    }

    /** These limits, each of {@code others} replacing the one of its source. */
    public Staleness with(Map<String, Duration> others) {
        Staleness s = this;
        for (Map.Entry<String, Duration> e : others.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * {@code SOURCE=DAYS} (DAYS a positive number, fractions allowed: {@code 0.5} is 12 hours; SOURCE {@code *} for
     * every source not named) as given to {@code --max-list-age}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Map.Entry<String, Duration> parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("expected SOURCE=DAYS (e.g. OFAC-SDN=2, or *=3 for every source), got '"
                    + text + "'");
        }
        String source = text.substring(0, eq).strip();
        String days = text.substring(eq + 1).strip();
        double d;
        try {
            d = Double.parseDouble(days);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + days + "' is not a number of days in '" + text + "'");
        }
        if (!(d > 0) || d > 36_500) {
            throw new IllegalArgumentException("the number of days must be above 0 (and at most 36500), got '"
                    + text + "'");
        }
        return Map.entry(source, Duration.ofSeconds(Math.round(d * 86_400)));
    }

    /** Days as text: {@code 2}, {@code 0.5}. */
    public static String days(Duration d) {
        double days = d.toSeconds() / 86_400d;
        return days == Math.rint(days) ? Long.toString((long) days)
                : String.format(Locale.ROOT, "%.2f", days).replaceAll("0+$", "");
    }
}
