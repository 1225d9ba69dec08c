package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Policy versions: the YAML files of a policy pack folder, checked by a {@link PolicyValidator}, then stored. */
public final class PolicyVersions {
    private final Versions versions;

    PolicyVersions(Versions versions) {
        this.versions = versions;
    }

    public Versions versions() {
        return versions;
    }

    /** Imports the YAML files ({@code *.yaml}, {@code *.yml}, recursively) of {@code dir}. */
    public ImportResult importDir(Path dir, String source, LocalDate effective, String actor,
                                  PolicyValidator validator) throws IOException, PolicyValidator.InvalidPolicyException {
        if (!Files.isDirectory(dir)) {
            throw new PolicyValidator.InvalidPolicyException(dir + ": not a folder (a policy pack is a folder of YAML "
                    + "files)");
        }
        List<Path> yaml = FileBundle.regularFiles(dir).stream().filter(PolicyVersions::isYaml)
                .collect(Collectors.toList());
        if (yaml.isEmpty()) {
            throw new PolicyValidator.InvalidPolicyException(dir + ": no policy files (*.yaml, *.yml) in folder");
        }
        validator.validate(dir);
        FileBundle files = FileBundle.of(dir, yaml);
        ObjectNode counts = AuditLog.details();
        counts.put("files", files.fileCount());
        String src = source != null ? source : dir.toAbsolutePath().normalize().getFileName().toString();
        return versions.put(files, null, src, effective, dir.toAbsolutePath().normalize().toString(), counts, actor);
    }

    /** Writes the stored files of version {@code id} under {@code dir} (which must exist). */
    public void extract(long id, Path dir) throws IOException {
        versions.content(id).files().writeTo(dir);
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
