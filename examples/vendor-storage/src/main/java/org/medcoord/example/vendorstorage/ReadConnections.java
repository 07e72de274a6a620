package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.medcoord.api.common.AdapterException;

/**
 * A small guarded pool of connections for read-only units: at most a fixed number open, handed to
 * one unit at a time. In WAL mode SQLite lets these read while the writer writes.
 */
final class ReadConnections implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    /** Opens a new connection to the file. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    ReadConnections(Opener opener, int size) {
        this.opener = opener;
        this.permits = new Semaphore(size, true);
    }

    Connection take() {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AdapterException("vendor-sqlite: no read connection free within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("vendor-sqlite: interrupted waiting for a read connection", e);
        }
        if (closed) {
            permits.release();
            throw new IllegalStateException("vendor-sqlite storage used after close()");
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return opener.open();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e instanceof SQLException sql ? Sql.failed("opening a read connection", sql) : (RuntimeException) e;
        }
    }

    /** Gives a connection back; a broken one, or one given back after close, is closed instead. */
    void give(Connection connection, boolean broken) {
        try {
            if (broken || closed) {
                closeQuietly(connection);
            } else {
                idle.add(connection);
                if (closed && idle.remove(connection)) {
                    closeQuietly(connection);
                }
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            closeQuietly(connection);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the file stays consistent, SQLite recovers on the next open.
        }
    }
}
