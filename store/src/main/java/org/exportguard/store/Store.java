package org.exportguard.store;

/**
 * ExportGuard's durable state: list and policy versions, deals and decisions, dispositions of screening hits,
 * change reports, users, the audit chain, and the fetch state of list sources, on SQLite (a data directory) or PostgreSQL. {@link #open} brings the
 * schema up to date.
 * Thread-safe: every call runs its own transaction on its own connection.
 */
public final class Store implements AutoCloseable {
    private final Database db;
    private final ListVersions lists;
    private final PolicyVersions policies;
    private final Deals deals;
    private final Dispositions dispositions;
    private final ChangeReports changes;
    private final Users users;
    private final AuditLog audit;
    private final FetchStates fetchStates;

    private Store(Database db) {
        this.db = db;
        this.lists = new ListVersions(new Versions(db, "list_versions", "lists.import"));
        this.policies = new PolicyVersions(new Versions(db, "policy_versions", "policy.import"));
        this.deals = new Deals(db);
        this.dispositions = new Dispositions(db);
        this.changes = new ChangeReports(db);
        this.users = new Users(db);
        this.audit = new AuditLog(db);
        this.fetchStates = new FetchStates(db);
    }

    /** Opens the store at {@code location}, creating or migrating its schema. */
    public static Store open(StoreLocation location) {
        Database db = Database.open(location);
        Migrations.migrate(db);
        return new Store(db);
    }

    public StoreLocation location() { return db.location(); }
    public ListVersions lists() { return lists; }
    public PolicyVersions policies() { return policies; }
    public Deals deals() { return deals; }
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
