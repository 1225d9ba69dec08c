package org.exportguard.store;

/** A write that contradicts what is stored (a deal id already taken, a closed deal changed): the caller's to fix. */
public class ConflictException extends StoreException {
    public ConflictException(String message) {
        super(message);
    }
}
