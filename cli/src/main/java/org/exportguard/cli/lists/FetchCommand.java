package org.exportguard.cli.lists;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.cli.store.MaxShrinkOption;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.json.Json;
import org.exportguard.service.Desk;
import org.exportguard.service.fetch.Downloader;
import org.exportguard.service.fetch.FetchResult;
import org.exportguard.service.fetch.ListFetcher;
import org.exportguard.service.fetch.SourceSpec;
import org.exportguard.service.fetch.SourcesFile;
import org.exportguard.service.fetch.SourcesFileException;
import org.exportguard.store.FetchState;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code exportguard lists fetch}: downloads each list source from its publisher (the sources file), checks it, and
 * imports what changed as {@code lists import} does. One line per source on stdout; exit 3 when any source failed
 * (the others were fetched), and a failed source keeps its version in force.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Downloads each list source from its publisher (the sources file: by default the one shipped",
                "in the jar, with the official addresses), checks it (the reader reads it, format and list id",
                "agree, not over half fewer entries than the version in force) and imports what changed as a new",
                "list version with its change impact. An unchanged file (HTTP 304, or the same SHA-256) only",
                "records the source as confirmed current. A failure imports nothing: the version in force stays.",
                "One line per source: fetched, unchanged or failed, and why. Exit 3 when any source failed."})
public final class FetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sources", paramLabel = "FILE",
            description = "The sources file (YAML; default: the one shipped in the jar).")
    Path sources;

    @Option(names = "--source", paramLabel = "ID",
            description = "Fetch only this source (repeatable); a source the file disables is fetched when named.")
    List<String> only = new ArrayList<>();

    @Option(names = "--allow-shrink",
            description = "Import a version with over half fewer entries than the one in force (or none at all).")
    boolean allowShrink;

    @Mixin
    MaxShrinkOption maxShrink;

    @Mixin
    StoreOptions store;

    private final Context ctx;

    public FetchCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        SourcesFile file = sourcesFile(sources);
        List<SourceSpec> chosen = choose(spec, file, only);
        org.exportguard.store.ListVersions.Rules rules = maxShrink.rules(allowShrink);
        boolean failed = false;
        try (Store s = store.openOrCreate()) {
            ListFetcher fetcher = new ListFetcher(new Desk(s), new Downloader());
            for (SourceSpec source : chosen) {
                FetchResult r = fetcher.fetch(source, rules, store.actor());
                ctx.out().println(CliText.safe(r.line()));
                ctx.out().flush();
                failed |= r.failed();
            }
        }
        return failed ? Main.EXIT_BAD_LINES : Main.EXIT_OK;
    }

    /** The sources file at {@code path}, or the shipped one (null); a bad file is a user error naming the key. */
    public static SourcesFile sourcesFile(Path path) throws UserException {
        if (path == null) {
            return SourcesFile.shipped();
        }
        try {
            return SourcesFile.load(path);
        } catch (SourcesFileException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The sources named (in that order), or the enabled ones; an unknown name is a usage error. */
    static List<SourceSpec> choose(CommandSpec spec, SourcesFile file, List<String> names) throws UserException {
        if (names.isEmpty()) {
            List<SourceSpec> enabled = file.enabled();
            if (enabled.isEmpty()) {
                throw new UserException(file.name() + ": no source is enabled; name one with --source");
            }
            return enabled;
        }
        List<SourceSpec> out = new ArrayList<>();
        for (String n : new LinkedHashSet<>(names)) {
            out.add(file.get(n).orElseThrow(() -> Options.usage(spec, "Invalid value for option '--source': "
                    + n + " is not in " + file.name() + " (it has " + String.join(", ", file.sources().stream()
                    .map(SourceSpec::id).toList()) + ")")));
        }
        return out;
    }

    /** The fetch-status section of {@code lists history}: one row per source ever fetched; empty when none was. */
    static String statusText(List<FetchState> states) {
        if (states.isEmpty()) {
            return "";
        }
        CliText.Table t = new CliText.Table("source", "status", "last success", "version", "last attempt",
                "outcome", "last failure", "failures", "reason");
        for (FetchState s : states) {
            t.row(s.source(), s.status(), s.confirmedAt() == null ? "never" : s.confirmedAt(),
                    s.confirmedVersionId() == null ? "-" : s.confirmedVersionId(), s.lastAttemptAt(), s.lastOutcome(),
                    s.lastFailureAt() == null ? "-" : s.lastFailureAt(), s.consecutiveFailures(),
                    s.lastFailureReason() == null ? "-" : s.lastFailureReason());
        }
        return "\nfetch status (lists fetch, serve --refresh; failures: in a row since the last success)\n"
                + t.render("");
    }

    /**
     * {@code lists history --json}: the versions as before, the newest version of each fetched source with its
     * source's fetch state under {@code fetch}.
     */
    /**
     * {@code lists history --json}: {@code {"versions":[...],"events":[...]}}, each version marked {@code inForce},
     * and the version in force of a fetched source carrying its fetch state under {@code fetch}.
     */
    static String historyJson(org.exportguard.cli.store.VersionsCommands.ListHistory h, List<FetchState> states) {
        com.fasterxml.jackson.databind.node.ObjectNode root = Json.object();
        ArrayNode a = root.putArray("versions");
        for (VersionInfo v : h.versions()) {
            var o = v.toJson();
            VersionInfo n = h.inForce().get(v.source());
            o.put("inForce", n != null && n.id() == v.id());
            if (n != null && n.id() == v.id()) {
                states.stream().filter(s -> s.source().equals(v.source())).findFirst()
                        .ifPresent(s -> o.set("fetch", s.toJson()));
            }
            a.add(o);
        }
        ArrayNode e = root.putArray("events");
        h.events().forEach(x -> e.add(x.toJson()));
        return Json.pretty(root) + "\n";
    }
}
