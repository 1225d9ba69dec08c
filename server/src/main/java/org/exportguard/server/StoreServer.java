package org.exportguard.server;

import org.exportguard.server.api.AuditApi;
import org.exportguard.server.api.DealQueueApi;
import org.exportguard.server.api.DealsApi;
import org.exportguard.server.api.ListVersionsApi;
import org.exportguard.server.api.DispositionsApi;
import org.exportguard.server.api.ImpactApi;
import org.exportguard.server.api.ListImportApi;
import org.exportguard.server.api.UsersApi;
import org.exportguard.server.auth.StoreAuthenticator;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.service.Desk;
import org.exportguard.json.Json;
import org.exportguard.store.FetchState;
import org.exportguard.store.Store;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The whole service over one store: the HTTP API with users from the store's users table, the lists in force (the
 * desk's, one index for screening and decisions, watched for versions other processes import), and the store-backed
 * routes (deals, dispositions, list import, impact, audit, users). What {@code exportguard serve} runs, and what the API tests start.
 */
public final class StoreServer implements AutoCloseable {
    /** How long an answer about a token is trusted before the users table is asked again. */
    public static final long TOKEN_CACHE_MILLIS = 2000;
    /** How often the store is checked for list versions imported elsewhere. */
    public static final int LIST_CHECK_SECONDS = 2;

    private final ApiServer api;
    private final ScheduledExecutorService watcher;
    private final Desk desk;
    private final StoreLists lists;
    private final ListService listService;

    private StoreServer(ApiServer api, ScheduledExecutorService watcher, Desk desk, StoreLists lists,
                        ListService listService) {
        this.api = api;
        this.desk = desk;
        this.watcher = watcher;
        this.lists = lists;
        this.listService = listService;
    }

    /**
     * Serves {@code store} (which the caller keeps and closes after this), first finishing the impact of any import
     * a crash cut short, so no open deal is served with a decision the lists have overtaken.
     *
     * @param whenEmpty the lists to screen against while the store holds none
     * @param maxImport the largest list file {@code POST /api/lists} takes
     * @param actor     who the catch-up is recorded as in the audit chain
     */
    public static StoreServer start(ServerConfig cfg, Store store, ListProvider whenEmpty, long maxImport,
                                    String actor, PrintStream log) throws Exception {
        return start(cfg, store, Staleness.DEFAULT, whenEmpty, maxImport, actor, log);
    }

    /** As above, decisions holding each stored list source to {@code staleness}. */
    public static StoreServer start(ServerConfig cfg, Store store, Staleness staleness, ListProvider whenEmpty,
                                    long maxImport, String actor, PrintStream log) throws Exception {
        Desk desk = new Desk(store, staleness);
        desk.catchUp(actor);
        StoreLists storeLists = new StoreLists(desk, whenEmpty);
        ListService listService = ListService.serve(storeLists);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new DealQueueApi(store).routes());
        routes.addAll(new ListVersionsApi(store).routes());
        routes.addAll(new DealsApi(desk).routes(cfg.maxJsonBytes()));
        routes.addAll(new DispositionsApi(desk).routes(cfg.maxJsonBytes()));
        routes.add(new ListImportApi(desk, listService, maxImport, log).route());
        routes.addAll(new ImpactApi(store).routes());
        routes.addAll(new AuditApi(store).routes());
        routes.addAll(new UsersApi(store.users()).routes(cfg.maxJsonBytes()));
        ApiServer api = ApiServer.start(cfg, new StoreAuthenticator(store.users(), TOKEN_CACHE_MILLIS, cfg.ticker()), listService,
                AuditTrail.log(log), routes, fetchState(store), log);
        return new StoreServer(api, storeLists.watch(listService, LIST_CHECK_SECONDS, log), desk, storeLists,
                listService);
    }

    /** {@code /health} reports how fetching each list source went ({@code lists fetch}, {@code serve --refresh}). */
    private static HealthDetails fetchState(Store store) {
        return health -> {
            com.fasterxml.jackson.databind.node.ObjectNode sources = Json.object();
            for (FetchState s : store.fetchStates().all()) {
                sources.set(s.source(), s.toJson());
            }
            health.set("sources", sources);
        };
    }

    public ApiServer api() {
        return api;
    }

    /** The desk every store-backed route goes through (and that holds the lists and policy in force). */
    public Desk desk() {
        return desk;
    }

    /** The lists being screened against now (over a store holding lists: the desk's lists in force). */
    public ListService.Snapshot lists() {
        return listService.current();
    }

    /** Whether the store holds no lists yet, so the fallback lists are screened. */
    public boolean servingFallbackLists() {
        return lists.servingFallback();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        api.close();
    }
}
