package dev.cairn.handlers;

import dev.cairn.LogRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Python's {@code logging.handlers.DatagramHandler}: sends each record as one UDP datagram
 * holding the same JSON line as {@link SocketHandler} (Python sends a pickle; see there). UDP
 * does not say whether anything arrived: a server that is down is noticed only when the system
 * reports it (an ICMP "port unreachable" makes the next send fail), and a record larger than a
 * datagram (about 64 KiB) cannot be sent; both are reported through {@link #handleError}. There
 * is no backlog. Unix domain datagram sockets (Python's {@code port=None}) are not available in
 * the JDK.
 */
public class DatagramHandler extends SocketHandler {
    private DatagramChannel channel;

    /** A handler sending to {@code host:port}; the socket is opened with the first record. */
    public DatagramHandler(String host, int port) {
        super(host, port);
    }

    @Override
    protected void emit(LogRecord record) throws IOException {
        byte[] data = makeRecordBytes(record);
        if (channel == null) {
            InetSocketAddress target = (InetSocketAddress) getAddress();
            DatagramChannel c = DatagramChannel.open();
            try {
                // Connected, unlike Python's sendto, so the system can report an unreachable port.
                c.connect(new InetSocketAddress(target.getHostString(), target.getPort()));
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            channel = c;
        }
        try {
            channel.write(ByteBuffer.wrap(data));
        } catch (IOException e) {
            closeChannel();
            throw e;
        }
    }

    /** Datagrams are sent at once; there is nothing to flush. */
    @Override
    public void flush() {
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeChannel();
        } finally {
            lock.unlock();
        }
        super.close();
    }

    private void closeChannel() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a datagram socket loses nothing.
        }
        channel = null;
    }
}
