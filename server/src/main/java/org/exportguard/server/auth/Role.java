package org.exportguard.server.auth;

import java.util.Locale;

/** What a caller may do; each role includes everything the roles before it may do. */
public enum Role {
    /** Read and screen. */
    VIEWER,
    /** + deals and proposed dispositions. */
    ANALYST,
    /** + confirming dispositions (never their own). */
    APPROVER,
    /** + imports and users. */
    ADMIN;

    public boolean atLeast(Role minimum) {
        return compareTo(minimum) >= 0;
    }

    /** The lower-case name used in token files, the store and responses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} (any case), or null. */
    public static Role parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
