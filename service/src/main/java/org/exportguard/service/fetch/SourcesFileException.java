package org.exportguard.service.fetch;

/** A sources file that cannot be used: the message names the file and the key or value that is wrong. */
public final class SourcesFileException extends Exception {
    public SourcesFileException(String message) {
        super(message);
    }
}
