package org.exportguard.server.auth;

import org.exportguard.core.hash.Sha256;
import org.exportguard.store.Users;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens checked against the store's users table ({@code exportguard users add}), where only their SHA-256 lives.
 * Each answer is remembered for a short while (default 2 s), so a screening call does not cost a database read.
 * A user revoked through this server takes effect on it at once ({@link #forgetAll()}, called by the users routes);
 * one revoked by another process (another server, {@code exportguard users revoke}) within that time.
 */
public final class StoreAuthenticator implements Authenticator {
    private record Cached(Optional<Caller> caller, long expiresAtNanos) {
    }

    private static final int MAX_CACHED = 10_000;

    private final Users users;
    private final long ttlNanos;
    private final LongSupplier ticker;
    private final ConcurrentHashMap<String, Cached> byHash = new ConcurrentHashMap<>();

    public StoreAuthenticator(Users users, long ttlMillis) {
        this(users, ttlMillis, System::nanoTime);
    }

    /** @param ticker elapsed time in nanoseconds ({@code System::nanoTime}; a test's own clock in tests) */
    public StoreAuthenticator(Users users, long ttlMillis, LongSupplier ticker) {
        this.users = users;
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.ticker = ticker;
    }

    /** Bumped by {@link #forgetAll()}: an answer read from the table before a change is not remembered after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Forgets every remembered answer: the next call of each token asks the users table again. */
    public void forgetAll() {
        generation.incrementAndGet();
        byHash.clear();
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = Sha256.hex(token); // the cache keys by hash too: no token is kept in memory longer than a call
        long now = ticker.getAsLong();
        Cached c = byHash.get(hash);
        if (c != null && now - c.expiresAtNanos() < 0) {
            return c.caller();
        }
        long before = generation.get();
        Optional<Caller> caller = users.userForToken(token)
                .map(u -> new Caller(u.name(), u.role()));
        if (byHash.size() >= MAX_CACHED) {
            byHash.clear(); // many unknown tokens (a scan): forget rather than grow without bound
        }
        byHash.put(hash, new Cached(caller, now + ttlNanos));
        if (generation.get() != before) { // a user changed while the table was read: this answer may be stale
            byHash.remove(hash);
        }
        return caller;
    }
}
