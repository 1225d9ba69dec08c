package org.exportguard.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.exportguard.core.hash.Sha256;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListLoader;
import org.exportguard.policy.screen.GivenLists;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.service.ListsInForce;
import org.exportguard.service.bundle.ListBundle;
import org.exportguard.store.FileBundle;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lists a job screens against, shipped to every executor as ONE file (its bytes broadcast once; Spark's
 * {@code addFile} copies were not found by executors of a standalone cluster in Spark 4) and indexed once
 * per executor JVM, keyed by the file's SHA-256:
 * <ul>
 * <li>a bundle exported from a store ({@code exportguard lists export}): the lists in force, named and aged exactly
 * as over the store;</li>
 * <li>list files and folders (as the CLI's {@code --list}): zipped on the driver into one file; each list named with
 * the content hash of its file or folder, as the CLI names it.</li>
 * </ul>
 * Only the small descriptor travels in task closures; never the index.
 */
final class ShippedLists implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The words of the one log line each JVM writes when it indexes a set of lists. */
    static final String INDEX_LOG = "lists";

    private final Broadcast<byte[]> file;
    private final String sha256;
    private final boolean bundle;
    private final int paths;
    private final List<String> names;

    private ShippedLists(Broadcast<byte[]> file, String sha256, boolean bundle, int paths, List<String> names) {
        this.file = file;
        this.sha256 = sha256;
        this.bundle = bundle;
        this.paths = paths;
        this.names = names;
    }

    /** On the driver: checks the lists load (a bad file fails here, once, with its reader's error) and ships them. */
    static ShippedLists ship(SparkSession spark, List<Path> given, Path scratch) throws IOException, ListFormatException {
        if (given.isEmpty()) {
            throw new JobException("no lists: give --lists with a bundle ('exportguard lists export') or list files");
        }
        for (Path p : given) {
            if (!Files.exists(p)) {
                throw new JobException(p + ": no such file or folder");
            }
        }
        if (given.size() == 1 && ListBundle.isBundle(given.get(0))) {
            Path b = given.get(0).toAbsolutePath();
            ListBundle.read(b); // fails here, on the driver, when it is bad
            byte[] bytes = Files.readAllBytes(b);
            return new ShippedLists(JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes),
                    Sha256.hex(bytes), true, 1, List.of());
        }
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Path staging = Files.createTempDirectory(scratch, "given-lists-");
        for (int i = 0; i < given.size(); i++) {
            Path p = given.get(i).toAbsolutePath().normalize();
            ListLoader.load(p); // fails here, on the driver, when it is bad
            Path into = staging.resolve(Integer.toString(i)).resolve(p.getFileName().toString());
            copy(p, into);
            names.add(i + "/" + p.getFileName());
        }
        FileBundle files0 = FileBundle.ofFolder(staging);
        byte[] zip = files0.zip();
        String sha = Sha256.hex(zip);
        return new ShippedLists(JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(zip), sha, false,
                given.size(), List.copyOf(names));
    }

    /** The content hash of what was shipped: one index per value per JVM. */
    String sha256() {
        return sha256;
    }

    /** The lists loaded and the screener over them. */
    record Loaded(List<PartyList> lists, PartyScreener screener) {
    }

    /** On an executor (or the driver): the screener over these lists, built once per JVM. */
    PartyScreener screener() {
        return loaded().screener();
    }

    /** On an executor (or the driver): the lists and their screener, loaded once per JVM. */
    Loaded loaded() {
        return ExecutorCache.get("lists:" + sha256, () -> {
            long start = System.nanoTime();
            Path local = Files.createTempFile("exportguard-lists-", ".zip");
            Loaded l;
            try {
                Files.write(local, file.value());
                l = load(local);
            } finally {
                Files.deleteIfExists(local);
            }
            // one line per JVM, in the executor's log: how a reader checks the index is built once per executor
            System.err.println(String.format(java.util.Locale.ROOT, "exportguard-spark: %s %s indexed in this JVM "
                    + "in %.1f s (%d parties)", INDEX_LOG, sha256.substring(0, 12), (System.nanoTime() - start) / 1e9,
                    l.screener().index().parties().size()));
            return l;
        });
    }

    /** The screener the store or the CLI would build over these lists, from the local copy of the shipped file. */
    Loaded load(Path local) throws IOException, ListFormatException {
        if (bundle) {
            ListsInForce inForce = ListBundle.read(local).inForce(Clock.systemUTC(), Staleness.DEFAULT);
            return new Loaded(inForce.lists(), inForce.screener());
        }
        Path dir = Files.createTempDirectory("exportguard-given-");
        try {
            FileBundle.unzip(Files.readAllBytes(local)).writeTo(dir);
            List<PartyList> lists = new ArrayList<>();
            Map<String, String> versions = new TreeMap<>();
            for (String n : names) {
                Path p = dir.resolve(n);
                for (PartyList l : ListLoader.load(p)) {
                    lists.add(l);
                    GivenLists.addVersion(versions, l, p);
                }
            }
            return new Loaded(lists, PartyScreener.over(lists, versions));
        } finally {
            org.exportguard.store.TempDirs.deleteQuietly(dir);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (var s = Files.walk(from)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Path t = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(t);
                    } else {
                        Files.createDirectories(t.getParent());
                        Files.copy(f, t);
                    }
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
    }
}
