package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Python's {@code logging.handlers.HTTPHandler}: sends each record to a web server as Python's
 * urlencoded {@link #mapLogRecord} (the record's {@code __dict__}), in the query string of a GET
 * or the body of a POST ({@code application/x-www-form-urlencoded}), with HTTP Basic
 * authentication for {@code credentials} and HTTPS when {@code secure}. Uses the JDK HttpClient
 * over HTTP/1.1.
 *
 * <p>Differences from Python, all about failures: a response other than 2xx or 3xx is reported
 * through {@link #handleError} (Python ignores the response); a request that gets no response
 * within {@link #setTimeout timeout} seconds (10; Python waits forever) fails; and a request that
 * fails on a broken connection is sent once more, as the connection may have been a stale one
 * the server had closed. Sending runs on the logging thread under the handler's lock.
 */
public class HTTPHandler extends Handler {
    private final String host;
    private final String url;
    private final String method;
    private final boolean secure;
    private final String authorization;
    private final SSLContext context;
    private volatile double timeout = 10.0;
    private HttpClient client;

    /** A GET handler for {@code http://host/url}; {@code host} may carry a port ({@code "localhost:8080"}). */
    public HTTPHandler(String host, String url) {
        this(host, url, "GET", false, null, null);
    }

    /**
     * Python's {@code HTTPHandler(host, url, method, secure, credentials, context)}.
     * {@code credentials} is {@code [username, password]} or null; {@code context} the SSL context
     * for HTTPS (the JDK default when null).
     *
     * @throws IllegalArgumentException if the method is not GET or POST, credentials are not a
     *     pair, or a context is given without {@code secure} (Python's ValueErrors)
     */
    public HTTPHandler(String host, String url, String method, boolean secure, String[] credentials, SSLContext context) {
        this.host = Objects.requireNonNull(host, "host");
        this.url = Objects.requireNonNull(url, "url");
        String m = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("POST")) throw new IllegalArgumentException("method must be GET or POST");
        if (!secure && context != null) {
            throw new IllegalArgumentException("context parameter only makes sense with secure=True");
        }
        if (credentials != null && credentials.length != 2) {
            throw new IllegalArgumentException("credentials must be [username, password]");
        }
        this.method = m;
        this.secure = secure;
        this.context = context;
        this.authorization = credentials == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Python's {@code mapLogRecord}: the name/value pairs sent for a record, by default the
     * record's {@code __dict__} in CPython's order. Override to send less or other fields; values
     * are sent as Python's {@code str()} of them.
     */
    protected Map<String, Object> mapLogRecord(LogRecord record) {
        return RecordAttributes.of(record);
    }

    @Override
    protected void emit(LogRecord record) throws IOException, InterruptedException {
        String data = urlencode(mapLogRecord(record));
        String target = (secure ? "https://" : "http://") + host + url;
        HttpRequest.Builder request;
        if (method.equals("GET")) {
            request = HttpRequest.newBuilder(URI.create(target + (url.indexOf('?') >= 0 ? '&' : '?') + data)).GET();
        } else {
            request = HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(data, StandardCharsets.UTF_8));
        }
        if (authorization != null) request.header("Authorization", authorization);
        if (timeout > 0) request.timeout(Duration.ofNanos((long) (timeout * 1e9)));
        HttpRequest built = request.build();
        HttpResponse<Void> response;
        try {
            try {
                response = client().send(built, HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException | javax.net.ssl.SSLException e) {
                // Neither a slow server nor a certificate it was refused gets better by asking again.
                throw e;
            } catch (IOException e) {
                response = client().send(built, HttpResponse.BodyHandlers.discarding());
            }
        } catch (InterruptedException e) {
            // The application asked its thread to stop: keep the flag for it, report the record.
            Thread.currentThread().interrupt();
            throw e;
        }
        int status = response.statusCode();
        if (status < 200 || status >= 400) {
            throw new IOException("HTTP " + status + " from " + method + " " + target);
        }
    }

    private HttpClient client() {
        if (client == null) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            if (timeout > 0) b.connectTimeout(Duration.ofNanos((long) (timeout * 1e9)));
            if (context != null) b.sslContext(context);
            client = b.build();
        }
        return client;
    }

    /** Python's {@code urllib.parse.urlencode} of a mapping: {@code quote_plus(str(k))=quote_plus(str(v))}, joined by {@code &}. */
    static String urlencode(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder(512);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (sb.length() > 0) sb.append('&');
            quotePlus(sb, e.getKey());
            sb.append('=');
            quotePlus(sb, RecordAttributes.str(e.getValue()));
        }
        return sb.toString();
    }

    /** Python's {@code quote_plus}: letters, digits and {@code _.-~} kept, space as {@code +}, other UTF-8 bytes as {@code %XX}. */
    private static void quotePlus(StringBuilder sb, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
    }

    public String getHost() {
        return host;
    }

    public String getUrl() {
        return url;
    }

    public String getMethod() {
        return method;
    }

    public boolean isSecure() {
        return secure;
    }

    public double getTimeout() {
        return timeout;
    }

    /** Seconds to wait for a connection and for each response (10); 0 waits forever. Set before the first record. */
    public void setTimeout(double seconds) {
        if (!(seconds >= 0)) throw new IllegalArgumentException("timeout must be >= 0 seconds, got " + seconds);
        this.timeout = seconds;
    }
}
