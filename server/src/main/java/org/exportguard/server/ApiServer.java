package org.exportguard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
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
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API on the JDK's built-in server: one handler ({@link Router}) for every path, a bounded pool of request
 * threads, and the route table (the standard routes plus any the caller adds, e.g. store-backed ones later).
 */
public final class ApiServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    static {
        // Responses go out as headers then body: without TCP_NODELAY, Nagle's algorithm and the client's delayed
        // ACK can hold the body back ~40 ms. Must be set before the JDK's server reads its configuration.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final List<Route> routes;

    private ApiServer(HttpServer http, ThreadPoolExecutor pool, List<Route> routes) {
        this.http = http;
        this.pool = pool;
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

        ThreadPoolExecutor pool = new ThreadPoolExecutor(cfg.threads(), cfg.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(cfg.queue()), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        HttpServer http = HttpServer.create(new InetSocketAddress(cfg.bind(), cfg.port()), 256);
        http.setExecutor(pool);
        http.createContext("/", new Router(routes, auth, new RateLimiter(cfg.ratePerSecond(), cfg.burst(), cfg.ticker()), log,
                sessions));
        http.start();
        return new ApiServer(http, pool, List.copyOf(routes));
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

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "exportguard-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://HOST:PORT}, the address actually bound. */
    public URI uri() {
        String host = http.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    public List<Route> routes() {
        return routes;
    }

    /** Stops accepting, lets running exchanges finish for up to a second, then ends the threads. */
    @Override
    public void close() {
        http.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
