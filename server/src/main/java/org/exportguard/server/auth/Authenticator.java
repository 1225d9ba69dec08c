package org.exportguard.server.auth;

import java.util.Optional;

/**
 * Turns a bearer token into a caller. Implementations keep only a hash of each token ({@link TokenHash}); the file
 * backed {@link TokenFile} serves tests and standalone runs, and the durable store's users table can implement this
 * the same way (look the token's hash up among users not revoked). Must be thread-safe: request threads call it
 * concurrently.
 */
@FunctionalInterface
public interface Authenticator {
    /** The caller this token belongs to, or empty for an unknown or revoked token. */
    Optional<Caller> authenticate(String token);
}
