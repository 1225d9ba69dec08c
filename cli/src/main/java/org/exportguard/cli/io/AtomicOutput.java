package org.exportguard.cli.io;

import org.exportguard.cli.UserException;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears complete or not at all: writing goes to a temporary file in the same folder, which
 * {@link #commit()} moves into place atomically. Closing without committing deletes the temporary file, so a failed
 * run leaves no half-written output (and leaves an existing file at the target untouched).
 */
public final class AtomicOutput implements Closeable {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temp) throws IOException {
        this.target = target;
        this.temp = temp;
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
                1 << 16);
    }

    public static AtomicOutput create(Path target) throws UserException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw UserException.at(target, 0, null, "cannot write: folder " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw UserException.at(target, 0, null, "cannot write: it is a folder");
        }
        try {
            Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
            return new AtomicOutput(abs, temp);
        } catch (IOException e) {
            throw UserException.at(target, 0, null, "cannot write: " + e.getMessage());
        }
    }

    public Writer writer() {
        return writer;
    }

    /** Flushes and moves the finished file into place. */
    public void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the temporary file is deleted below either way
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more we can do; it is a hidden .part file
            }
        }
    }
}
