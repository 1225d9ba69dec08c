package org.exportguard.server.api;

import org.exportguard.lists.ListFormatException;
import org.exportguard.server.ApiException;
import org.exportguard.service.DealInputException;
import org.exportguard.service.ServiceException;

/** The HTTP answer to a request the service refused: what was asked cannot be done, said in the service's words. */
final class ServiceErrors {
    private ServiceErrors() {
    }

    static ApiException of(ServiceException e) {
        return of(e, e.getMessage());
    }

    /** With the service's message reworded for the caller (e.g. a temporary path replaced by the name they sent). */
    static ApiException of(ServiceException e, String message) {
        int status;
        if (e instanceof ServiceException.NotFound) {
            status = 404;
        } else if (e instanceof ServiceException.Conflict) {
            status = 409;
        } else if (e instanceof ServiceException.FourEyes) {
            status = 403;
        } else if (e instanceof DealInputException || e.getCause() instanceof ListFormatException) {
            status = 400;
        } else if (e.getCause() != null && e.getCause().getCause() instanceof java.sql.SQLException) {
            // The database failed (unreachable, locked too long): retrying later may work. The driver's words name
            // hosts, files and tables: the caller gets none of them.
            return new ApiException(503, "the database is unavailable or busy; try again later");
        } else if (e.getCause() == null) {
            status = 400; // the service's own check of the request (e.g. a hit the decision does not have)
        } else {
            status = 422;
        }
        return new ApiException(status, message);
    }
}
