package org.exportguard.store;

import java.nio.file.Path;

/**
 * Checks a policy pack folder before it is stored. The store does not know the policy format: the caller (the
 * CLI, later the server) passes the policy module's validator here. {@link #NONE} accepts any YAML files.
 */
@FunctionalInterface
public interface PolicyValidator {
    PolicyValidator NONE = dir -> { };

    /** Throws {@link InvalidPolicyException} naming the file and problem when the pack is not valid. */
    void validate(Path dir) throws InvalidPolicyException;

    /** A policy pack that cannot be used; the message is one line naming file and problem. */
    class InvalidPolicyException extends Exception {
        public InvalidPolicyException(String message) {
            super(message);
        }

        public InvalidPolicyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
