package org.exportguard.cli.lists;

import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.UserException;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.service.bundle.ListBundle;
import org.exportguard.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code exportguard lists export --output lists.zip}: the lists in force in the store as one bundle (each source's
 * stored version, its hash and when it was last confirmed current), for the Spark jobs or another machine to screen
 * against exactly what the store would. Written to a hidden file beside the target and moved into place.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the lists in force in the store to one bundle file (a zip with a manifest): what the",
                "Spark jobs' --lists takes. Each source's version, SHA-256 and age travel with it."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--output", paramLabel = "ZIP", required = true, description = "The bundle file to write.")
    Path output;

    @Mixin
    StoreOptions store;

    private final Context ctx;

    public ExportCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path target = output.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw UserException.at(output, 0, null, "cannot write: folder " + target.getParent() + " does not exist");
        }
        try (Store s = store.open()) {
            if (s.lists().inForce().isEmpty()) {
                throw new UserException("no lists to export: the store at " + store.location().describe()
                        + " holds none. Import them with 'exportguard lists import PATH' or 'lists fetch'");
            }
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            try {
                int sources;
                try (OutputStream out = Files.newOutputStream(temp)) {
                    sources = ListBundle.export(s, out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                ctx.out().println("exported " + sources + " list sources in force -> " + output);
            } catch (IOException e) {
                throw UserException.at(output, 0, null, "cannot write: " + e.getMessage());
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return Main.EXIT_OK;
    }
}
