package dev.cairn.handlers;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * One connected stream socket, TCP or Unix domain, with the timeouts Python gets from
 * {@code socket.settimeout}: a connect that takes longer, or a write that cannot proceed for
 * longer (a server that stopped reading), fails with {@link SocketTimeoutException}. Not thread
 * safe: the owning handler uses it under its lock.
 */
final class StreamConnection implements Closeable {
    private final SocketChannel channel;
    private final Selector selector;
    private final long timeoutNanos;
    private final ByteBuffer probe = ByteBuffer.allocate(256);

    private StreamConnection(SocketChannel channel, Selector selector, long timeoutNanos) {
        this.channel = channel;
        this.selector = selector;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Connects to {@code address}: an {@link InetSocketAddress}, resolved again on every call so a
     * moved server is found, or a {@link UnixDomainSocketAddress}. {@code timeoutSeconds <= 0}
     * waits without limit.
     */
    static StreamConnection open(SocketAddress address, double timeoutSeconds) throws IOException {
        long timeoutNanos = timeoutSeconds > 0 ? (long) (timeoutSeconds * 1e9) : 0;
        SocketChannel channel;
        if (address instanceof UnixDomainSocketAddress) {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } else {
            channel = SocketChannel.open();
        }
        Selector selector = null;
        try {
            if (address instanceof InetSocketAddress) {
                InetSocketAddress inet = (InetSocketAddress) address;
                InetSocketAddress resolved = new InetSocketAddress(inet.getHostString(), inet.getPort());
                channel.socket().connect(resolved, (int) TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                channel.socket().setTcpNoDelay(true);
            } else {
                channel.connect(address);
            }
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_WRITE);
            return new StreamConnection(channel, selector, timeoutNanos);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            closeQuietly(selector);
            throw e;
        }
    }

    /** Writes every remaining byte of {@code data}, waiting at most the timeout for the peer to make room. */
    void write(ByteBuffer data) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (data.hasRemaining()) {
            if (channel.write(data) > 0) {
                deadline = System.nanoTime() + timeoutNanos;
                continue;
            }
            long left = deadline - System.nanoTime();
            if (timeoutNanos > 0 && left <= 0) {
                throw new SocketTimeoutException("write timed out: the server has not read for "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
            selector.select(timeoutNanos > 0 ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)) : 0);
            selector.selectedKeys().clear();
        }
    }

    /**
     * Whether the peer has closed or reset the connection, found without blocking. A TCP write to
     * a peer that has gone usually succeeds once more before failing, so checking before a write
     * saves the record that write would have lost. Data the peer sent is discarded.
     */
    boolean peerClosed() {
        try {
            int n;
            do {
                probe.clear();
                n = channel.read(probe);
            } while (n > 0);
            return n < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(channel);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // The connection is being abandoned; there is nothing left to report.
        }
    }
}
