package org.exportguard.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates folders (0700) and files (0600) only their owner can read: a store holds deals, decisions and token
 * hashes, which other users of the machine have no business reading. The mode is set when the file is created,
 * never after, so there is no moment in which it is readable by others. Where the file system has no POSIX
 * permissions (Windows), the platform's defaults apply.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates {@code dir} and any missing parents, each it creates 0700. */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        if (abs.getParent() != null) {
            createDirectories(abs.getParent());
        }
        try {
            if (POSIX) {
                Files.createDirectory(abs, attribute("rwx------"));
            } else {
                Files.createDirectory(abs);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            } // another process made it meanwhile
        }
        return dir;
    }

    /** Creates the empty file {@code file}, 0600. */
    public static Path createFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, attribute("rw-------")) : Files.createFile(file);
    }

    private static FileAttribute<?> attribute(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
