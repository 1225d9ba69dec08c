package org.exportguard.cli;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListHash;
import org.exportguard.policy.eval.ScreeningContext;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.policy.pack.PolicyPack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What deal commands need: the policy pack ({@code --policy DIR}, or the pack shipped in the jar) and the lists to
 * screen against ({@code --list PATH ...}, or the sample lists shipped in the jar), each list with its content hash
 * as its version.
 */
final class DealInputs {
    private DealInputs() {
    }

    static PolicyPack pack(Path dir) throws UserException {
        try {
            return dir == null ? PackLoader.loadDefault() : PackLoader.load(dir);
        } catch (PolicyFormatException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The given lists, or the shipped sample lists when none are given. */
    static ScreeningContext screening(Context ctx, List<Path> paths) throws UserException, IOException {
        if (paths != null && !paths.isEmpty()) {
            List<PartyList> lists = new ArrayList<>();
            Map<String, String> versions = new TreeMap<>();
            for (Path p : paths) {
                for (PartyList l : ctx.loadList(p)) {
                    lists.add(l);
                    addVersion(versions, l, p);
                }
            }
            return ScreeningContext.of(lists, versions);
        }
        return sampleLists(ctx);
    }

    /** The sample lists shipped in the jar (copied to a temporary folder, loaded, and the folder deleted). */
    static ScreeningContext sampleLists(Context ctx) throws UserException, IOException {
        Path dir = Files.createTempDirectory("exportguard-samples-");
        try {
            DemoCommand.copySamples(dir);
            List<PartyList> lists = new ArrayList<>();
            Map<String, String> versions = new TreeMap<>();
            for (String f : DemoCommand.LISTS) {
                for (PartyList l : ctx.loadList(dir.resolve(f))) {
                    lists.add(l);
                    addVersion(versions, l, dir.resolve(f));
                }
            }
            return ScreeningContext.of(lists, versions);
        } finally {
            DemoCommand.deleteTree(dir);
        }
    }

    /** A list's version is the SHA-256 of the file or folder it was read from; two files of one id join theirs. */
    static void addVersion(Map<String, String> versions, PartyList l, Path given) throws UserException {
        Path source = given;
        if (l.origin() != null && Files.exists(Path.of(l.origin()))) {
            source = Path.of(l.origin());
        }
        String v;
        try {
            v = "sha256:" + ListHash.of(source);
        } catch (IOException e) {
            throw UserException.at(source, 0, null, "cannot read: " + e.getMessage());
        }
        versions.merge(l.id(), v, (a, b) -> a.equals(b) ? a : a + "+" + b);
    }
}
