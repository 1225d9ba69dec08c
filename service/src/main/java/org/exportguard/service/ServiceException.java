package org.exportguard.service;

import org.exportguard.store.StoreException;

/**
 * A request the service cannot carry out, with a message for the user (the input's problem, or the store's). The
 * subclasses say what kind of refusal it is, so a REST layer can answer 404, 409 or 403 without parsing messages;
 * the store's exception, when there is one, stays the cause.
 */
public class ServiceException extends Exception {
    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A deal, disposition or version that is not stored (REST: 404). */
    public static class NotFound extends ServiceException {
        public NotFound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A request that contradicts what is stored: a closed deal, an id taken, a step already done (REST: 409). */
    public static class Conflict extends ServiceException {
        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A confirmation by the user who proposed it: another person must confirm (REST: 403). */
    public static class FourEyes extends ServiceException {
        public FourEyes(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The store's refusal as the matching kind of service exception (its message, it as the cause). */
    public static ServiceException of(StoreException e) {
        if (e instanceof org.exportguard.store.NotFoundException) {
            return new NotFound(e.getMessage(), e);
        }
        if (e instanceof org.exportguard.store.ConflictException) {
            return new Conflict(e.getMessage(), e);
        }
        if (e instanceof org.exportguard.store.FourEyesException) {
            return new FourEyes(e.getMessage(), e);
        }
        return new ServiceException(e.getMessage(), e);
    }
}
