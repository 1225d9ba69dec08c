package org.exportguard.spark;

/** A problem with what a job was given (a missing file, a bad option): one line to the user, no stack trace. */
final class JobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobException(String message) {
        super(message);
    }
}
