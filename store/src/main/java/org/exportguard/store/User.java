package org.exportguard.store;

/** An API user; {@code revokedAt} null while its token is valid. */
public record User(String name, Role role, String createdAt, String revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
