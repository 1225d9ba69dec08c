package org.exportguard.store;

/** A named thing (deal, user, version) is not in the store. */
public class NotFoundException extends StoreException {
    public NotFoundException(String message) {
        super(message);
    }
}
