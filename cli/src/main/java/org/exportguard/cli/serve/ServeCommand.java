package org.exportguard.cli.serve;

import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.cli.lists.FetchCommand;
import org.exportguard.cli.store.ListAgeOptions;
import org.exportguard.cli.store.MaxShrinkOption;
import org.exportguard.cli.store.StoreOptions;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.server.HttpLimits;
import org.exportguard.server.ListService;
import org.exportguard.server.ServerConfig;
import org.exportguard.server.StoreServer;
import org.exportguard.server.TlsFiles;
import org.exportguard.server.TlsFilesException;
import org.exportguard.service.fetch.Downloader;
import org.exportguard.service.fetch.ListFetcher;
import org.exportguard.service.fetch.Refresher;
import org.exportguard.service.fetch.SourcesFile;
import org.exportguard.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code exportguard serve}: the HTTP API over the store until the process is stopped (Ctrl-C or SIGTERM). Users and
 * tokens, lists, deals and the audit chain are the store's, so several servers over one PostgreSQL database are one
 * service; every write is committed before it is acknowledged.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the HTTP API over the store (screen, match, deals, lists, impact, audit; OpenAPI at",
                "/openapi.json, docs at /docs). Every /api/ call needs 'Authorization: Bearer TOKEN' of a user",
                "added with 'exportguard users add'. Screens against the store's lists in force; a store without",
                "lists refuses screening (503) and decides deals REVIEW until lists are imported."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind = "127.0.0.1";

    @Mixin
    StoreOptions store;

    @Mixin
    ListAgeOptions listAge;

    @Option(names = "--threads", paramLabel = "N",
            description = "Request threads: each holds one request while its body arrives and its work is done; "
                    + "stalled request heads hold none (default: ${DEFAULT-VALUE}).")
    int threads = ServerConfig.defaults().threads();

    @Option(names = "--header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A connection must send a complete request head within this of opening or of its "
                    + "previous answer, however slowly it trickles, else it is closed (default: 20s).")
    Duration headerTimeout = HttpLimits.DEFAULTS.headerTimeout();

    @Option(names = "--body-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A request body must arrive in full within this of its head, else the connection is "
                    + "closed (default: 60s; raise it for large list uploads over slow links).")
    Duration bodyTimeout = HttpLimits.DEFAULTS.bodyTimeout();

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A connection on which nothing moves for this long is closed (default: 30s).")
    Duration idleTimeout = HttpLimits.DEFAULTS.idleTimeout();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections open at once; more wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections = HttpLimits.DEFAULTS.maxConnections();

    @Option(names = "--max-header", paramLabel = "BYTES",
            description = "Largest request head, request line and headers; larger is refused with 431 "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxHeader = HttpLimits.DEFAULTS.maxHeaderBytes();

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Answer HTTPS only, with this PEM certificate chain (the server's first); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key of --tls-cert (unencrypted PKCS#8, -----BEGIN PRIVATE KEY-----).")
    Path tlsKey;

    @Option(names = "--max-body", paramLabel = "BYTES",
            description = "Largest JSON request body (default: ${DEFAULT-VALUE}).")
    long maxBody = ServerConfig.DEFAULT_MAX_JSON;

    @Option(names = "--max-import", paramLabel = "BYTES",
            description = "Largest list file POST /api/lists takes (default: ${DEFAULT-VALUE}, 200 MiB).")
    long maxImport = 200L << 20;

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

    @Option(names = "--refresh", paramLabel = "DURATION", converter = DurationConverter.class,
            description = {"Fetch the enabled list sources from their publishers at start and then every DURATION "
                    + "(e.g. 6h, 30m; at least 15m), on a background thread, as lists fetch does; a failed source is "
                    + "retried with back-off and never stops the server. Default: no refresh."})
    Duration refresh;

    @Mixin
    MaxShrinkOption maxShrink;

    @Option(names = "--recheck-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often the open deals are checked for list sources gone over their staleness limit "
                    + "since their last decision, and those are decided again (default: 15m).")
    Duration recheckEvery = StoreServer.Settings.DEFAULT_RECHECK;

    /** The shortest --refresh allowed; tests lower it to see a refresh happen in seconds. */
    @Option(names = "--refresh-minimum", hidden = true, converter = DurationConverter.class)
    Duration refreshMinimum = MIN_REFRESH;

    /** Publishers change their lists a few times a day at most: more often than this only burdens them. */
    public static final Duration MIN_REFRESH = Duration.ofMinutes(15);

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
        Options.positive(spec, "--max-import", maxImport);
        HttpLimits limits;
        try {
            limits = new HttpLimits(headerTimeout, bodyTimeout, idleTimeout, maxConnections, maxHeader);
        } catch (IllegalArgumentException e) {
            throw Options.usage(spec, "Invalid HTTP limits: " + e.getMessage() + " (--header-timeout, "
                    + "--body-timeout, --idle-timeout, --max-connections, --max-header)");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw Options.usage(spec, "--tls-cert and --tls-key go together: give both, or neither");
        }
        TlsFiles tls = tlsCert == null ? null : new TlsFiles(tlsCert, tlsKey);
        SourcesFile sourcesFile = listAge.sourcesFile(); // its maxAgeDays limit the ages; --refresh fetches it
        org.exportguard.store.ListVersions.Rules importRules = maxShrink.rules(false);
        if (recheckEvery.isZero() || recheckEvery.isNegative()) {
            throw Options.usage(spec, "Invalid value for option '--recheck-every': it must be positive");
        }
        if (refresh != null) {
            if (refresh.compareTo(refreshMinimum) < 0) {
                throw Options.usage(spec, "Invalid value for option '--refresh': " + Refresher.human(refresh)
                        + " is shorter than " + Refresher.human(refreshMinimum) + " (publishers change their lists "
                        + "a few times a day at most)");
            }
            if (sourcesFile.enabled().isEmpty()) {
                throw new UserException(sourcesFile.name() + ": no source is enabled, so --refresh has nothing to "
                        + "fetch");
            }
        }
        Store opened = store.open();
        ServerConfig cfg = new ServerConfig(address, port, threads, ServerConfig.defaults().queue(), maxBody, rate,
                burst, threshold, limit).withLimits(limits).withTls(tls);
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        StoreServer server;
        try {
            server = StoreServer.start(cfg, opened, new StoreServer.Settings(listAge.staleness(sourcesFile),
                    importRules, recheckEvery), maxImport, store.actor(), log);
        } catch (Exception e) { // nothing serves: release the store before saying why
            opened.close();
            if (e instanceof BindException) {
                throw new UserException("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            }
            if (e instanceof TlsFilesException) {
                throw new UserException(e.getMessage());
            }
            if (e instanceof org.exportguard.service.ServiceException) { // the catch-up of a cut-short import
                throw new UserException(e.getMessage());
            }
            throw e;
        }
        Refresher refresher = refresh == null ? null : Refresher.start(new ListFetcher(server.desk(),
                new Downloader()), sourcesFile.enabled(), importRules, refresh, store.actor(), log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (refresher != null) {
                refresher.close();
            }
            server.close();
            opened.close();
            stopped.countDown();
        }, "exportguard-stop"));

        ListService.Snapshot s = server.lists();
        if (!address.isLoopbackAddress() && tls == null) {
            ctx.err().println("exportguard: warning: listening on " + bind + ", reachable from other machines; "
                    + "tokens travel in clear text unless a TLS proxy is in front (or use --tls-cert/--tls-key)");
        }
        long users = opened.users().list().stream().filter(org.exportguard.store.User::active).count();
        if (users == 0) {
            ctx.err().println("exportguard: warning: the store has no API users yet, so every /api/ call is refused; "
                    + "add one with: exportguard users add NAME --role admin (same --data-dir/--db)");
        }
        ctx.out().println("exportguard: serving " + server.api().uri() + " (" + store.location().describe() + "; "
                + s.lists().size() + " lists, " + s.index().partyCount() + " parties"
                + (server.servingNoLists() ? ": NO LISTS, screening refused and deals REVIEW until lists are imported"
                : "")
                + "; " + users + " API users"
                + (refresher == null ? "" : "; refreshing " + sourcesFile.enabled().size() + " list sources every "
                + Refresher.human(refresh)) + "); docs at " + server.api().uri() + "/docs; Ctrl-C stops");
        ctx.out().flush();
        stopped.await();
        return Main.EXIT_OK;
    }
}
