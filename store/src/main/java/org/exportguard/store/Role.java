package org.exportguard.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an API user may do; each role can do what the ones before it can. */
public enum Role {
    /** Read and screen. */
    VIEWER,
    /** + deals and proposed dispositions. */
    ANALYST,
    /** + confirming dispositions (never their own). */
    APPROVER,
    /** + imports and users. */
    ADMIN;

    /** The lower-case name used in the store, on the command line and in responses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** From its label; an unknown label is refused naming the known ones. */
    public static Role parse(String label) {
        for (Role r : values()) {
            if (r.label().equals(label == null ? null : label.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new StoreException("unknown role '" + label + "' (one of: "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")) + ")");
    }
}
