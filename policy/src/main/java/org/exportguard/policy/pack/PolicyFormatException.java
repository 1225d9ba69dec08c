package org.exportguard.policy.pack;

/** A policy pack that cannot be used; the message reads {@code FILE: PATH: problem}. */
public class PolicyFormatException extends Exception {
    public PolicyFormatException(String message) {
        super(message);
    }

    public static PolicyFormatException at(String file, String path, String problem) {
        return new PolicyFormatException(file + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + problem);
    }
}
