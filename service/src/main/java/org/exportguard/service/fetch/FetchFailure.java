package org.exportguard.service.fetch;

/** Why fetching a source failed, one line for the user, the log and the store. Nothing was imported. */
public final class FetchFailure extends Exception {
    public FetchFailure(String reason) {
        super(reason);
    }

    public FetchFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
