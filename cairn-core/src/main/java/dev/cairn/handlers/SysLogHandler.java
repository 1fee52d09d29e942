package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python's {@code logging.handlers.SysLogHandler}: sends each record to a syslog server over UDP
 * (the default, {@code localhost:514}), TCP, or a Unix domain stream socket, with Python's
 * facility and priority maps and output ({@code <PRI>ident+message\0}).
 *
 * <p>Cairn additions: {@link #setSyslogFormat} chooses RFC 3164 or RFC 5424 headers, and
 * {@link #setFraming} the stream framing (RFC 5424 defaults to RFC 6587 octet counting; Python's
 * output keeps Python's unframed bytes). Stream connections are made lazily and remade after a
 * failure with {@link SocketHandler}'s backoff, where Python's constructor fails when a TCP
 * server is down and never reconnects. Connects and stalled writes time out after
 * {@link #setTimeout timeout} seconds (5; Python has none).
 *
 * <p>Limits: the JDK has no Unix domain <em>datagram</em> sockets, and {@code /dev/log} is one
 * on most systems (journald, rsyslog's imuxsock), so a socket path works only for a stream
 * socket (rsyslog: {@code input(type="imptcp" path="...")}); for the local daemon use UDP to
 * 127.0.0.1. Undelivered messages (server down, UDP port unreachable, timeouts) are reported
 * through {@link #handleError}; UDP cannot report the loss of a datagram the network dropped.
 */
public class SysLogHandler extends Handler {
    public static final int LOG_EMERG = 0, LOG_ALERT = 1, LOG_CRIT = 2, LOG_ERR = 3,
            LOG_WARNING = 4, LOG_NOTICE = 5, LOG_INFO = 6, LOG_DEBUG = 7;
    public static final int LOG_KERN = 0, LOG_USER = 1, LOG_MAIL = 2, LOG_DAEMON = 3, LOG_AUTH = 4,
            LOG_SYSLOG = 5, LOG_LPR = 6, LOG_NEWS = 7, LOG_UUCP = 8, LOG_CRON = 9, LOG_AUTHPRIV = 10,
            LOG_FTP = 11, LOG_NTP = 12, LOG_SECURITY = 13, LOG_CONSOLE = 14, LOG_SOLCRON = 15,
            LOG_LOCAL0 = 16, LOG_LOCAL1 = 17, LOG_LOCAL2 = 18, LOG_LOCAL3 = 19,
            LOG_LOCAL4 = 20, LOG_LOCAL5 = 21, LOG_LOCAL6 = 22, LOG_LOCAL7 = 23;
    /** Python's {@code SYSLOG_UDP_PORT} and {@code SYSLOG_TCP_PORT}. */
    public static final int SYSLOG_UDP_PORT = 514, SYSLOG_TCP_PORT = 514;
    /** Python's {@code socket.SOCK_STREAM} and {@code socket.SOCK_DGRAM} (Linux values). */
    public static final int SOCK_STREAM = 1, SOCK_DGRAM = 2;

    /** Python's {@code priority_names}. */
    public static final Map<String, Integer> PRIORITY_NAMES = Map.ofEntries(
            Map.entry("alert", LOG_ALERT), Map.entry("crit", LOG_CRIT), Map.entry("critical", LOG_CRIT),
            Map.entry("debug", LOG_DEBUG), Map.entry("emerg", LOG_EMERG), Map.entry("err", LOG_ERR),
            Map.entry("error", LOG_ERR), Map.entry("info", LOG_INFO), Map.entry("notice", LOG_NOTICE),
            Map.entry("panic", LOG_EMERG), Map.entry("warn", LOG_WARNING), Map.entry("warning", LOG_WARNING));
    /** Python's {@code facility_names}. */
    public static final Map<String, Integer> FACILITY_NAMES = Map.ofEntries(
            Map.entry("auth", LOG_AUTH), Map.entry("authpriv", LOG_AUTHPRIV), Map.entry("console", LOG_CONSOLE),
            Map.entry("cron", LOG_CRON), Map.entry("daemon", LOG_DAEMON), Map.entry("ftp", LOG_FTP),
            Map.entry("kern", LOG_KERN), Map.entry("lpr", LOG_LPR), Map.entry("mail", LOG_MAIL),
            Map.entry("news", LOG_NEWS), Map.entry("ntp", LOG_NTP), Map.entry("security", LOG_SECURITY),
            Map.entry("solaris-cron", LOG_SOLCRON), Map.entry("syslog", LOG_SYSLOG), Map.entry("user", LOG_USER),
            Map.entry("uucp", LOG_UUCP), Map.entry("local0", LOG_LOCAL0), Map.entry("local1", LOG_LOCAL1),
            Map.entry("local2", LOG_LOCAL2), Map.entry("local3", LOG_LOCAL3), Map.entry("local4", LOG_LOCAL4),
            Map.entry("local5", LOG_LOCAL5), Map.entry("local6", LOG_LOCAL6), Map.entry("local7", LOG_LOCAL7));

    private static final long PID = ProcessHandle.current().pid();

    private final String host;
    private final Integer port;
    private final SocketAddress address;
    private final int socktype;
    private final ConnectBackoff backoff = new ConnectBackoff();
    /** Python's {@code priority_map}, per handler so custom levels can be mapped. */
    private final Map<String, String> priorityMap = new ConcurrentHashMap<>(Map.of(
            "DEBUG", "debug", "INFO", "info", "WARNING", "warning", "ERROR", "error", "CRITICAL", "critical"));
    private volatile int facility;
    private volatile String ident = "";
    private volatile boolean appendNul = true;
    private volatile SyslogFormat syslogFormat = SyslogFormat.PYTHON;
    private volatile SyslogFraming framing;
    private volatile String hostname;
    private volatile String appName;
    private volatile String msgId;
    private volatile ZoneId zone = ZoneId.systemDefault();
    private volatile double timeout = 5.0;
    private DatagramChannel datagrams;
    private StreamConnection stream;

    /** Python's default: UDP to {@code localhost:514}, facility {@code user}. */
    public SysLogHandler() {
        this("localhost", SYSLOG_UDP_PORT, LOG_USER, SOCK_DGRAM);
    }

    /** UDP to {@code host:port}, facility {@code user}. */
    public SysLogHandler(String host, int port) {
        this(host, port, LOG_USER, SOCK_DGRAM);
    }

    /**
     * Python's {@code SysLogHandler(address, facility, socktype)}: {@code port} null makes
     * {@code host} a Unix domain socket path; {@code socktype} is {@link #SOCK_DGRAM} or
     * {@link #SOCK_STREAM}, or 0 for Python's default (UDP; a stream for a socket path). Nothing
     * is connected before the first record.
     *
     * @throws IllegalArgumentException for a Unix path with {@code SOCK_DGRAM}, which the JDK
     *     cannot send to, or an unknown socktype
     */
    public SysLogHandler(String host, Integer port, int facility, int socktype) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.facility = facility;
        if (socktype != 0 && socktype != SOCK_DGRAM && socktype != SOCK_STREAM) {
            throw new IllegalArgumentException("socktype must be SOCK_DGRAM (2) or SOCK_STREAM (1), got " + socktype);
        }
        if (port == null) {
            if (socktype == SOCK_DGRAM) {
                throw new IllegalArgumentException("cannot send to the Unix datagram socket " + host
                        + ": the JDK supports only Unix stream sockets (use UDP to 127.0.0.1 instead)");
            }
            this.address = UnixDomainSocketAddress.of(host);
            this.socktype = SOCK_STREAM;
        } else {
            this.address = InetSocketAddress.createUnresolved(host, port);
            this.socktype = socktype == 0 ? SOCK_DGRAM : socktype;
        }
    }

    /**
     * Python's {@code encodePriority}: {@code (facility << 3) | priority}, each given as a
     * number or as a name of {@link #FACILITY_NAMES} / {@link #PRIORITY_NAMES}.
     *
     * @throws IllegalArgumentException for an unknown name (Python's KeyError)
     */
    public int encodePriority(Object facility, Object priority) {
        return (facilityCode(facility) << 3) | code(priority, PRIORITY_NAMES, "priority");
    }

    /** A facility given as a number or a name ({@code "local0"}). */
    public static int facilityCode(Object facility) {
        return code(facility, FACILITY_NAMES, "facility");
    }

    private static int code(Object value, Map<String, Integer> names, String what) {
        if (value instanceof Number) return ((Number) value).intValue();
        Integer code = value == null ? null : names.get(value.toString());
        if (code == null) throw new IllegalArgumentException("unknown syslog " + what + " " + value);
        return code;
    }

    /** Python's {@code mapPriority}: the priority name for a level name, {@code "warning"} if unmapped. */
    public String mapPriority(String levelName) {
        return priorityMap.getOrDefault(levelName, "warning");
    }

    /** Python's {@code priority_map}, mutable: add entries for custom level names. */
    public Map<String, String> getPriorityMap() {
        return priorityMap;
    }

    @Override
    protected void emit(LogRecord record) throws IOException {
        String msg = format(record);
        String id = ident;
        if (!id.isEmpty()) msg = id + msg;
        SyslogFormat form = syslogFormat;
        if (appendNul && form != SyslogFormat.RFC5424) msg += '\0';
        int priority = encodePriority(facility, mapPriority(record.getLevelname()));
        StringBuilder out = new StringBuilder(msg.length() + 96);
        form.appendHeader(out, priority, record.getCreated(), zone, getHostname(), appName, PID, msgId, !msg.isEmpty());
        byte[] bytes = out.append(msg).toString().getBytes(StandardCharsets.UTF_8);
        if (socktype == SOCK_DGRAM) {
            sendDatagram(bytes);
        } else {
            sendStream(getFraming().frame(bytes));
        }
    }

    private void sendDatagram(byte[] bytes) throws IOException {
        try {
            if (datagrams == null) {
                InetSocketAddress a = (InetSocketAddress) address;
                DatagramChannel c = DatagramChannel.open();
                datagrams = c;
                // Connected, unlike Python's sendto, so an unreachable port is reported.
                c.connect(new InetSocketAddress(a.getHostString(), a.getPort()));
            }
            datagrams.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            closeConnections();
            throw e;
        }
    }

    /**
     * Writes to the stream, connecting first when the backoff allows. Python's Unix-socket branch
     * reconnects and sends again once after a failure; Cairn does that for TCP too, unless the
     * write timed out (a server that stopped reading gets the backoff instead).
     */
    private void sendStream(byte[] frame) throws IOException {
        if (stream != null && stream.peerClosed()) closeConnections();
        for (int attempt = 0; ; attempt++) {
            if (stream == null) connectStream();
            try {
                stream.write(ByteBuffer.wrap(frame));
                return;
            } catch (IOException e) {
                closeConnections();
                if (e instanceof SocketTimeoutException) backoff.failed(System.nanoTime());
                if (attempt > 0 || e instanceof SocketTimeoutException) throw e;
            }
        }
    }

    private void connectStream() throws IOException {
        long now = System.nanoTime();
        if (!backoff.due(now)) {
            throw new IOException(String.format(Locale.ROOT, "not connected to syslog at %s; next attempt in %.1f s",
                    describeAddress(), backoff.secondsLeft(now)));
        }
        try {
            stream = StreamConnection.open(address, timeout);
            backoff.succeeded();
        } catch (IOException e) {
            backoff.failed(now);
            if (String.valueOf(e.getMessage()).contains("Protocol wrong type")) {
                throw new IOException(describeAddress() + " is a Unix datagram socket, which the JDK cannot send to; "
                        + "use UDP to 127.0.0.1 or a stream socket (rsyslog imptcp path=...)", e);
            }
            throw e;
        }
    }

    private void closeConnections() {
        if (stream != null) stream.close();
        stream = null;
        if (datagrams != null) {
            try {
                datagrams.close();
            } catch (IOException ignored) {
                // Nothing was pending on it.
            }
        }
        datagrams = null;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeConnections();
        } finally {
            lock.unlock();
        }
        super.close();
    }

    private String describeAddress() {
        return port == null ? host : host + ":" + port;
    }

    private String getHostname() {
        String h = hostname;
        if (h == null && syslogFormat != SyslogFormat.PYTHON) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "localhost";
            }
            // RFC 3164 wants the host name without the domain.
            if (syslogFormat == SyslogFormat.RFC3164 && h.indexOf('.') > 0 && !Character.isDigit(h.charAt(0))) {
                h = h.substring(0, h.indexOf('.'));
            }
            hostname = h;
        }
        return h;
    }

    /** The HOSTNAME of the RFC headers; the local host name unless set. */
    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public int getFacility() {
        return facility;
    }

    /** The facility, as a number ({@link #LOG_LOCAL0}) or a name ({@code "local0"}). */
    public void setFacility(Object facility) {
        this.facility = facilityCode(facility);
    }

    public String getIdent() {
        return ident;
    }

    /** Python's {@code ident}: text put before every message, such as {@code "myapp: "}. */
    public void setIdent(String ident) {
        this.ident = ident == null ? "" : ident;
    }

    public boolean getAppendNul() {
        return appendNul;
    }

    /** Python's {@code append_nul}: whether a NUL ends each message (true; never in RFC 5424). */
    public void setAppendNul(boolean appendNul) {
        this.appendNul = appendNul;
    }

    public SyslogFormat getSyslogFormat() {
        return syslogFormat;
    }

    /** The header: Python's ({@code <PRI>} alone, the default), RFC 3164 or RFC 5424. */
    public void setSyslogFormat(SyslogFormat format) {
        this.syslogFormat = Objects.requireNonNull(format, "format");
    }

    /** The stream framing: as set, else octet counting for RFC 5424 and none (Python's) otherwise. */
    public SyslogFraming getFraming() {
        SyslogFraming f = framing;
        if (f != null) return f;
        return syslogFormat == SyslogFormat.RFC5424 ? SyslogFraming.OCTET_COUNTING : SyslogFraming.NONE;
    }

    public void setFraming(SyslogFraming framing) {
        this.framing = framing;
    }

    /** The RFC 5424 APP-NAME ("-" when unset). */
    public void setAppName(String appName) {
        this.appName = appName;
    }

    /** The RFC 5424 MSGID ("-" when unset). */
    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    /** The zone of RFC 3164 timestamps (the system's by default); RFC 5424 times are UTC. */
    public void setTimeZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Python's {@code socktype}: {@link #SOCK_DGRAM} or {@link #SOCK_STREAM}. */
    public int getSocktype() {
        return socktype;
    }

    public double getTimeout() {
        return timeout;
    }

    /** Seconds a stream connect or a stalled write may take; 0 waits forever (Python's None). */
    public void setTimeout(double seconds) {
        if (!(seconds >= 0)) throw new IllegalArgumentException("timeout must be >= 0 seconds, got " + seconds);
        this.timeout = seconds;
    }

    /** Python's {@code retryStart}-style wait after a failed stream connection, in seconds (1.0). */
    public void setRetryStart(double seconds) {
        backoff.setRetryStart(seconds);
    }

    public void setRetryMax(double seconds) {
        backoff.setRetryMax(seconds);
    }

    public void setRetryFactor(double factor) {
        backoff.setRetryFactor(factor);
    }
}
