package dev.cairn.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import dev.cairn.context.RequestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * {@code /health}: healthy when the service it calls is healthy, so one probe of the gateway
 * checks all three (and, before the traffic, warms up their HTTP and logging paths).
 */
final class HealthCheck implements HttpHandler {

    private final Logger log;
    private final URI downstream;
    private final HttpClient client;

    /** A check for service {@code name}, asking {@code downstream} ({@code -} for none) too. */
    HealthCheck(String name, String downstream) {
        this.log = Logging.getLogger(name + ".health");
        this.downstream = downstream == null || downstream.equals("-") ? null : URI.create(downstream).resolve("/health");
        this.client = this.downstream == null ? null : Http.client();
    }

    @Override
    @SuppressWarnings("try")  // the request's context scope is used by being open, never named
    public void handle(HttpExchange exchange) throws IOException {
        try (LogContext.Scope request = RequestContext.begin(exchange.getRequestHeaders())) {
            exchange.getRequestBody().close();
            int status = 200;
            if (downstream != null) {
                try {
                    status = Http.post(client, downstream, Map.of(), Duration.ofSeconds(30)).statusCode();
                } catch (IOException e) {
                    status = 503;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = 503;
                }
            }
            log.debug("health check: %s", status == 200 ? "ok" : "unhealthy, " + downstream + " answered " + status);
            Http.respond(exchange, status, status == 200 ? "ok" : "unhealthy");
        }
    }
}
