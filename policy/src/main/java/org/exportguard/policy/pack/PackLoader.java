package org.exportguard.policy.pack;

import org.exportguard.core.hash.Sha256;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a policy pack: every {@code *.yaml} file of a folder (or the default pack shipped in the jar), merged and
 * validated by {@link PackParser}. The pack's version ends with the SHA-256 of its files, so a decision names the
 * exact policy content it used.
 */
public final class PackLoader {
    /** The shipped pack's folder on the classpath; {@code index.txt} there names its files. */
    public static final String DEFAULT_PACK = "org/exportguard/policy/default-pack/";

    /** One file of a pack: the name used in messages, and its text. */
    public record PackFile(String name, String text) {
    }

    private PackLoader() {
    }

    /** The default pack shipped with ExportGuard. */
    public static PolicyPack loadDefault() throws PolicyFormatException {
        return parse(defaultFiles());
    }

    /** The files of the default pack, each named {@code default-pack/FILE}. */
    public static List<PackFile> defaultFiles() throws PolicyFormatException {
        ClassLoader cl = PackLoader.class.getClassLoader();
        List<PackFile> files = new ArrayList<>();
        try {
            String index = read(cl, DEFAULT_PACK + "index.txt");
            for (String line : index.split("\n")) {
                String f = line.strip();
                if (!f.isEmpty() && !f.startsWith("#")) {
                    files.add(new PackFile("default-pack/" + f, read(cl, DEFAULT_PACK + f)));
                }
            }
        } catch (IOException e) {
            throw new PolicyFormatException("default-pack: cannot read the shipped policy pack: " + e.getMessage());
        }
        return files;
    }

    /** Writes the default pack's files into {@code dir} (a starting point for a pack of one's own). */
    public static Path writeDefault(Path dir) throws PolicyFormatException, IOException {
        Files.createDirectories(dir);
        for (PackFile f : defaultFiles()) {
            Files.writeString(dir.resolve(f.name().substring(f.name().indexOf('/') + 1)), f.text(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Every {@code .yaml}/{@code .yml} file directly in {@code dir}, in name order. */
    public static PolicyPack load(Path dir) throws PolicyFormatException {
        if (!Files.isDirectory(dir)) {
            throw new PolicyFormatException(dir + ": not a folder (a policy pack is a folder of YAML files)");
        }
        List<PackFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                files.add(new PackFile(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new PolicyFormatException(dir + ": cannot read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new PolicyFormatException(dir + ": no .yaml files");
        }
        return parse(files);
    }

    /** Parses and validates the files of one pack. */
    public static PolicyPack parse(List<PackFile> files) throws PolicyFormatException {
        Map<String, Object> docs = new LinkedHashMap<>();
        for (PackFile f : files) {
            Object doc;
            try {
                doc = new Load(LoadSettings.builder().setLabel(f.name()).build()).loadFromString(f.text());
            } catch (YamlEngineException e) {
                throw new PolicyFormatException(f.name() + ": not valid YAML: "
                        + e.getMessage().replaceAll("\\s+", " ").strip());
            }
            docs.put(f.name(), doc);
        }
        return new PackParser(hash(files)).parse(docs);
    }

    static String hash(List<PackFile> files) {
        MessageDigest sha = Sha256.digest();
        files.stream().sorted(Comparator.comparing(PackFile::name)).forEach(f -> {
            String base = f.name().substring(f.name().replace('\\', '/').lastIndexOf('/') + 1);
            sha.update(base.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(f.text().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        });
        return Sha256.hex(sha);
    }

    private static String read(ClassLoader cl, String resource) throws IOException {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
