package org.exportguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code exportguard deal ...}: decisions on export deals. */
@Command(name = "deal", mixinStandardHelpOptions = true, description = "Decides export deals under the policy pack.")
public final class DealCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
