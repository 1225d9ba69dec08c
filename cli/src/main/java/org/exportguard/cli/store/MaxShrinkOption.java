package org.exportguard.cli.store;

import org.exportguard.store.ListVersions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --max-shrink PERCENT}: the largest share of a source's entries a new version may drop before the import
 * refuses it (the store's one shrink rule, {@link ListVersions.Rules}; default 50%).
 */
public final class MaxShrinkOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-shrink", paramLabel = "PERCENT",
            description = "The largest share of a source's entries, in percent (0-100), a new version may drop "
                    + "before it is refused as an implausible shrink (default: 50).")
    Double maxShrink;

    /** The import rules: this share (or the default), and {@code allowShrink}; a bad value is a usage error. */
    public ListVersions.Rules rules(boolean allowShrink) {
        try {
            return ListVersions.Rules.of(maxShrink, allowShrink);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--max-shrink': "
                    + e.getMessage());
        }
    }
}
