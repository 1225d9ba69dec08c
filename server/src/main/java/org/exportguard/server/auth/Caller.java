package org.exportguard.server.auth;

import org.exportguard.store.Role;

import java.util.Objects;

/** Who made a request, as the authenticator vouches for it: the identity audit records carry, and its role. */
public record Caller(String name, Role role) {
    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
