package org.exportguard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.exportguard.json.Json;
import org.exportguard.server.api.ListsApi;
import org.exportguard.server.api.MatchApi;
import org.exportguard.server.api.ScreenApi;
import org.exportguard.server.auth.Authenticator;
import org.exportguard.server.json.Schemas;
import org.exportguard.server.ui.Sessions;
import org.exportguard.server.ui.WorkbenchRoutes;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API: the route table (the standard routes plus any the caller adds, e.g. store-backed ones) behind one
 * {@link Router}, on Jetty as the transport. Jetty reads request heads as bytes arrive, without a thread per
 * connection, so a stalled client costs a connection and no request thread; {@link HttpLimits} bound how long
 * (head and body deadlines, idle timeout) and how many (connections, head size), and a bounded pool of request
 * threads does the work. With {@link TlsFiles} it answers HTTPS only.
 */
public final class ApiServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    /** Threads Jetty leases from the pool for itself: one acceptor, one selector. */
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;

    private final Server jetty;
    private final ServerConnector connector;
    private final boolean tls;
    private final List<Route> routes;

    private ApiServer(Server jetty, ServerConnector connector, boolean tls, List<Route> routes) {
        this.jetty = jetty;
        this.connector = connector;
        this.tls = tls;
        this.routes = routes;
    }

    /** Starts serving the standard routes plus {@code extra}; returns once the port is bound. */
    public static ApiServer start(ServerConfig cfg, Authenticator auth, ListService lists, AuditTrail audit,
                                  List<Route> extra, PrintStream log) throws IOException {
        return start(cfg, auth, lists, audit, extra, HealthDetails.NONE, log);
    }

    /** As above, with {@code more} to report on {@code GET /health}. */
    public static ApiServer start(ServerConfig cfg, Authenticator auth, ListService lists, AuditTrail audit,
                                  List<Route> extra, HealthDetails more, PrintStream log) throws IOException {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET", "/health", null, 0, "Liveness: the server is up and has lists loaded; over a "
                + "store, also how fetching each list source from its publisher went (always 200: it reports, it "
                + "does not fail)", null,
                Schemas.parse("""
                        {"type":"object","properties":{"status":{"type":"string","enum":["ok"]},
                          "parties":{"type":"integer"},"listsVersion":{"type":"integer"},
                          "sources":{"type":"object","description":"by list source id, from lists fetch and serve --refresh",
                            "additionalProperties":{"type":"object","properties":{
                              "source":{"type":"string"},"status":{"type":"string","enum":["ok","failing"]},
                              "lastSuccess":{"type":["string","null"],"description":"when a fetch last confirmed the version in force current"},
                              "confirmedVersion":{"type":["integer","null"]},"lastAttempt":{"type":"string"},
                              "lastOutcome":{"type":"string","enum":["fetched","unchanged","failed"]},
                              "lastFailure":{"type":["string","null"]},"lastFailureReason":{"type":["string","null"]},
                              "consecutiveFailures":{"type":"integer"}}}}}}"""),
                r -> ApiResponse.ok(health(lists, more, log))));
        routes.add(new ScreenApi(lists, cfg.threshold(), cfg.limit()).route(cfg.maxJsonBytes()));
        routes.add(new MatchApi(cfg.threshold()).route(cfg.maxJsonBytes()));
        routes.addAll(new ListsApi(lists, audit).routes());
        routes.addAll(extra);
        Sessions sessions = new Sessions(cfg.ticker());
        routes.addAll(new WorkbenchRoutes(sessions, auth).routes());
        // The document describes every route, itself and /docs included: add both before rendering it.
        ApiResponse[] docs = new ApiResponse[2];
        routes.add(new Route("GET", "/openapi.json", null, 0, "This API as an OpenAPI 3 document", null,
                Schemas.parse("{\"type\":\"object\"}"), r -> docs[0]));
        routes.add(new Route("GET", "/docs", null, 0, "This API as a browsable HTML page", null, null,
                r -> docs[1]));
        ObjectNode openApi = OpenApi.document(routes, VERSION);
        docs[0] = ApiResponse.ok(openApi);
        docs[1] = ApiResponse.html(DocsPage.render(openApi));

        Router router = new Router(routes, auth, new RateLimiter(cfg.ratePerSecond(), cfg.burst(), cfg.ticker()), log,
                sessions);
        Server jetty = transport(cfg, router);
        try {
            jetty.start();
        } catch (Exception e) { // nothing serves: free what started, say why (a port in use: BindException)
            stopQuietly(jetty);
            if (e.getCause() instanceof java.net.BindException b) {
                throw b;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("the HTTP server did not start: " + e.getMessage(), e);
        }
        return new ApiServer(jetty, (ServerConnector) jetty.getConnectors()[0], cfg.tls() != null,
                List.copyOf(routes));
    }

    /** Jetty set up with the limits of {@code cfg}, every request going to {@code router}. */
    private static Server transport(ServerConfig cfg, Router router) throws IOException {
        HttpLimits limits = cfg.limits();
        // Request threads plus the ones Jetty leases for accepting and selecting. The queue of requests waiting for
        // a thread is bounded by the connection limit (HTTP/1.1: one request at a time per connection), so it is
        // left to Jetty, which warns against a bounded one: its own tasks go through it too.
        QueuedThreadPool pool = new QueuedThreadPool(cfg.threads() + ACCEPTORS + SELECTORS,
                Math.min(8, cfg.threads() + ACCEPTORS + SELECTORS));
        pool.setName("exportguard-http");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        Server jetty = new Server(pool);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("exportguard-http-timer", true);
        jetty.addBean(scheduler);
        jetty.setStopTimeout(1000);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // a library and its version tell an attacker which flaws to try
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
        ConnectionDeadlines deadlines = new ConnectionDeadlines(scheduler, limits);
        httpFactory.addEventListener(deadlines); // HTTP connections only (under TLS, not the TLS layer's too)
        ConnectionFactory[] factories = cfg.tls() == null ? new ConnectionFactory[]{httpFactory}
                : new ConnectionFactory[]{new SslConnectionFactory(sslContext(cfg.tls()), "http/1.1"), httpFactory};
        ServerConnector connector = new ServerConnector(jetty, null, scheduler, null, ACCEPTORS, SELECTORS,
                factories);
        connector.setHost(cfg.bind().getHostAddress());
        connector.setPort(cfg.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(256);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setHandler(new RouterHandler(router, deadlines));
        return jetty;
    }

    private static SslContextFactory.Server sslContext(TlsFiles files) throws IOException {
        PemKeys.Loaded keys = PemKeys.load(files); // TlsFilesException naming the file at fault
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys.keyStore());
        ssl.setKeyStorePassword(new String(keys.password()));
        ssl.setKeyManagerPassword(new String(keys.password()));
        return ssl;
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // it never fully started
        }
    }

    private static ObjectNode health(ListService lists, HealthDetails more, PrintStream log) {
        ListService.Snapshot s = lists.current();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("status", "ok");
        o.put("parties", s.index().partyCount());
        o.put("listsVersion", s.version());
        try {
            more.addTo(o);
        } catch (RuntimeException e) { // the store away for a moment: the server is still up, and says so
            log.println("exportguard: health details unavailable: " + Router.oneLine(e));
        }
        return o;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT} (or https), the address actually bound. */
    public URI uri() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port());
    }

    public List<Route> routes() {
        return routes;
    }

    /** Stops accepting, lets running exchanges finish for up to a second, then ends the threads. */
    @Override
    public void close() {
        stopQuietly(jetty);
    }
}
