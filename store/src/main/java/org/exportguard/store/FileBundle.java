package org.exportguard.store;

import org.exportguard.core.hash.Sha256;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The raw bytes of the files of one version, by relative path ('/'-separated, sorted), with their content hash and
 * a zip form for storage.
 *
 * <p>The hash ({@link #sha256(boolean)}) is {@link org.exportguard.lists.ListHash}'s: it depends on content and
 * relative names only, never on dates or the folder's own name, so the same list imported twice has the same hash.
 */
public final class FileBundle {
    private final Map<String, byte[]> files;

    private FileBundle(Map<String, byte[]> files) {
        this.files = files;
    }

    /** The given files, named relative to {@code root}. */
    public static FileBundle of(Path root, List<Path> paths) throws IOException {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        for (Path p : paths) {
            String name = root.relativize(p).toString().replace('\\', '/');
            m.put(name, Files.readAllBytes(p));
        }
        return new FileBundle(new LinkedHashMap<>(m));
    }

    /** Every regular file under {@code folder}, recursively. */
    public static FileBundle ofFolder(Path folder) throws IOException {
        return of(folder, regularFiles(folder));
    }

    public static List<Path> regularFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public int fileCount() {
        return files.size();
    }

    public long byteCount() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * The content hash, as {@link org.exportguard.lists.ListHash} computes it: {@code plainFile} (a bundle of the
     * one file that was imported) hashes that file's bytes; otherwise (a folder) every file in path order as
     * {@code <path>\0<length>\0<bytes>}.
     */
    public String sha256(boolean plainFile) {
        if (plainFile) {
            if (files.size() != 1) {
                throw new IllegalStateException("a plain-file hash of " + files.size() + " files");
            }
            return Sha256.hex(files.values().iterator().next());
        }
        MessageDigest md = Sha256.digest();
        files.forEach((name, bytes) -> {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            md.update(bytes);
        });
        return Sha256.hex(md);
    }

    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(6);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0);
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("zip in memory failed", e);
        }
        return bytes.toByteArray();
    }

    public static FileBundle unzip(byte[] zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return new FileBundle(m);
    }

    /** Writes the files under {@code dir} (which must exist); refuses names that would leave it. */
    public List<Path> writeTo(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = root.resolve(e.getKey()).normalize();
            if (!p.startsWith(root)) {
                throw new IOException("stored file name leaves its folder: " + e.getKey());
            }
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            out.add(p);
        }
        return out;
    }
}
