package org.exportguard.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The answers the transport gives by itself, before a request reaches the router (a request head over the size
 * limit: 431; a malformed request line or URI: 400; a body that stalled: 408): the same JSON error shape and security
 * headers as every other answer, and only the status's reason phrase, never the library's message or class names.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object s = request.getAttribute(ERROR_STATUS);
        if (s instanceof Integer i) {
            status = i;
        }
        ApiResponse answer = ApiResponse.error(status, reason(status), null, Map.of());
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        SecurityHeaders.all().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    /** Errors found while parsing a request head (no request exists yet): the same, as the body Jetty sends. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        SecurityHeaders.all().forEach(fields::put);
        return ByteBuffer.wrap(ApiResponse.error(status, reason(status), null, Map.of()).body());
    }

    private static String reason(int status) {
        String phrase = HttpStatus.getMessage(status);
        return phrase == null ? "error " + status : phrase.toLowerCase(java.util.Locale.ROOT);
    }
}
