package org.exportguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks on option values that picocli's types cannot express; failures are usage errors (exit 2). */
public final class Options {
    private Options() {
    }

    public static void threshold(CommandSpec spec, double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--threshold': " + t + " is not between 0 and 1");
        }
    }

    public static void positive(CommandSpec spec, String option, double v) {
        if (!(v > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + v + " must be greater than 0");
        }
    }

    public static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
