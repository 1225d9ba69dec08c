package org.exportguard.cli;

import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyList;
import org.exportguard.server.ApiServer;
import org.exportguard.server.AuditTrail;
import org.exportguard.server.ListService;
import org.exportguard.server.ServerConfig;
import org.exportguard.server.auth.TokenFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code exportguard serve}: the HTTP API until the process is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the HTTP API (screen, match, lists; OpenAPI at /openapi.json, docs at /docs).",
                "Every /api/ call needs 'Authorization: Bearer TOKEN' of a user in --tokens."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind = "127.0.0.1";

    @Option(names = "--list", paramLabel = "PATH",
            description = "A list file or folder (repeatable; default: the sample lists shipped in the jar).")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--tokens", required = true, paramLabel = "FILE",
            description = "API users, one a line: name,role,sha256-of-token (role viewer, analyst, approver or "
                    + "admin; the hash as 'printf %%s TOKEN | sha256sum' prints it).")
    Path tokens;

    @Option(names = "--threads", paramLabel = "N",
            description = "Request threads (default: ${DEFAULT-VALUE}).")
    int threads = ServerConfig.defaults().threads();

    @Option(names = "--max-body", paramLabel = "BYTES",
            description = "Largest JSON request body (default: ${DEFAULT-VALUE}).")
    long maxBody = ServerConfig.DEFAULT_MAX_JSON;

    @Option(names = "--rate-limit", paramLabel = "R",
            description = "Requests per second per token, sustained (default: ${DEFAULT-VALUE}).")
    double rate = ServerConfig.defaults().ratePerSecond();

    @Option(names = "--burst", paramLabel = "N",
            description = "Requests per token allowed at once above the rate (default: ${DEFAULT-VALUE}).")
    int burst = ServerConfig.defaults().burst();

    @Option(names = "--threshold", paramLabel = "T",
            description = "Lowest score a screening hit reports, 0..1 (default: ${DEFAULT-VALUE}).")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Option(names = "--limit", paramLabel = "N", description = "Most hits per name (default: ${DEFAULT-VALUE}).")
    int limit = 10;

    private final Context ctx;

    public ServeCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Options.threshold(spec, threshold);
        Options.positive(spec, "--threads", threads);
        Options.positive(spec, "--max-body", maxBody);
        Options.positive(spec, "--rate-limit", rate);
        Options.positive(spec, "--burst", burst);
        Options.positive(spec, "--limit", limit);
        if (port < 0 || port > 65535) {
            throw Options.usage(spec, "Invalid value for option '--port': " + port + " is not a TCP port");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw Options.usage(spec, "Invalid value for option '--bind': unknown address " + bind);
        }
        TokenFile users = readTokens();

        Path samples = null;
        List<Path> paths = lists;
        if (paths.isEmpty()) {
            samples = Files.createTempDirectory("exportguard-serve-");
            DemoCommand.copySamples(samples);
            paths = DemoCommand.LISTS.stream().map(samples::resolve).toList();
        }
        List<Path> served = List.copyOf(paths);
        ListService listService = ListService.load(() -> {
            List<PartyList> all = new ArrayList<>();
            for (Path p : served) {
                all.addAll(ctx.loadList(p));
            }
            return all;
        });
        ServerConfig cfg = new ServerConfig(address, port, threads, ServerConfig.defaults().queue(), maxBody, rate,
                burst, threshold, limit);
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ApiServer server;
        try {
            server = ApiServer.start(cfg, users, listService, AuditTrail.log(log), List.of(), log);
        } catch (BindException e) {
            throw new UserException("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Path tempLists = samples;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (tempLists != null) {
                DemoCommand.deleteTree(tempLists);
            }
            stopped.countDown();
        }, "exportguard-stop"));

        ListService.Snapshot s = listService.current();
        if (!address.isLoopbackAddress()) {
            ctx.err().println("exportguard: warning: listening on " + bind + ", reachable from other machines; "
                    + "tokens travel in clear text unless a TLS proxy is in front");
        }
        ctx.out().println("exportguard: serving " + server.uri() + " (" + s.lists().size() + " lists, "
                + s.index().partyCount() + " parties" + (samples != null ? ", the shipped sample lists" : "")
                + "; " + users.size() + " API users from " + tokens + "); docs at " + server.uri()
                + "/docs; Ctrl-C stops");
        ctx.out().flush();
        stopped.await();
        return Main.EXIT_OK;
    }

    private TokenFile readTokens() throws UserException {
        try {
            TokenFile t = TokenFile.read(tokens);
            if (t.size() == 0) {
                throw UserException.at(tokens, 0, null, "no users; add lines name,role,sha256-of-token");
            }
            return t;
        } catch (NoSuchFileException e) {
            throw UserException.at(tokens, 0, null, "no such file");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        } catch (IOException e) {
            throw UserException.at(tokens, 0, null, "cannot read: " + e.getMessage());
        }
    }
}
