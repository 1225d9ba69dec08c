package org.exportguard.cli.store;

import org.exportguard.cli.UserException;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.service.fetch.SourceSpec;
import org.exportguard.service.fetch.SourcesFile;
import org.exportguard.service.fetch.SourcesFileException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How old a stored list source may get (counted from when the store last confirmed it current) before the decisions
 * that need it are REVIEW. Precedence, most specific first: {@code --max-list-age SOURCE=DAYS}, then
 * {@code --max-list-age *=DAYS} (every source not named there), then the source's {@code maxAgeDays} in the sources
 * file ({@code --sources FILE}, else the one shipped in the jar), then 2 days. Lists given with {@code --list} are
 * never checked.
 */
public final class ListAgeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-list-age", paramLabel = "SOURCE=DAYS",
            description = "How old a stored list source may be, in days since the store last confirmed it current, "
                    + "before decisions needing it are REVIEW (repeatable; SOURCE * sets every source not named; "
                    + "overrides the sources file's maxAgeDays; default: the sources file's, else 2 days). Lists "
                    + "given with --list are not checked.")
    List<String> maxListAge = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE",
            description = "The sources file (YAML) whose maxAgeDays limit each source's age (default: the one "
                    + "shipped in the jar); serve --refresh also fetches what it names.")
    Path sources;

    /** The sources file given with {@code --sources}, or the shipped one; a bad file is a user error naming the key. */
    public SourcesFile sourcesFile() throws UserException {
        if (sources == null) {
            return SourcesFile.shipped();
        }
        try {
            return SourcesFile.load(sources);
        } catch (SourcesFileException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Whether {@code --sources} was given. */
    public boolean sourcesGiven() {
        return sources != null;
    }

    /** The limits: the options given over the sources file's over 2 days; a bad value is a usage error naming it. */
    public Staleness staleness() throws UserException {
        return staleness(sourcesFile());
    }

    /** The limits: the options given over {@code file}'s {@code maxAgeDays} over 2 days. */
    public Staleness staleness(SourcesFile file) {
        Map<String, Duration> given = new LinkedHashMap<>();
        Duration every = null;
        for (String text : maxListAge) {
            try {
                Map.Entry<String, Duration> e = Staleness.parse(text);
                if (e.getKey().equals("*")) {
                    every = e.getValue();
                } else {
                    given.put(e.getKey(), e.getValue());
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--max-list-age: " + e.getMessage());
            }
        }
        return limits(file, every, given);
    }

    /**
     * {@code file}'s limits, replaced by {@code every} (null: not given) for every source, then by {@code given}
     * for the sources it names.
     */
    static Staleness limits(SourcesFile file, Duration every, Map<String, Duration> given) {
        Staleness s = Staleness.DEFAULT;
        if (every != null) {
            s = s.with("*", every);
        } else {
            for (SourceSpec spec : file.sources()) {
                s = s.with(spec.id(), Duration.ofDays(spec.maxAgeDays()));
            }
        }
        return s.with(given);
    }
}
