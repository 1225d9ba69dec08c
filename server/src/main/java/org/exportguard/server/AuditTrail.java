package org.exportguard.server;

import org.exportguard.server.auth.Caller;

/**
 * Where the server records every call that changes state, with the caller's identity. For now a line on the log
 * ({@link #log}); the durable store's audit chain implements the same method.
 */
@FunctionalInterface
public interface AuditTrail {
    void record(Caller caller, String action, String subject, String details);

    /** One line per change on {@code log}: who, what, on what. */
    static AuditTrail log(java.io.PrintStream log) {
        return (caller, action, subject, details) -> log.println("exportguard: audit: " + caller.name() + " ("
                + caller.role().label() + ") " + action + " " + subject + (details.isEmpty() ? "" : ": " + details));
    }
}
