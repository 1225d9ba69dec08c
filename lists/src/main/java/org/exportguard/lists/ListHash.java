package org.exportguard.lists;

import org.exportguard.core.hash.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content hash of a list file or folder: the id of a list version wherever it is stored or cited.
 *
 * <p>A file hashes to the SHA-256 of its bytes, so the figure can be checked with {@code sha256sum}. A folder (an
 * OFAC CSV set, or a folder of lists) hashes every regular file under it in path order, each framed by its relative
 * path and length, so renaming, moving or changing any file changes the hash and the folder's own location does not.
 */
public final class ListHash {
    private ListHash() {
    }

    /** Lower-case hex SHA-256 of the file, or of the folder's files as described above. */
    public static String of(Path path) throws IOException {
        MessageDigest sha = Sha256.digest();
        if (Files.isDirectory(path)) {
            for (Path file : filesUnder(path)) {
                String rel = path.relativize(file).toString().replace('\\', '/');
                sha.update(rel.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                digestFile(sha, file);
            }
        } else {
            digestFile(sha, path);
        }
        return Sha256.hex(sha);
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void digestFile(MessageDigest sha, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Sha256.update(sha, in);
        }
    }
}
