package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Python's {@code logging.handlers.SocketHandler}: sends each record to a TCP server, or to a
 * Unix domain stream socket when {@code port} is null, reconnecting with Python's backoff
 * ({@link #setRetryStart retryStart}, {@link #setRetryMax retryMax},
 * {@link #setRetryFactor retryFactor}).
 *
 * <p><b>Wire format.</b> Python sends a 4-byte length and a pickle, which only Python can read.
 * Cairn sends one JSON object per line (UTF-8, {@code "\n"}-terminated) holding the same
 * attributes as Python's pickle (see {@link #makeRecordBytes}); a Python receiver rebuilds the
 * record with {@code logging.makeLogRecord(json.loads(line))}, and any language can read it.
 *
 * <p><b>Delivery.</b> Unlike Python, which drops records while it cannot connect, records are
 * kept in a backlog of at most {@link #setBacklogCapacity backlogCapacity} records (1000) and
 * sent, in order, once the connection is back. A record that finds the backlog full is dropped
 * and reported through {@link #handleError} (so {@link #getErrorCount} counts drops);
 * {@link #close} makes a last attempt and reports every record it still could not send. A
 * connect or a write that cannot proceed for {@link #setTimeout timeout} seconds (1, as Python's
 * {@code makeSocket}) fails, so a slow server delays a logging call by at most about that long;
 * the connection is then dropped and retried after the backoff, and the unfinished record is
 * sent again in full on the new connection (the old one ends with a truncated line a receiver
 * must ignore). TCP has no acknowledgements: records written just before a server dies may be
 * lost without notice; a closed connection is detected before each write to keep that window
 * small.
 *
 * <p>Sending runs on the logging thread under the handler's lock, as in Python; put a
 * QueueHandler in front to move it off the application's threads.
 */
public class SocketHandler extends Handler {
    private final String host;
    private final Integer port;
    private final SocketAddress address;
    private final ConnectBackoff backoff = new ConnectBackoff();
    private final ArrayDeque<Pending> backlog = new ArrayDeque<>();
    private volatile int backlogCapacity = 1000;
    private volatile double timeout = 1.0;
    private StreamConnection connection;
    private IOException lastFailure;

    /** A handler for the TCP server at {@code host:port}; nothing is connected until the first record. */
    public SocketHandler(String host, int port) {
        this(host, Integer.valueOf(port));
    }

    /**
     * Python's {@code SocketHandler(host, port)}: with {@code port} null, {@code host} is the path
     * of a Unix domain stream socket.
     */
    public SocketHandler(String host, Integer port) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        if (port == null) {
            this.address = UnixDomainSocketAddress.of(host);
        } else {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            this.address = InetSocketAddress.createUnresolved(host, port);
        }
    }

    /**
     * Python's {@code makePickle}: the bytes sent for one record, here a line of JSON (see
     * {@link RecordJson}). Formats the record first when it carries an exception, so the
     * traceback travels in {@code exc_text}, as Python does.
     */
    protected byte[] makeRecordBytes(LogRecord record) {
        if (record.getExcInfo() != null) format(record);
        return RecordJson.encode(record, record.getExcText());
    }

    @Override
    protected void emit(LogRecord record) throws IOException {
        byte[] data = makeRecordBytes(record);
        backlog.addLast(new Pending(record, data));
        send(false);
        if (backlog.size() > backlogCapacity) {
            // The newest record goes: the backlog keeps the stream in order from the outage on.
            backlog.pollLast();
            throw new IOException("record dropped: not connected to " + describeAddress() + " and the backlog of "
                    + backlogCapacity + " records is full (last failure: " + lastFailure + ")", lastFailure);
        }
    }

    /**
     * Sends the backlog while the connection lasts, connecting first if the backoff allows it
     * ({@code force} tries once regardless). Opens at most one new connection per call, so a
     * server that accepts and then fails cannot keep the caller in a loop.
     */
    private void send(boolean force) {
        boolean opened = false;
        if (connection != null && !backlog.isEmpty() && connection.peerClosed()) {
            disconnect(new IOException("connection closed by " + describeAddress()));
        }
        while (!backlog.isEmpty()) {
            if (connection == null) {
                long now = System.nanoTime();
                if (opened || !force && !backoff.due(now)) return;
                try {
                    connection = StreamConnection.open(address, timeout);
                    backoff.succeeded();
                    opened = true;
                } catch (IOException e) {
                    lastFailure = e;
                    backoff.failed(now);
                    return;
                }
            }
            try {
                connection.write(ByteBuffer.wrap(backlog.peekFirst().data));
                backlog.pollFirst();
            } catch (IOException e) {
                disconnect(e);
                // A server that stopped reading gets the backoff; one that closed (a restart,
                // say) gets an immediate new connection, as Python's send() allows.
                if (e instanceof SocketTimeoutException) {
                    backoff.failed(System.nanoTime());
                    return;
                }
            }
        }
    }

    private void disconnect(IOException cause) {
        lastFailure = cause;
        if (connection != null) connection.close();
        connection = null;
    }

    /** Sends the backlog now, connecting even if the backoff would wait. */
    @Override
    public void flush() {
        lock.lock();
        try {
            send(true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes a last attempt to send the backlog, reports each record still unsent through
     * {@link #handleError}, and closes the connection.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            send(true);
            for (Pending p; (p = backlog.pollFirst()) != null; ) {
                handleError(p.record, new IOException("record not delivered to " + describeAddress()
                        + " before close (last failure: " + lastFailure + ")", lastFailure));
            }
            disconnect(lastFailure);
        } finally {
            lock.unlock();
        }
        super.close();
    }

    /** How many records wait for the connection. */
    public int getBacklogSize() {
        lock.lock();
        try {
            return backlog.size();
        } finally {
            lock.unlock();
        }
    }

    public int getBacklogCapacity() {
        return backlogCapacity;
    }

    /** The most records kept while the server cannot be reached; further ones are dropped and counted. */
    public void setBacklogCapacity(int records) {
        if (records < 0) throw new IllegalArgumentException("backlogCapacity must be >= 0, got " + records);
        this.backlogCapacity = records;
    }

    public double getTimeout() {
        return timeout;
    }

    /** Seconds a connect or a stalled write may take before it fails; 0 waits forever. */
    public void setTimeout(double seconds) {
        if (!(seconds >= 0)) throw new IllegalArgumentException("timeout must be >= 0 seconds, got " + seconds);
        this.timeout = seconds;
    }

    public double getRetryStart() {
        return backoff.getRetryStart();
    }

    /** Python's {@code retryStart}: seconds to wait after the first failed connection (1.0). */
    public void setRetryStart(double seconds) {
        backoff.setRetryStart(seconds);
    }

    public double getRetryMax() {
        return backoff.getRetryMax();
    }

    /** Python's {@code retryMax}: the longest wait between attempts, in seconds (30.0). */
    public void setRetryMax(double seconds) {
        backoff.setRetryMax(seconds);
    }

    public double getRetryFactor() {
        return backoff.getRetryFactor();
    }

    /** Python's {@code retryFactor}: how much the wait grows after each further failure (2.0). */
    public void setRetryFactor(double factor) {
        backoff.setRetryFactor(factor);
    }

    public String getHost() {
        return host;
    }

    /** The port, or null for a Unix domain socket. */
    public Integer getPort() {
        return port;
    }

    /** Python's {@code address}: host and port, or the socket path. */
    protected SocketAddress getAddress() {
        return address;
    }

    String describeAddress() {
        return port == null ? host : host + ":" + port;
    }

    private static final class Pending {
        final LogRecord record;
        final byte[] data;

        Pending(LogRecord record, byte[] data) {
            this.record = record;
            this.data = data;
        }
    }
}
