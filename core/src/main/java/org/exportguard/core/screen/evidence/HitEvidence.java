package org.exportguard.core.screen.evidence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The secondary evidence of one hit: the score its name alone earned, and each comparison that moved it.
 * An empty {@code items} means the query's evidence met nothing the entry lists (a missing field changes nothing).
 */
public record HitEvidence(double nameScore, List<Evidence> items) {
    public HitEvidence {
        items = List.copyOf(items);
    }

    /** The sum of every item's effect. */
    public double effect() {
        return items.stream().mapToDouble(Evidence::effect).sum();
    }

    /** {@code name 0.8200; dob 1951 = listed 19 Jun 1951 (same year) +0.05}, or the name score alone. */
    public String toText() {
        String name = String.format(java.util.Locale.ROOT, "name %.4f", nameScore);
        if (items.isEmpty()) {
            return name + "; no evidence compared (the entry lists none of the query's fields)";
        }
        return name + "; " + items.stream().map(Evidence::toText).collect(Collectors.joining("; "));
    }
}
