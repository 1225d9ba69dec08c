package org.exportguard.store;

/**
 * The store cannot do what was asked: unreachable database, a constraint the caller broke (a deal that already
 * exists, an unknown user), or a database error. The message is one line meant for the user.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
