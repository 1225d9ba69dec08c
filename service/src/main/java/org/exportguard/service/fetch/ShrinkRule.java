package org.exportguard.service.fetch;

import java.util.Locale;

/**
 * How much smaller a new version of a source may be than the version in force before it is refused as implausible
 * (a publisher's broken export, a half-written file): over half fewer entries, or none at all. A real purge of
 * that size is imported by saying so ({@code --allow-shrink}).
 */
public final class ShrinkRule {
    /** The largest share of the entries in force a new version may lack. */
    public static final double MAX_SHRINK = 0.5;

    private ShrinkRule() {
    }

    /**
     * Why a version of {@code now} entries may not replace one of {@code before} entries (null: it may).
     *
     * @param before the entries of the version in force, or -1 when there is none (or its count is unknown)
     */
    public static String refusal(long before, long now) {
        if (now == 0) {
            return "the file holds no entries" + (before > 0 ? " where the version in force has " + before : "");
        }
        if (before > 0 && now < before * (1 - MAX_SHRINK)) {
            return String.format(Locale.ROOT, "%d entries where the version in force has %d (%.0f%% fewer; more "
                    + "than %.0f%% fewer is refused)", now, before, 100.0 * (before - now) / before, MAX_SHRINK * 100);
        }
        return null;
    }
}
