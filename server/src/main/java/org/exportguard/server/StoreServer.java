package org.exportguard.server;

import org.exportguard.server.api.AuditApi;
import org.exportguard.server.api.DealQueueApi;
import org.exportguard.server.api.DealsApi;
import org.exportguard.server.api.DestinationsApi;
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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.ListVersions;

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

    /**
     * How the server holds lists to account: the staleness limits of decisions, the rules of a list import (its
     * largest shrink), and how often the open deals are checked for list sources gone stale since their last
     * decision ({@link Desk#recheckListAges}).
     */
    public record Settings(Staleness staleness, ListVersions.Rules importRules, Duration recheckEvery) {
        /** Two days per source, imports may drop half, the open deals checked every 15 minutes. */
        public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(15);
        public static final Settings DEFAULT = new Settings(Staleness.DEFAULT, ListVersions.Rules.DEFAULT,
                DEFAULT_RECHECK);

        public Settings {
            if (recheckEvery.isZero() || recheckEvery.isNegative()) {
                throw new IllegalArgumentException("the recheck interval must be positive: " + recheckEvery);
            }
        }
    }

    /** Who the periodic recheck of list ages is recorded as. */
    public static final String RECHECK_ACTOR = "system:list-age";

    private final ApiServer api;
    private final ScheduledExecutorService watcher;
    private final ScheduledExecutorService rechecker;
    private final Desk desk;
    private final StoreLists lists;
    private final ListService listService;

    private StoreServer(ApiServer api, ScheduledExecutorService watcher, ScheduledExecutorService rechecker, Desk desk,
                        StoreLists lists, ListService listService) {
        this.api = api;
        this.rechecker = rechecker;
        this.desk = desk;
        this.watcher = watcher;
        this.lists = lists;
        this.listService = listService;
    }

    /**
     * Serves {@code store} (which the caller keeps and closes after this), first finishing the impact of any import
     * a crash cut short, so no open deal is served with a decision the lists have overtaken.
     *
     * @param maxImport the largest list file {@code POST /api/lists} takes
     * @param actor     who the catch-up is recorded as in the audit chain
     */
    public static StoreServer start(ServerConfig cfg, Store store, long maxImport, String actor, PrintStream log)
            throws Exception {
        return start(cfg, store, Staleness.DEFAULT, maxImport, actor, log);
    }

    /** As above, decisions holding each stored list source to {@code staleness}. */
    public static StoreServer start(ServerConfig cfg, Store store, Staleness staleness, long maxImport,
                                    String actor, PrintStream log) throws Exception {
        return start(cfg, store, new Settings(staleness, ListVersions.Rules.DEFAULT, Settings.DEFAULT_RECHECK),
                maxImport, actor, log);
    }

    /** As above, with these settings (staleness, import rules, the recheck of list ages). */
    public static StoreServer start(ServerConfig cfg, Store store, Settings settings, long maxImport, String actor,
                                    PrintStream log) throws Exception {
        Desk desk = new Desk(store, settings.staleness());
        desk.catchUp(actor);
        StoreLists storeLists = new StoreLists(desk);
        ListService listService = ListService.serve(storeLists);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new DealQueueApi(store, regimesInForce(desk)).routes());
        routes.addAll(new ListVersionsApi(store).routes());
        routes.addAll(new DealsApi(desk).routes(cfg.maxJsonBytes()));
        routes.addAll(new DispositionsApi(desk).routes(cfg.maxJsonBytes()));
        routes.add(new ListImportApi(desk, listService, maxImport, settings.importRules(), log).route());
        routes.addAll(new ImpactApi(store).routes());
        routes.addAll(new AuditApi(store).routes());
        routes.addAll(new DestinationsApi(desk).routes());
        StoreAuthenticator auth = new StoreAuthenticator(store.users(), TOKEN_CACHE_MILLIS, cfg.ticker());
        routes.addAll(new UsersApi(store.users(), auth::forgetAll).routes(cfg.maxJsonBytes()));
        ApiServer api = ApiServer.start(cfg, auth, listService,
                AuditTrail.log(log), routes, fetchState(store), log);
        ScheduledExecutorService watcher = storeLists.watch(listService, LIST_CHECK_SECONDS, log);
        // a change another process stored but did not finish (killed mid-import) is finished here, not on restart
        watcher.scheduleWithFixedDelay(new ImpactWatch(desk, actor, log, System::nanoTime), LIST_CHECK_SECONDS,
                LIST_CHECK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        return new StoreServer(api, watcher, recheck(desk, settings.recheckEvery(), log), desk, storeLists,
                listService);
    }

    /**
     * The regime ids of the policy in force, sorted (null when it cannot be read: the queue then checks less), read
     * at most every {@code LIST_CHECK_SECONDS}: the queue is paged often, and a policy import is rare.
     */
    private static java.util.function.Supplier<List<String>> regimesInForce(Desk desk) {
        java.util.concurrent.atomic.AtomicReference<Object[]> memo = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            Object[] m = memo.get();
            long now = System.nanoTime();
            if (m != null && now - (long) m[0] < TimeUnit.SECONDS.toNanos(LIST_CHECK_SECONDS)) {
                @SuppressWarnings("unchecked")
                List<String> cached = (List<String>) m[1];
                return cached;
            }
            List<String> ids;
            try {
                ids = desk.current().pack().regimes().keySet().stream().sorted().toList();
            } catch (org.exportguard.service.ServiceException | RuntimeException e) {
                ids = null;
            }
            memo.set(new Object[] {now, ids});
            return ids;
        };
    }

    /**
     * Every {@code every}, on a daemon thread of its own, re-decides the open deals whose list sources went over
     * their staleness limit since their last decision (a source goes stale by itself, with no import to notice it).
     * Catches everything: a failed recheck is logged and tried again next time.
     */
    private static ScheduledExecutorService recheck(Desk desk, Duration every, PrintStream log) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exportguard-list-age");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> {
            try {
                ImportOutcome o = desk.recheckListAges(RECHECK_ACTOR);
                if (o != null) {
                    log.println("exportguard: list age: re-decided the open deals a stale list source can affect "
                            + "(report " + o.reportId() + ")");
                }
            } catch (Throwable t) {
                log.println("exportguard: list age: recheck failed: " + t.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return s;
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

    /** Whether the store holds no lists yet, so screening is refused and deals are REVIEW. */
    public boolean servingNoLists() {
        return lists().inForce().isEmpty();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        rechecker.shutdownNow();
        api.close();
    }
}
