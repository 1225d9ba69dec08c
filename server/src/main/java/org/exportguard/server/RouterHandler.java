package org.exportguard.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one Jetty handler: hands each request to the {@link Router} as a {@link RawRequest} and writes its answer. It
 * runs on a request thread (a blocking handler), so routes may block on the store; request heads were read before it
 * is called, without a thread. It also tells {@link ConnectionDeadlines} where the request is: head in, body in,
 * answered.
 */
final class RouterHandler extends Handler.Abstract {
    private final Router router;
    private final ConnectionDeadlines deadlines;

    RouterHandler(Router router, ConnectionDeadlines deadlines) {
        this.router = router;
        this.deadlines = deadlines;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        boolean bodyFollows = request.getLength() != 0; // -1: chunked, length unknown
        deadlines.headArrived(connection, bodyFollows);
        EndOfBody body = new EndOfBody(Content.Source.asInputStream(request), () -> deadlines.bodyDone(connection));
        ApiResponse answer;
        try {
            answer = router.handle(new RawRequest(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(), name -> request.getHeaders().get(name), body, request.isSecure(),
                    firstValues(request)));
        } finally {
            deadlines.bodyDone(connection); // answered: whatever is left of the body is not awaited against a clock
        }
        response.setStatus(answer.status());
        if (bodyFollows && !body.ended) {
            // Answered without reading the body (401, 403, 404 ...): Jetty closes the connection after this answer,
            // and a client told nothing would send its next request on a connection already closing.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.getHeaders().put(h.getKey(), h.getValue());
        }
        byte[] bytes = answer.body();
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        Callback answered = Callback.from(() -> {
            deadlines.awaitHead(connection);
            callback.succeeded();
        }, callback::failed);
        response.write(true, bytes.length == 0 ? null : ByteBuffer.wrap(bytes), answered);
        return true;
    }

    /** Each header's first value by its name in lower case. */
    private static Map<String, String> firstValues(Request request) {
        Map<String, String> out = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            out.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue());
        }
        return out;
    }

    /** A body stream that says once when the body has been read to its end. */
    private static final class EndOfBody extends FilterInputStream {
        private final Runnable atEnd;
        private boolean ended;

        EndOfBody(InputStream in, Runnable atEnd) {
            super(in);
            this.atEnd = atEnd;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                end();
            }
            return n;
        }

        private void end() {
            if (!ended) {
                ended = true;
                atEnd.run();
            }
        }
    }
}
