package org.exportguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code exportguard} command. */
@Command(name = "exportguard", mixinStandardHelpOptions = true, version = "exportguard 0.1.0",
        description = "Screens parties against restricted-party lists and decides export deals.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
