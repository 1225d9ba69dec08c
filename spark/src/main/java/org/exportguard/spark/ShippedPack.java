package org.exportguard.spark;

import org.exportguard.core.hash.Sha256;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.policy.pack.PolicyPack;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy pack travelling with the tasks as its files' text (a pack is a few YAML files), parsed once per executor
 * JVM. Without {@code --policy}: the pack shipped in the jar, as the CLI uses.
 */
final class ShippedPack implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final List<String> texts;
    private final String key;

    private ShippedPack(List<String> names, List<String> texts, String key) {
        this.names = names;
        this.texts = texts;
        this.key = key;
    }

    /** On the driver: the pack folder's files (checked here, once), or the shipped pack when {@code dir} is null. */
    static ShippedPack of(Path dir) throws PolicyFormatException {
        if (dir == null) {
            return new ShippedPack(List.of(), List.of(), "pack:default");
        }
        PolicyPack pack = PackLoader.load(dir);
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (var s = java.nio.file.Files.list(dir)) {
            for (Path p : s.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                names.add(p.toString());
                texts.add(java.nio.file.Files.readString(p));
            }
        } catch (java.io.IOException e) {
            throw new PolicyFormatException(dir + ": cannot read: " + e.getMessage());
        }
        return new ShippedPack(List.copyOf(names), List.copyOf(texts), "pack:" + pack.version()
                + ":" + Sha256.hex(String.join("\u0000", texts)));
    }

    /** What identifies the pack (its version and the text of its files). */
    String key() {
        return key;
    }

    /** The pack, parsed once per JVM. */
    PolicyPack pack() {
        return ExecutorCache.get(key, () -> {
            if (names.isEmpty()) {
                return PackLoader.loadDefault();
            }
            List<PackLoader.PackFile> files = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                files.add(new PackLoader.PackFile(names.get(i), texts.get(i)));
            }
            return PackLoader.parse(files);
        });
    }
}
