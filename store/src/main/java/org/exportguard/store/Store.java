package org.exportguard.store;

import java.time.Clock;

/**
 * ExportGuard's durable state: list and policy versions, deals and decisions, dispositions of screening hits,
 * change reports, users, the audit chain, and the fetch state of list sources, on SQLite (a data directory) or
 * PostgreSQL. {@link #open} brings the schema up to date.
 * Thread-safe: every call runs its own transaction on its own connection.
 */
public final class Store implements AutoCloseable {
    private final Database db;
    private final ListVersions lists;
    private final PolicyVersions policies;
    private final Deals deals;
    private final Decisions decisions;
    private final OpenDeals openDeals;
    private final Dispositions dispositions;
    private final ChangeReports changes;
    private final Users users;
    private final AuditLog audit;
    private final FetchStates fetchStates;
    private final DealQueue dealQueue;

    private Store(Database db) {
        this.db = db;
        this.audit = new AuditLog(db);
        this.lists = new ListVersions(new Versions(db, audit, "list_versions", "lists.import"));
        this.policies = new PolicyVersions(new Versions(db, audit, "policy_versions", "policy.import"));
        this.decisions = new Decisions(db, audit);
        this.deals = new Deals(db, audit, decisions);
        this.openDeals = new OpenDeals(db);
        this.dispositions = new Dispositions(db, audit, decisions);
        this.changes = new ChangeReports(db, audit, decisions);
        this.users = new Users(db, audit);
        this.fetchStates = new FetchStates(db, audit);
        this.dealQueue = new DealQueue(db);
    }

    /** Opens the store at {@code location}, creating or migrating its schema; times come from the system clock. */
    public static Store open(StoreLocation location) {
        return open(location, Clock.systemUTC());
    }

    /**
     * Opens the store at {@code location}, creating or migrating its schema; every time it writes (see
     * {@link Database#now}) comes from {@code clock}.
     */
    public static Store open(StoreLocation location, Clock clock) {
        Database db = Database.open(location, clock);
        Migrations.migrate(db);
        return new Store(db);
    }

    /**
     * Opens the store at {@code location} that must exist already (migrating its schema if older): a missing one
     * is a {@link StoreException} naming the location, never a new empty store. Commands that only read or add to
     * a store use this; creating one is explicit ({@link #open}).
     */
    public static Store openExisting(StoreLocation location) {
        Database db = Database.open(location, Clock.systemUTC(), false);
        Migrations.migrate(db);
        return new Store(db);
    }

    public StoreLocation location() { return db.location(); }
    public ListVersions lists() { return lists; }
    public PolicyVersions policies() { return policies; }
    public Deals deals() { return deals; }
    public Decisions decisions() { return decisions; }
    public OpenDeals openDeals() { return openDeals; }
    /** The workbench's queue of deals by outcome, filtered and paged by key. */
    public DealQueue dealQueue() { return dealQueue; }
    public Dispositions dispositions() { return dispositions; }
    public ChangeReports changeReports() { return changes; }
    public Users users() { return users; }
    public AuditLog audit() { return audit; }
    /** When each list source was last fetched and confirmed current ({@code lists fetch}, {@code serve --refresh}). */
    public FetchStates fetchStates() { return fetchStates; }

    /** Closes the connection this store keeps for writing. */
    @Override
    public void close() {
        db.close();
    }

    /** The database, for tests and tools that need plain SQL. */
    public Database database() { return db; }
}
