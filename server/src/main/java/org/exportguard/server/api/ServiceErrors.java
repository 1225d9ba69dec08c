package org.exportguard.server.api;

import org.exportguard.server.ApiException;
import org.exportguard.service.DealInputException;
import org.exportguard.service.ServiceException;
import org.exportguard.store.ConflictException;
import org.exportguard.store.NotFoundException;

/** The HTTP answer to a request the service refused: what was asked cannot be done, said in the service's words. */
final class ServiceErrors {
    private ServiceErrors() {
    }

    static ApiException of(ServiceException e) {
        Throwable cause = e.getCause();
        if (e instanceof DealInputException || cause instanceof org.exportguard.lists.ListFormatException) {
            return new ApiException(400, e.getMessage());
        }
        if (cause instanceof NotFoundException) {
            return new ApiException(404, e.getMessage());
        }
        if (cause instanceof ConflictException) {
            return new ApiException(409, e.getMessage());
        }
        return new ApiException(422, e.getMessage());
    }
}
