package org.exportguard.server.auth;

import org.exportguard.store.Role;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tokens from the users table, each answer remembered for the cache time: measured on a clock the test moves, so the
 * 2 s are exact and nobody sleeps them.
 */
class StoreAuthenticatorTest {
    static final long TTL_MILLIS = 2000;

    @TempDir
    Path dir;
    Store store;
    TestClock clock;
    StoreAuthenticator auth;

    @BeforeEach
    void up() {
        store = Store.open(StoreLocation.sqlite(dir.resolve("data")));
        clock = new TestClock();
        auth = new StoreAuthenticator(store.users(), TTL_MILLIS, clock.ticker());
    }

    @AfterEach
    void down() {
        store.close();
    }

    /** "NAME ROLE" of the token's caller, or "nobody". */
    private String who(String token) {
        return auth.authenticate(token).map(c -> c.name() + " " + c.role().label()).orElse("nobody");
    }

    @Test
    void aRevokedTokenWorksUntilTheCacheTimeHasPassedAndNotAfter() {
        String token = store.users().add("tess", Role.VIEWER, "test");
        assertEquals("tess viewer", who(token));
        store.users().revoke("tess", "test");
        clock.advance(Duration.ofMillis(TTL_MILLIS - 1));
        assertEquals("tess viewer", who(token), "the answer is remembered for the cache time");
        clock.advance(Duration.ofMillis(1));
        assertEquals("nobody", who(token), "asked again after 2 s: revoked");
    }

    @Test
    void aNewUserWorksAtOnceAndAnUnknownTokenIsRefusedWithoutCachingItForever() {
        assertEquals("nobody", who("eg_not-a-token"));
        assertEquals("nobody", who(""));
        assertEquals("nobody", who(null));
        String token = store.users().add("ada", Role.ADMIN, "test");
        assertEquals("ada admin", who(token), "a user added after the cache was filled works at once");
        clock.advance(Duration.ofSeconds(60));
        assertEquals("ada admin", who(token), "still a user after a minute");
    }
}
