package org.exportguard.cli.store;

import org.exportguard.policy.screen.Staleness;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --max-list-age SOURCE=DAYS}: how old a stored list source may get (counted from when the store last
 * confirmed it current) before the decisions that need it are REVIEW. Lists given with {@code --list} are never
 * checked.
 */
public final class ListAgeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-list-age", paramLabel = "SOURCE=DAYS",
            description = "How old a stored list source may be, in days since the store last confirmed it current, "
                    + "before decisions needing it are REVIEW (repeatable; SOURCE * sets every source not named; "
                    + "default 2 days for every source). Lists given with --list are not checked.")
    List<String> maxListAge = new ArrayList<>();

    /** The limits given, over the default of 2 days; a bad value is a usage error naming it. */
    public Staleness staleness() {
        Staleness s = Staleness.DEFAULT;
        for (String text : maxListAge) {
            try {
                Map.Entry<String, Duration> e = Staleness.parse(text);
                s = s.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--max-list-age: " + e.getMessage());
            }
        }
        return s;
    }
}
