package org.exportguard.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines per connection that the idle timeout alone does not give: a client trickling one byte every few seconds
 * is never idle, yet must not keep a connection (or, while sending a body, a request thread) for ever. A connection
 * gets {@code headerTimeout} from its opening, and again from each answer, to deliver a complete request head; a
 * request with a body gets {@code bodyTimeout} from its head to deliver the body in full. A missed deadline closes
 * the connection, which also ends a blocked body read. One deadline is armed per connection at a time.
 */
final class ConnectionDeadlines implements Connection.Listener {
    private final Scheduler scheduler;
    private final long headerMillis;
    private final long bodyMillis;
    private final Map<Connection, Deadline> armed = new ConcurrentHashMap<>();

    ConnectionDeadlines(Scheduler scheduler, HttpLimits limits) {
        this.scheduler = scheduler;
        this.headerMillis = limits.headerTimeout().toMillis();
        this.bodyMillis = limits.bodyTimeout().toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        awaitHead(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection);
    }

    /** The connection must bring a complete request head in time (from its opening, or after an answer). */
    void awaitHead(Connection connection) {
        arm(connection, headerMillis);
    }

    /** A head arrived: the head deadline ends; a body, if one follows, must arrive in time. */
    void headArrived(Connection connection, boolean bodyFollows) {
        if (bodyFollows) {
            arm(connection, bodyMillis);
        } else {
            disarm(connection);
        }
    }

    /** The body arrived in full (or the request is answered without it): the work is not timed. */
    void bodyDone(Connection connection) {
        disarm(connection);
    }

    private void arm(Connection connection, long millis) {
        Deadline d = new Deadline(connection);
        Deadline previous = armed.put(connection, d);
        if (previous != null) {
            previous.cancel();
        }
        d.task = scheduler.schedule(d, millis, TimeUnit.MILLISECONDS);
        if (!connection.getEndPoint().isOpen()) { // closed meanwhile: onClosed may have run before the put
            disarm(connection);
        }
    }

    private void disarm(Connection connection) {
        Deadline d = armed.remove(connection);
        if (d != null) {
            d.cancel();
        }
    }

    /** One armed deadline; one that was replaced or disarmed before it fires does nothing. */
    private final class Deadline implements Runnable {
        private final Connection connection;
        private volatile Scheduler.Task task;

        Deadline(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            if (armed.remove(connection, this)) {
                connection.getEndPoint().close();
            }
        }

        void cancel() {
            Scheduler.Task t = task;
            if (t != null) {
                t.cancel();
            }
        }
    }

    /** Connections with a deadline armed now (for tests: none may stay behind once connections close). */
    int armedCount() {
        return armed.size();
    }
}
