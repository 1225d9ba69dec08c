package org.exportguard.policy.screen;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists given as files (not from a store): each list's version is the SHA-256 of the file or folder it was read
 * from, and no staleness applies (the caller chose them). The CLI's {@code --list} and the Spark jobs' list files
 * name their versions this one way, so both give the same answers on the same files.
 */
public final class GivenLists {
    private GivenLists() {
    }

    /** A screener over these loaded lists, each named with the content hash of where it was read from. */
    public static PartyScreener screener(List<PartyList> lists, List<Path> readFrom) throws IOException {
        if (lists.size() != readFrom.size()) {
            throw new IllegalArgumentException("one path per list");
        }
        Map<String, String> versions = new TreeMap<>();
        for (int i = 0; i < lists.size(); i++) {
            addVersion(versions, lists.get(i), readFrom.get(i));
        }
        return PartyScreener.over(lists, versions);
    }

    /**
     * Adds a list's version: the SHA-256 of the file or folder it was read from (its origin when that exists, else
     * the path given); two files of one list id join theirs with '+'.
     */
    public static void addVersion(Map<String, String> versions, PartyList l, Path given) throws IOException {
        Path source = given;
        if (l.origin() != null && Files.exists(Path.of(l.origin()))) {
            source = Path.of(l.origin());
        }
        versions.merge(l.id(), "sha256:" + ListHash.of(source), (a, b) -> a.equals(b) ? a : a + "+" + b);
    }
}
