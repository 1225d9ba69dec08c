package org.exportguard.server.auth;

import java.util.Optional;

/**
 * Turns a bearer token into a caller. Implementations keep only a hash of each token (its SHA-256); the server
 * uses the store's users table ({@link StoreAuthenticator}). Must be thread-safe: request threads call it
 * concurrently.
 */
@FunctionalInterface
public interface Authenticator {
    /** The caller this token belongs to, or empty for an unknown or revoked token. */
    Optional<Caller> authenticate(String token);
}
