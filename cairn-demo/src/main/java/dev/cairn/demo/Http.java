package dev.cairn.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.cairn.context.LogContext;
import dev.cairn.context.RequestContext;
import dev.cairn.context.TraceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The little HTTP the services speak: form-encoded bodies over loopback, plain-text answers,
 * and outgoing calls that carry the current request's W3C {@code traceparent} and
 * {@code X-Request-Id}, so the next service's records join the same trace.
 */
final class Http {

    private Http() {
    }

    /** A client speaking HTTP/1.1 (no upgrade attempts on loopback). */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The form fields of a request body. */
    static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Sends a plain-text answer and closes the exchange. */
    static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * POSTs {@code fields} to {@code uri} on behalf of the current request: the trace context's
     * {@code traceparent} (Cairn's {@link TraceContext#stamp}) and the request id go along.
     *
     * @throws java.net.http.HttpTimeoutException when no answer comes within {@code timeout}
     */
    static HttpResponse<String> post(HttpClient client, URI uri, Map<String, String> fields, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        Object requestId = LogContext.get(RequestContext.REQUEST_ID);
        if (requestId != null) {
            request.header(RequestContext.REQUEST_ID_HEADER, requestId.toString());
        }
        return client.send(TraceContext.stamp(request).build(), HttpResponse.BodyHandlers.ofString());
    }
}
