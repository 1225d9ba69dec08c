package org.exportguard.service;

/** A request the service cannot carry out, with a message for the user (the input's problem, or the store's). */
public class ServiceException extends Exception {
    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
