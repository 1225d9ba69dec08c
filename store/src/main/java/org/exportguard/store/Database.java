package org.exportguard.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections and transactions on one store. Every transaction runs on its own connection, opened and closed
 * around it (cheap for SQLite), but for reads on PostgreSQL: opening a connection there starts a server process,
 * tens of milliseconds under load, more than the deal queue's page itself, so up to {@value #READ_POOL} read
 * connections are kept open between reads (one checked again after {@value #CHECK_IDLE_SECONDS} s idle, any that
 * failed is closed, not kept).
 *
 * <p><b>Writes are serialised</b>, across threads and processes: on SQLite a write transaction starts with
 * {@code BEGIN IMMEDIATE}, taking the database's single write lock; on PostgreSQL it starts by locking the one row
 * of {@code audit_head} ({@code SELECT ... FOR UPDATE}). Every write appends to the audit chain anyway, so the
 * chain has one order, and ids handed out as "largest + 1" inside a write cannot collide.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}: a committed transaction is on disk before commit
 * returns (WAL alone, with the default NORMAL sync, may lose the last commits on power loss).
 *
 * <p><b>One clock.</b> Every time the store writes (a deal added, a decision, an audit record, a version imported,
 * a migration applied, ...) comes from this database's {@link Clock} ({@link #now}): the system clock in UTC unless
 * the store was opened with another (a test's fixed clock).
 */
public final class Database {
    private final StoreLocation location;
    private final Clock clock;
    private final Properties writeProps;
    private final Properties readProps;
    private final ReentrantLock writeLock = new ReentrantLock();
    private Connection writeConnection;
    /** Idle PostgreSQL read connections, the most recently used first. */
    private final java.util.concurrent.LinkedBlockingDeque<Idle> idleReads = new java.util.concurrent.LinkedBlockingDeque<>();
    private volatile boolean closed;
    static final int READ_POOL = 4;
    static final int CHECK_IDLE_SECONDS = 30;

    private record Idle(Connection connection, long since) {
    }

    private Database(StoreLocation location, Clock clock) {
        this.location = location;
        this.clock = clock;
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            this.writeProps = sqliteProps(SQLiteConfig.TransactionMode.IMMEDIATE);
            this.readProps = sqliteProps(SQLiteConfig.TransactionMode.DEFERRED);
        } else {
            Properties p = new Properties();
            p.setProperty("reWriteBatchedInserts", "true");
            p.setProperty("connectTimeout", "10");
            this.writeProps = p;
            this.readProps = p;
        }
    }

    /** Opens the store at {@code location}, creating it (SQLite: its data directory and file) when missing. */
    public static Database open(StoreLocation location) {
        return open(location, Clock.systemUTC());
    }

    /** {@link #open(StoreLocation)}, writing times from {@code clock}. */
    public static Database open(StoreLocation location, Clock clock) {
        return open(location, clock, true);
    }

    /**
     * Opens the store at {@code location}. With {@code create} false a store that does not exist yet (SQLite: no
     * data directory or no database file in it; PostgreSQL: no schema) is refused naming the location, rather than
     * created empty: a mistyped {@code --data-dir} must not silently become a new, empty store.
     */
    public static Database open(StoreLocation location, Clock clock, boolean create) {
        java.util.Objects.requireNonNull(clock, "clock");
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            prepareSqlite(location, create);
        }
        Database db = new Database(location, clock);
        try (Connection c = db.connect(db.readProps)) {
            c.isValid(10);
            if (!create && location.kind() == StoreLocation.Kind.POSTGRES && !hasSchema(c)) {
                throw new StoreException("no ExportGuard store at " + location.describe()
                        + " (the database has no ExportGuard schema): check --db, or create the store with "
                        + CREATING_COMMANDS);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + location.describe() + ": " + oneLine(e), e);
        }
        return db;
    }

    /** What the refusal of a missing store suggests: the commands that create one. */
    public static final String CREATING_COMMANDS =
            "'exportguard lists import', 'lists fetch', 'policy import' or 'users add'";

    private static void prepareSqlite(StoreLocation location, boolean create) {
        Path dir = location.dataDir();
        Path file = dir.resolve(StoreLocation.SQLITE_FILE);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("data directory " + dir + " is a file, not a folder");
        }
        if (!create && !Files.isDirectory(dir)) {
            throw new StoreException("no store: the data directory " + dir + " does not exist: check --data-dir, "
                    + "or create the store with " + CREATING_COMMANDS);
        }
        if (!create && !Files.exists(file)) {
            throw new StoreException("no store: " + file + " does not exist: check --data-dir, or create the store "
                    + "with " + CREATING_COMMANDS);
        }
        try {
            if (!Files.exists(dir)) {
                OwnerOnly.createDirectories(dir);
            }
            if (!Files.exists(file)) {
                OwnerOnly.createFile(file); // SQLite gives its -wal and -shm files the database file's mode
                createSqliteFile(location);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the store in " + dir + ": " + e, e);
        }
    }

    /** Whether the PostgreSQL database (its schema on the search path) holds an ExportGuard schema. */
    private static boolean hasSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version' "
                        + "AND table_schema = current_schema()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Creates the SQLite file with 16 KiB pages, before anything else touches it (the page size is fixed once the
     * file is in WAL mode): a decision's JSON (2 to 6 KiB) then fits in its row instead of spilling onto overflow
     * pages, which made storing bulk re-decisions write-bound.
     */
    private static void createSqliteFile(StoreLocation location) {
        try (Connection c = DriverManager.getConnection(location.jdbcUrl());
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = 16384");
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new StoreException("cannot create the store at " + location.describe() + ": " + oneLine(e), e);
        }
    }

    private static Properties sqliteProps(SQLiteConfig.TransactionMode mode) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(120_000);
        cfg.setCacheSize(-65_536); // KiB: 64 MiB of page cache, so bulk index inserts stay in memory
        cfg.setTransactionMode(mode);
        return cfg.toProperties();
    }

    public StoreLocation location() {
        return location;
    }

    /** The clock every time the store writes comes from. */
    public Clock clock() {
        return clock;
    }

    /** The time to write now: the clock's instant to the microsecond, as ISO-8601 text (what every table keeps). */
    String now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
    }

    public boolean isPostgres() {
        return location.kind() == StoreLocation.Kind.POSTGRES;
    }

    private Connection connect(Properties props) throws SQLException {
        return DriverManager.getConnection(location.jdbcUrl(), props);
    }

    /**
     * Runs {@code work} in a serialised write transaction; commits when it returns, rolls back when it throws.
     * Writes of this process share one connection (they are serialised anyway), so its page cache stays warm
     * across transactions; it is dropped and reopened after any database error.
     */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            if (writeConnection == null || writeConnection.isClosed()) {
                writeConnection = connect(writeProps);
            }
            Connection c = writeConnection;
            c.setAutoCommit(false);
            try {
                if (isPostgres()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE"); ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new StoreException("the store's audit_head row is missing: the store was altered");
                        }
                    }
                }
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true); // SQLite: end the transaction the driver opens after commit, freeing the lock
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                dropWriteConnection();
                throw e;
            }
        } catch (SQLException e) {
            dropWriteConnection();
            throw new StoreException("database error on " + location.describe() + ": " + oneLine(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Rolls back and closes the shared write connection (the next write opens a new one). */
    private void dropWriteConnection() {
        Connection c = writeConnection;
        writeConnection = null;
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // closing below ends the transaction anyway
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * PostgreSQL only: refreshes the planner's statistics of {@code tables} after a bulk write, so queries on them
     * use their indexes at once instead of waiting for autovacuum (SQLite's default plans need no statistics).
     */
    public void analyze(String... tables) {
        if (!isPostgres()) {
            return;
        }
        try (Connection c = connect(writeProps); java.sql.Statement st = c.createStatement()) {
            for (String t : tables) {
                st.execute("ANALYZE " + t);
            }
        } catch (SQLException e) {
            throw new StoreException("database error on " + location.describe() + ": " + oneLine(e), e);
        }
    }

    /** Closes the shared write connection and the idle read connections. */
    public void close() {
        closed = true;
        for (Idle idle; (idle = idleReads.pollFirst()) != null; ) {
            closeQuietly(idle.connection());
        }
        writeLock.lock();
        try {
            dropWriteConnection();
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in a read transaction (one consistent snapshot on SQLite; read committed on PostgreSQL). */
    public <T> T read(SqlWork<T> work) {
        if (!isPostgres()) {
            return transaction(readProps, work);
        }
        Connection c = null;
        boolean reusable = false;
        try {
            c = borrowRead();
            T result = run(c, work);
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error on " + location.describe() + ": " + oneLine(e), e);
        } finally {
            if (c != null) {
                releaseRead(c, reusable);
            }
        }
    }

    /** An idle read connection (checked first when it has been idle a while), or a new one. */
    private Connection borrowRead() throws SQLException {
        for (Idle idle; (idle = idleReads.pollFirst()) != null; ) {
            boolean old = System.nanoTime() - idle.since() > CHECK_IDLE_SECONDS * 1_000_000_000L;
            if (!old || idle.connection().isValid(5)) {
                return idle.connection();
            }
            closeQuietly(idle.connection());
        }
        return connect(readProps);
    }

    /** Keeps a read connection whose transaction ended cleanly, while there is room; closes any other. */
    private void releaseRead(Connection c, boolean reusable) {
        if (reusable && !closed && idleReads.size() < READ_POOL) {
            idleReads.offerFirst(new Idle(c, System.nanoTime()));
            if (closed && idleReads.removeIf(i -> i.connection() == c)) {
                closeQuietly(c); // raced with close(), which did not see it
            }
            return;
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is being dropped anyway
        }
    }

    /** A transaction without the write lock: only for the migration runner, which takes its own. */
    <T> T migrationTransaction(SqlWork<T> work) {
        return transaction(writeProps, work);
    }

    private <T> T transaction(Properties props, SqlWork<T> work) {
        try (Connection c = connect(props)) {
            return run(c, work);
        } catch (SQLException e) {
            throw new StoreException("database error on " + location.describe() + ": " + oneLine(e), e);
        }
    }

    /** {@code work} in one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    private static <T> T run(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is closed by the caller; the transaction dies with it
            }
            throw e;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
