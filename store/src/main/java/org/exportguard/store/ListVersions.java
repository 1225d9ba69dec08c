package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.FormatDetector;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * List versions: a list file or folder is read with {@link ListLoader} first (so a bad file is refused with the
 * reader's own error and nothing is stored), then its raw bytes are stored as a version. A stored version loads back
 * into the same {@link PartyList}s by extracting its files to a temporary folder and reading them the same way.
 */
public final class ListVersions {
    private final Versions versions;

    ListVersions(Versions versions) {
        this.versions = versions;
    }

    public Versions versions() {
        return versions;
    }

    /**
     * Imports the list at {@code path}. {@code source} null: the ids of the lists read, joined by '+'.
     * A file of an OFAC CSV set brings the set's other files from its folder, as {@link ListLoader} reads them.
     */
    public ImportResult importPath(Path path, String source, LocalDate effective, String actor)
            throws ListFormatException, IOException {
        List<PartyList> lists = ListLoader.load(path);
        FileBundle files;
        String loadEntry;
        if (Files.isDirectory(path)) {
            files = FileBundle.ofFolder(path);
            loadEntry = null;
        } else {
            Path folder = path.toAbsolutePath().getParent();
            List<Path> parts = new ArrayList<>();
            parts.add(path.toAbsolutePath());
            if (FormatDetector.detect(path).format().isOfac()) {
                parts = ofacSiblings(folder);
            }
            files = FileBundle.of(folder, parts);
            loadEntry = path.getFileName().toString();
        }
        ObjectNode counts = AuditLog.details();
        int parties = 0;
        ObjectNode perList = counts.putObject("lists");
        for (PartyList l : lists) {
            perList.put(l.id(), l.parties().size());
            parties += l.parties().size();
        }
        counts.put("parties", parties);
        String src = source != null ? source
                : lists.stream().map(PartyList::id).distinct().collect(Collectors.joining("+"));
        return versions.put(files, loadEntry, src, effective, path.toAbsolutePath().normalize().toString(), counts,
                actor);
    }

    /** The OFAC files in a folder (what {@link ListLoader} reads with a file of the set). */
    private static List<Path> ofacSiblings(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> s = Files.list(folder)) {
            all = s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
        }
        for (Path p : all) {
            try {
                FormatDetector.Detection d = FormatDetector.detect(p);
                if (d.recognised() && d.format().isOfac()) {
                    out.add(p);
                }
            } catch (ListFormatException e) {
                // not part of the set, as ListLoader sees it
            }
        }
        return out;
    }

    /** The lists of stored version {@code id}, read back with {@link ListLoader}. */
    public List<PartyList> load(long id) throws ListFormatException, IOException {
        Versions.Content content = versions.content(id);
        Path dir = Files.createTempDirectory("exportguard-list-" + id + "-");
        try {
            content.files().writeTo(dir);
            return ListLoader.load(content.loadEntry() == null ? dir : dir.resolve(content.loadEntry()));
        } finally {
            TempDirs.delete(dir);
        }
    }

}
