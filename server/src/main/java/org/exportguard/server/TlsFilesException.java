package org.exportguard.server;

/** The TLS certificate or key file cannot be used; the message names the file and what is wrong. */
public final class TlsFilesException extends java.io.IOException {
    public TlsFilesException(String message) {
        super(message);
    }
}
