package org.exportguard.server.ui;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The workbench's sign-in sessions, held in this server's memory: a random session id (the cookie) stands for a
 * user's token, and carries its own random CSRF token, which every state change made with the cookie must echo in
 * the {@code X-CSRF-Token} header. The token is kept (in memory only) so each request is checked against the users
 * table again: a revoked user's session stops working as their token does. A session ends on sign-out, after
 * {@link #IDLE_NANOS} without use, or {@link #MAX_NANOS} after sign-in, whichever comes first. Sessions do not
 * survive a restart and are not shared between servers: signing in again is the cost.
 */
public final class Sessions {
    public static final String COOKIE = "eg_session";
    public static final String CSRF_HEADER = "x-csrf-token";
    static final long IDLE_NANOS = 30L * 60 * 1_000_000_000L;
    static final long MAX_NANOS = 12L * 3600 * 1_000_000_000L;
    private static final int MAX_SESSIONS = 10_000;

    /** One signed-in browser: whose token, its CSRF token, when it began and was last used (ticker nanos). */
    public record Session(String id, String token, String csrf, long startedAt, long lastUsedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
    private final LongSupplier ticker;
    private final long idleNanos;
    private final long maxNanos;

    public Sessions(LongSupplier ticker) {
        this(ticker, IDLE_NANOS, MAX_NANOS);
    }

    public Sessions(LongSupplier ticker, long idleNanos, long maxNanos) {
        this.ticker = ticker;
        this.idleNanos = idleNanos;
        this.maxNanos = maxNanos;
    }

    /** A new session for a token the caller has already checked. */
    public Session open(String token) {
        if (byId.size() >= MAX_SESSIONS) {
            dropExpired();
        }
        long now = ticker.getAsLong();
        Session s = new Session(randomId(), token, randomId(), now, now);
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its last use moved to now; empty when unknown or expired (then forgotten). */
    public Optional<Session> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        long now = ticker.getAsLong();
        if (now - s.lastUsedAt() > idleNanos || now - s.startedAt() > maxNanos) {
            byId.remove(id);
            return Optional.empty();
        }
        Session used = new Session(s.id(), s.token(), s.csrf(), s.startedAt(), now);
        byId.replace(id, s, used);
        return Optional.of(used);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Whether {@code sent} is this session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(Session s, String sent) {
        return sent != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of the session cookie in a {@code Cookie} header, or null. */
    public static String sessionId(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) {
                String v = p.substring(COOKIE.length() + 1);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** The {@code Set-Cookie} value that hands the browser this session. */
    public String cookie(Session s, boolean overTls) {
        return COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxNanos / 1_000_000_000L
                + (overTls ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public static String expiredCookie(boolean overTls) {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (overTls ? "; Secure" : "");
    }

    private void dropExpired() {
        long now = ticker.getAsLong();
        byId.values().removeIf(s -> now - s.lastUsedAt() > idleNanos || now - s.startedAt() > maxNanos);
        if (byId.size() >= MAX_SESSIONS) {
            byId.clear(); // a flood of sign-ins: everyone signs in again rather than memory growing without bound
        }
    }

    private String randomId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
