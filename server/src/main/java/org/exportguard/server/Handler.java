package org.exportguard.server;

/** The work of one route, given a request that has passed authentication, role, rate and size checks. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(Request request) throws ApiException, Exception;
}
