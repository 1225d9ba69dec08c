package org.exportguard.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unzips an uploaded zip into a fresh folder, safely: every entry must land inside the folder (no absolute names,
 * no {@code ..}), at most {@link #MAX_ENTRIES} entries, and at most a given number of bytes in all once unpacked
 * (a zip bomb stops at the cap, not at the disk's end). Folders in the zip are kept; nothing else is followed.
 */
final class SafeUnzip {
    static final int MAX_ENTRIES = 1_000;

    /** A zip refused, and why. */
    static final class BadZip extends Exception {
        BadZip(String message) {
            super(message);
        }
    }

    private SafeUnzip() {
    }

    static void extract(Path zip, Path target, long maxBytes, int maxEntries) throws IOException, BadZip {
        Path root = Files.createDirectories(target).toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        // ZipFile reads the central directory: a streamed zip (zip -q - ..., entries with data descriptors) reads too
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var it = z.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                if (++entries > maxEntries) {
                    throw new BadZip("more than " + maxEntries + " entries");
                }
                String name = e.getName().replace('\\', '/');
                Path p = root.resolve(name).normalize();
                if (name.startsWith("/") || name.contains("\0") || !p.startsWith(root) || p.equals(root)) {
                    throw new BadZip("entry '" + name + "' would leave the upload's folder");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                    continue;
                }
                Files.createDirectories(p.getParent());
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        total += n;
                        if (total > maxBytes) {
                            throw new BadZip("over " + maxBytes + " bytes once unpacked");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw new BadZip("not a readable zip: " + e.getMessage());
        }
        if (entries == 0) {
            throw new BadZip("not a zip, or an empty one");
        }
    }
}
