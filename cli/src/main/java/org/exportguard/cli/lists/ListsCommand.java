package org.exportguard.cli.lists;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.UserException;
import org.exportguard.cli.deals.DealsCommand;
import org.exportguard.cli.store.MaxShrinkOption;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.cli.store.VersionsCommands;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.ListedParty;
import org.exportguard.json.Json;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListHash;
import org.exportguard.lists.ListInspector;
import org.exportguard.lists.diff.ListDiff;
import org.exportguard.lists.diff.ListDiffJson;
import org.exportguard.store.ImportResult;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.service.impact.ImportOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code exportguard lists ...}: work with list files. */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Work with restricted-party list files.")
public final class ListsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code lists import PATH}: stores the list as an immutable, content-hashed version. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Reads a list file or folder (refused, with the reader's error, when it is bad) and stores it",
                    "as a new list version; the same content again is a no-op that says so."})
    public static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "A list file, or a folder of lists.")
        Path path;

        @Option(names = "--source", paramLabel = "ID", description = "The one list source the path holds, checked against what is read: OFAC-SDN, OFAC-CONS, US-CSL, BIS-DPL, UN-SC, EU-FSF, UK-SL or OS-<DATASET> (default: each source it holds, one version each).")
        String source;

        @Option(names = "--effective", paramLabel = "DATE", description = "The date it takes effect, YYYY-MM-DD (default: on import; a future date stores it, in force from that day).")
        LocalDate effective;

        @Option(names = "--allow-shrink", description = "Import a version with over half fewer entries than the version of its source in force (refused otherwise).")
        boolean allowShrink;

        @Mixin
        MaxShrinkOption maxShrink;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public Import(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(path)) {
                throw UserException.at(path, 0, null, "no such file or folder");
            }
            List<ImportOutcome> all;
            try (Store s = store.openOrCreate()) {
                all = new Desk(s).importLists(path, source, effective, store.actor(),
                        maxShrink.rules(allowShrink));
            } catch (ServiceException e) {
                if (e.getCause() instanceof ListFormatException || e.getCause() instanceof IOException) {
                    throw new UserException(e.getMessage() + " (nothing imported)", e);
                }
                throw DealsCommand.failure(e);
            }
            for (ImportOutcome r : all) {
                ctx.out().println(VersionsCommands.imported("list", r.imported()));
                ctx.out().println(VersionsCommands.impact(r));
            }
            return Main.EXIT_OK;
        }
    }

    /** {@code lists history}: the stored list versions. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = {"Lists the stored list versions, one "
            + "row per version of each source, oldest first, the events that put them in force, and how fetching each "
            + "source went (lists fetch, serve --refresh): last success, last failure and why."})
    public static final class History implements Callable<Integer> {
        @Option(names = "--json", description = "JSON instead of a table.")
        boolean json;

        @Mixin
        StoreOptions store;

        private final Context ctx;

        public History(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                VersionsCommands.ListHistory h = new VersionsCommands.ListHistory(s.lists().versions().history(),
                        s.lists().events(), s.lists().inForce());
                List<org.exportguard.store.FetchState> fetched = s.fetchStates().all();
                if (json) {
                    ctx.out().print(FetchCommand.historyJson(h, fetched));
                } else {
                    ctx.out().print(VersionsCommands.listHistory(h, false) + FetchCommand.statusText(fetched));
                }
            }
            return Main.EXIT_OK;
        }
    }

    /** {@code lists inspect PATH}: what a list file or folder holds and what is wrong with it. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Loads a list file or folder and reports its format, counts and problems.")
    public static final class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "A list file, or a folder of lists.")
        Path path;

        @Option(names = "--json", description = "JSON instead of text.")
        boolean json;

        private final Context ctx;

        public Inspect(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<PartyList> lists = ctx.loadList(path);
            ObjectNode report = Json.object();
            report.put("path", path.toString());
            ArrayNode arr = report.putArray("lists");
            lists.forEach(l -> arr.add(inspect(l)));
            if (json) {
                ctx.out().println(Json.pretty(report));
            } else {
                ctx.out().print(CliText.safe(text(report)));
            }
            return Main.EXIT_OK;
        }

        /** Counts and problems of one list (see {@link ListInspector}) as JSON. */
        static ObjectNode inspect(PartyList l) {
            ListInspector.Inspection i = ListInspector.inspect(l);
            ObjectNode o = Json.object();
            o.put("id", i.listId());
            o.put("format", i.format());
            o.put("origin", i.origin());
            o.put("parties", i.entries());
            ObjectNode types = o.putObject("types");
            i.byType().forEach((t, n) -> types.put(t.label(), n));
            ObjectNode aliases = o.putObject("aliases");
            aliases.put("total", i.aliases());
            aliases.put("strong", i.strongAliases());
            aliases.put("weak", i.weakAliases());
            aliases.put("originalScript", i.originalScriptAliases());
            o.put("addresses", i.addresses());
            o.put("partiesWithoutAddress", i.entriesWithoutAddress());
            o.put("identifiers", i.identifiers());
            o.put("partiesWithDateOfBirth", i.entriesWithDateOfBirth());
            ObjectNode programs = o.putObject("programs");
            i.programs().forEach(programs::put);
            ArrayNode pr = o.putArray("problems");
            i.problems().forEach(pr::add);
            return o;
        }

        static String text(ObjectNode report) {
            StringBuilder sb = new StringBuilder();
            sb.append(report.get("path").asText()).append(": ").append(report.get("lists").size())
              .append(report.get("lists").size() == 1 ? " list\n" : " lists\n");
            for (var l : report.get("lists")) {
                sb.append('\n').append(l.get("id").asText()).append("  (format ").append(l.get("format").asText())
                  .append(", from ").append(l.get("origin").asText()).append(")\n");
                sb.append("  parties      ").append(l.get("parties").asInt()).append('\n');
                StringBuilder types = new StringBuilder();
                l.get("types").fields().forEachRemaining(e -> {
                    if (e.getValue().asInt() > 0) {
                        types.append(types.length() > 0 ? ", " : "").append(e.getKey()).append(' ')
                             .append(e.getValue().asInt());
                    }
                });
                sb.append("  by type      ").append(types.length() == 0 ? "-" : types).append('\n');
                var a = l.get("aliases");
                sb.append("  aliases      ").append(a.get("total").asInt()).append(" (strong ")
                  .append(a.get("strong").asInt()).append(", weak ").append(a.get("weak").asInt())
                  .append(", original script ").append(a.get("originalScript").asInt()).append(")\n");
                sb.append("  addresses    ").append(l.get("addresses").asInt()).append(" (")
                  .append(l.get("partiesWithoutAddress").asInt()).append(" parties without)\n");
                sb.append("  identifiers  ").append(l.get("identifiers").asInt()).append('\n');
                sb.append("  programs     ").append(l.get("programs").size()).append('\n');
                int np = l.get("problems").size();
                sb.append("  problems     ").append(np).append('\n');
                l.get("problems").forEach(x -> sb.append("    - ").append(CliText.oneLine(x.asText())).append('\n'));
            }
            return sb.toString();
        }
    }

    /** {@code lists diff OLD NEW}: entries added, removed and changed between two versions of the lists. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compares two versions of the lists: entries added, removed and changed (matched by list "
                    + "and sourceId), with the fields that changed.")
    public static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD", description = "The older list file or folder.")
        Path oldPath;

        @Parameters(index = "1", paramLabel = "NEW", description = "The newer list file or folder.")
        Path newPath;

        @Option(names = "--json", description = "JSON instead of text.")
        boolean json;

        private final Context ctx;

        public Diff(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<PartyList> before = ctx.loadList(oldPath);
            List<PartyList> after = ctx.loadList(newPath);
            ListDiff d = ListDiff.between(before, after);
            ObjectNode report = Json.object();
            report.set("old", version(oldPath, before));
            report.set("new", version(newPath, after));
            ListDiffJson.write(report, d, Diff::entry);
            if (json) {
                ctx.out().println(Json.pretty(report));
            } else {
                ctx.out().print(CliText.safe(text(report)));
            }
            return Main.EXIT_OK;
        }

        private static ObjectNode version(Path path, List<PartyList> lists) throws UserException {
            ObjectNode o = Json.object();
            o.put("path", path.toString());
            try {
                o.put("sha256", ListHash.of(path));
            } catch (IOException e) {
                throw UserException.at(path, 0, null, "cannot read: " + e.getMessage());
            }
            ArrayNode ids = o.putArray("lists");
            lists.forEach(l -> ids.add(l.id()));
            o.put("parties", lists.stream().mapToInt(l -> l.parties().size()).sum());
            return o;
        }

        private static ObjectNode entry(ListedParty p) {
            ObjectNode o = Json.object();
            o.put("source", p.source());
            o.put("sourceId", p.sourceId());
            o.put("type", p.type().label());
            o.put("name", p.primaryName());
            return o;
        }

        static String text(ObjectNode r) {
            StringBuilder sb = new StringBuilder();
            for (String side : new String[]{"old", "new"}) {
                var v = r.get(side);
                sb.append(String.format("%-4s %s  (%d parties, sha256 %s)%n", side, v.get("path").asText(),
                        v.get("parties").asInt(), v.get("sha256").asText()));
            }
            var s = r.get("summary");
            sb.append(String.format("%d added, %d removed, %d changed, %d unchanged%n", s.get("added").asInt(),
                    s.get("removed").asInt(), s.get("changed").asInt(), s.get("unchanged").asInt()));
            line(sb, "+", r.get("added"));
            line(sb, "-", r.get("removed"));
            line(sb, "~", r.get("changed"));
            return sb.toString();
        }

        private static void line(StringBuilder sb, String mark, com.fasterxml.jackson.databind.JsonNode entries) {
            for (var e : entries) {
                sb.append(mark).append(' ').append(e.get("source").asText()).append(' ')
                  .append(e.get("sourceId").asText()).append("  ").append(CliText.oneLine(e.get("name").asText()))
                  .append(" (").append(e.get("type").asText()).append(')');
                if (e.has("fields")) {
                    List<String> f = new java.util.ArrayList<>();
                    e.get("fields").forEach(x -> f.add(x.asText()));
                    sb.append(": ").append(String.join(", ", f));
                }
                sb.append('\n');
            }
        }
    }
}
