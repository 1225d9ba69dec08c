package org.exportguard.cli.deals;

import org.exportguard.cli.Context;
import org.exportguard.cli.UserException;
import org.exportguard.cli.demo.DemoCommand;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListHash;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.policy.screen.ListCoverage;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.service.ListsInForce;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What deal commands need: the policy pack ({@code --policy DIR}, or the pack shipped in the jar) and the lists to
 * screen against: {@code --list PATH ...} (each list with its content hash as its version), else the lists in force
 * in the store. Never the shipped samples (only {@code demo} and the benches' own workloads use those): a decision
 * against sample lists would look real and be worthless.
 */
public final class DealInputs {
    private DealInputs() {
    }

    public static PolicyPack pack(Path dir) throws UserException {
        try {
            return dir == null ? PackLoader.loadDefault() : PackLoader.load(dir);
        } catch (PolicyFormatException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * The given lists; else the version in force of each list source in the store, which must exist (a missing
     * store is an error naming it, so a mistyped {@code --data-dir} cannot pass for an empty list). A store
     * without lists gives a screener over none: every list a regime needs is then missing, which makes it REVIEW
     * naming the source, never CLEARED.
     */
    public static PartyScreener screener(Context ctx, List<Path> paths, StoreOptions store)
            throws UserException, IOException {
        return screener(ctx, paths, store, Staleness.DEFAULT);
    }

    /** As {@link #screener(Context, List, StoreOptions)}, the stored lists held to {@code staleness}. */
    public static PartyScreener screener(Context ctx, List<Path> paths, StoreOptions store, Staleness staleness)
            throws UserException, IOException {
        if (paths != null && !paths.isEmpty()) {
            return screener(ctx, paths);
        }
        return storedLists(store, staleness);
    }

    /** The version in force of each list source in the store (none when it holds no lists). */
    private static PartyScreener storedLists(StoreOptions options, Staleness staleness)
            throws UserException, IOException {
        try (Store store = options.open()) {
            Map<String, VersionInfo> latest = store.lists().inForce();
            List<PartyList> lists = new ArrayList<>();
            Map<String, String> versions = new TreeMap<>();
            Map<String, List<PartyList>> bySource = new TreeMap<>();
            for (VersionInfo v : latest.values()) {
                for (PartyList l : store.lists().load(v.id())) {
                    // one version per list: a version stored before one version per source (its source the list
                    // ids joined by '+') gives way to a list's own source in force
                    if (!l.id().equals(v.source()) && latest.containsKey(l.id())) {
                        continue;
                    }
                    lists.add(l);
                    bySource.computeIfAbsent(v.source(), k -> new ArrayList<>()).add(l);
                    versions.put(l.id(), "sha256:" + v.sha256());
                }
            }
            // aged from the later of each version's import and a fetch's confirmation of that same version
            ListCoverage coverage = ListsInForce.coverage(latest, bySource,
                    ListsInForce.confirmations(latest, store.fetchStates().all()), store.database().clock(), staleness);
            return new PartyScreener(lists, ScreeningIndex.build(lists), versions, coverage,
                    NameMatcher.DEFAULT_THRESHOLD, PartyScreener.DEFAULT_LIMIT);
        } catch (ListFormatException e) {
            throw new UserException("a stored list version cannot be read: " + e.getMessage(), e);
        }
    }

    /** The given lists (at least one path). */
    public static PartyScreener screener(Context ctx, List<Path> paths) throws UserException, IOException {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("no list paths given");
        }
        List<PartyList> lists = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        for (Path p : paths) {
            for (PartyList l : ctx.loadList(p)) {
                lists.add(l);
                addVersion(versions, l, p);
            }
        }
        return PartyScreener.over(lists, versions);
    }

    /**
     * The sample lists shipped in the jar (copied to a temporary folder, loaded, and the folder deleted): for the
     * benches' generated workloads only, never for a decision someone reads.
     */
    public static PartyScreener sampleLists(Context ctx) throws UserException, IOException {
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
            return PartyScreener.over(lists, versions);
        } finally {
            org.exportguard.store.TempDirs.deleteQuietly(dir);
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
