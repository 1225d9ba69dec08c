package org.exportguard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListInspector;
import org.exportguard.store.ImportResult;
import org.exportguard.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

        @Option(names = "--source", paramLabel = "ID", description = "What the list is (default: the ids of the lists read, e.g. UN-SC).")
        String source;

        @Option(names = "--effective", paramLabel = "DATE", description = "The date it takes effect, YYYY-MM-DD (default: on import).")
        LocalDate effective;

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
            Store s = store.open();
            ImportResult r;
            try {
                r = s.lists().importPath(path, source, effective, store.actor());
            } catch (ListFormatException e) {
                throw new UserException(e.getMessage() + " (nothing imported)", e);
            } catch (IOException e) {
                throw UserException.at(path, 0, null, "cannot read: " + e.getMessage());
            }
            ctx.out().println(VersionsCommands.imported("list", r));
            return Main.EXIT_OK;
        }
    }

    /** {@code lists history}: the stored list versions. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "Lists the stored list versions, oldest first.")
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
            ctx.out().print(VersionsCommands.history("list", store.open().lists().versions().history(), json));
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
                ctx.out().print(text(report));
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
}
